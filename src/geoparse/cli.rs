//! `geobrief geoparse`: place detection from the command line.
//!
//! Plain-text files in, one line per place name out; or, with `--jsonl`, JSON
//! Lines of `{"id", "text"}` in and `{"id", "toponyms": [{"start", "end", "name",
//! "lat", "lon"}]}` out, offsets in Unicode code points (the evaluation format).
//! Street and building names the gazetteer does not list are reported too, with
//! `null` coordinates and kind `unlisted`.
//! Exit status: 0 done, 1 an input could not be read, 2 usage error (from clap).

use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::{Deserialize, Serialize};

use super::publisher::{PublisherMemory, host_of};
use super::{Options, Toponym, UnlistedPlace, detect_places_with, detect_unlisted_places};
use crate::gazetteer::Gazetteer;

/// Arguments of `geobrief geoparse`.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct GeoparseArgs {
    /// Text files to read; with --jsonl, JSON Lines files ("-" or none: standard input).
    pub files: Vec<PathBuf>,
    /// Read JSON Lines of {"id", "text"} and write {"id", "toponyms"} lines.
    #[arg(long)]
    pub jsonl: bool,
    /// Favour places in this country (ISO 3166-1 alpha-2 code, e.g. SY).
    #[arg(long, value_name = "CODE")]
    pub country: Option<String>,
    /// With --jsonl: do not learn each publisher's home region from the
    /// articles of its site ("url") read before, in file order.
    #[arg(long)]
    pub no_publisher_home: bool,
}

#[derive(Deserialize)]
struct ArticleIn {
    id: serde_json::Value,
    text: String,
    /// Where the article was published; its host keys the publisher memory.
    #[serde(default)]
    url: Option<String>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a serde_json::Value,
    toponyms: Vec<ToponymOut<'a>>,
}

#[derive(Serialize)]
struct ToponymOut<'a> {
    start: usize,
    end: usize,
    name: &'a str,
    lat: Option<f64>,
    lon: Option<f64>,
    place: Option<&'a str>,
    kind: &'static str,
    country: Option<&'a str>,
    /// Why the place won, as on its place card; scorers ignore it.
    #[serde(skip_serializing_if = "String::is_empty")]
    reason: String,
}

impl<'a> ToponymOut<'a> {
    fn listed(t: &'a Toponym, gaz: &'a Gazetteer) -> Self {
        let place = gaz.place(t.place());
        Self {
            start: t.char_range.start,
            end: t.char_range.end,
            name: &t.text,
            lat: Some(place.lat_deg),
            lon: Some(place.lon_deg),
            place: Some(place.name),
            kind: place.kind.label(),
            country: Some(place.country_code),
            reason: t.reason(),
        }
    }

    fn unlisted(p: &'a UnlistedPlace) -> Self {
        Self {
            start: p.char_range.start,
            end: p.char_range.end,
            name: &p.text,
            lat: None,
            lon: None,
            place: None,
            kind: "unlisted",
            country: None,
            reason: String::new(),
        }
    }
}

/// Runs the command; reports errors on standard error.
#[must_use]
pub fn run(args: &GeoparseArgs) -> ExitCode {
    let options = Options {
        country_bias: args.country.as_ref().map(|c| c.to_ascii_uppercase()),
        home: None,
    };
    let gaz = Gazetteer::embedded();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = if args.jsonl {
        let mut memory = (!args.no_publisher_home).then(PublisherMemory::default);
        run_jsonl(&args.files, gaz, &options, memory.as_mut(), &mut out)
    } else {
        run_text(&args.files, gaz, &options, &mut out)
    };
    match result.and_then(|()| out.flush().map_err(|e| format!("writing output: {e}"))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("geobrief geoparse: {message}");
            ExitCode::from(1)
        }
    }
}

fn run_text(
    files: &[PathBuf],
    gaz: &Gazetteer,
    options: &Options,
    out: &mut impl Write,
) -> Result<(), String> {
    if files.is_empty() {
        return Err("give one or more text files, or --jsonl".to_owned());
    }
    for path in files {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read as UTF-8 text: {e}", path.display()))?;
        let write_err = |e: std::io::Error| format!("writing output: {e}");
        writeln!(out, "# {}", path.display()).map_err(write_err)?;
        let found = detect_places_with(&text, gaz, options);
        for t in &found {
            writeln!(out, "{}", text_line(t, gaz)).map_err(write_err)?;
        }
        for p in detect_unlisted_places(&text, &found) {
            let (start, end) = (p.char_range.start, p.char_range.end);
            writeln!(out, "{start}\t{end}\t{}\t\tunlisted", p.text).map_err(write_err)?;
        }
    }
    Ok(())
}

/// One tab-separated line: code-point range, name, place, kind, country, lat, lon, reason.
fn text_line(t: &Toponym, gaz: &Gazetteer) -> String {
    let place = gaz.place(t.place());
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{:.4}\t{:.4}\t{}",
        t.char_range.start,
        t.char_range.end,
        t.text,
        place.name,
        place.kind.label(),
        place.country_code,
        place.lat_deg,
        place.lon_deg,
        t.reason()
    )
}

fn run_jsonl(
    files: &[PathBuf],
    gaz: &Gazetteer,
    options: &Options,
    mut memory: Option<&mut PublisherMemory>,
    out: &mut impl Write,
) -> Result<(), String> {
    let stdin_only = [PathBuf::from("-")];
    let files = if files.is_empty() {
        &stdin_only[..]
    } else {
        files
    };
    for path in files {
        if path == Path::new("-") {
            let stdin = std::io::stdin();
            let memory = memory.as_deref_mut();
            jsonl_stream(stdin.lock(), "standard input", gaz, options, memory, out)?;
        } else {
            let file = std::fs::File::open(path)
                .map_err(|e| format!("{}: cannot open: {e}", path.display()))?;
            let label = path.display().to_string();
            let input = std::io::BufReader::new(file);
            jsonl_stream(input, &label, gaz, options, memory.as_deref_mut(), out)?;
        }
    }
    Ok(())
}

/// Reads articles in order; with a `memory`, each article is resolved with
/// what its publisher's earlier articles taught, then taught to it.
fn jsonl_stream(
    input: impl BufRead,
    label: &str,
    gaz: &Gazetteer,
    options: &Options,
    mut memory: Option<&mut PublisherMemory>,
    out: &mut impl Write,
) -> Result<(), String> {
    for (index, line) in input.lines().enumerate() {
        let line_no = index + 1;
        let line = line.map_err(|e| format!("{label} line {line_no}: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let article: ArticleIn = serde_json::from_str(&line)
            .map_err(|e| format!("{label} line {line_no}: expected {{\"id\", \"text\"}}: {e}"))?;
        let host = article.url.as_deref().and_then(host_of);
        let found = match (memory.as_deref_mut(), &host) {
            (Some(memory), Some(host)) => {
                let options = Options {
                    home: memory.home(host),
                    ..options.clone()
                };
                let found = detect_places_with(&article.text, gaz, &options);
                memory.learn(host, &found, gaz);
                found
            }
            _ => detect_places_with(&article.text, gaz, options),
        };
        let unlisted = detect_unlisted_places(&article.text, &found);
        let mut toponyms: Vec<ToponymOut> = found
            .iter()
            .map(|t| ToponymOut::listed(t, gaz))
            .chain(unlisted.iter().map(ToponymOut::unlisted))
            .collect();
        toponyms.sort_by_key(|t| t.start);
        let record = ArticleOut {
            id: &article.id,
            toponyms,
        };
        serde_json::to_writer(&mut *out, &record).map_err(|e| format!("writing output: {e}"))?;
        writeln!(out).map_err(|e| format!("writing output: {e}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_jsonl_article_comes_back_with_code_point_offsets() {
        let input = "{\"id\": \"a1\", \"text\": \"Zürich and Aleppo on Royal Street.\"}\n\n";
        let mut out = Vec::new();
        jsonl_stream(
            input.as_bytes(),
            "test",
            Gazetteer::embedded(),
            &Options::default(),
            None,
            &mut out,
        )
        .expect("valid input");
        let line: serde_json::Value = serde_json::from_slice(&out).expect("one JSON line");
        assert_eq!(line["id"], "a1");
        assert_eq!(line["toponyms"][1]["start"], 11);
        assert_eq!(line["toponyms"][1]["end"], 17);
        assert_eq!(line["toponyms"][1]["name"], "Aleppo");
        assert_eq!(line["toponyms"][2]["name"], "Royal Street");
        assert!(line["toponyms"][2]["lat"].is_null());
    }

    #[test]
    fn a_missing_text_file_is_reported_by_name() {
        let path = PathBuf::from("no/such/article.txt");
        let err = run_text(
            std::slice::from_ref(&path),
            Gazetteer::embedded(),
            &Options::default(),
            &mut Vec::new(),
        )
        .expect_err("missing file");
        assert!(err.starts_with("no/such/article.txt: cannot read"), "{err}");
    }

    #[test]
    fn a_text_file_gives_one_tab_separated_line_per_place() {
        let dir = std::env::temp_dir().join(format!("geobrief-cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("article.txt");
        std::fs::write(&path, "Ships left Tartus for the Black Sea.").expect("write");
        let mut out = Vec::new();
        run_text(
            std::slice::from_ref(&path),
            Gazetteer::embedded(),
            &Options::default(),
            &mut out,
        )
        .expect("readable");
        let _ = std::fs::remove_dir_all(&dir);
        let out = String::from_utf8(out).expect("UTF-8");
        let lines: Vec<&str> = out.lines().skip(1).collect();
        assert_eq!(lines.len(), 2, "{out}");
        assert!(
            lines[0].starts_with("11\t17\tTartus\tTartus\tcity\tSY"),
            "{out}"
        );
    }

    #[test]
    fn a_malformed_jsonl_line_is_reported_with_its_line_number() {
        let input = "{\"id\": 1, \"text\": \"ok\"}\nnot json\n";
        let err = jsonl_stream(
            input.as_bytes(),
            "in.jsonl",
            Gazetteer::embedded(),
            &Options::default(),
            None,
            &mut Vec::new(),
        )
        .expect_err("line 2 is bad");
        assert!(err.starts_with("in.jsonl line 2:"), "{err}");
    }

    #[test]
    fn articles_of_one_site_teach_it_where_its_dublin_is() {
        let url = "https://www.ohio-paper.com/story";
        let line = |id: u32, text: &str| {
            serde_json::json!({"id": id, "url": url, "text": text}).to_string() + "\n"
        };
        let input = [
            line(1, "A fair opened in Mount Vernon, Ohio."),
            line(2, "The council of Chillicothe, Ohio, met."),
            line(3, "Roads closed in Zanesville, Ohio."),
            line(4, "The council of Dublin met on Monday."),
        ]
        .concat();
        let country_of_last = |memory: Option<&mut PublisherMemory>| {
            let mut out = Vec::new();
            jsonl_stream(
                input.as_bytes(),
                "test",
                Gazetteer::embedded(),
                &Options::default(),
                memory,
                &mut out,
            )
            .expect("valid input");
            let text = String::from_utf8(out).expect("UTF-8");
            let last: serde_json::Value =
                serde_json::from_str(text.lines().last().expect("four lines")).expect("JSON");
            last["toponyms"][0]["country"].clone()
        };
        assert_eq!(country_of_last(None), "IE");
        let mut memory = PublisherMemory::default();
        assert_eq!(country_of_last(Some(&mut memory)), "US");
        assert_eq!(memory.articles("ohio-paper.com"), 4);
    }
}
