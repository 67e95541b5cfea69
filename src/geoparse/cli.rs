//! `geobrief geoparse`: place detection from the command line.
//!
//! Plain-text files in, one line per place name out; or, with `--jsonl`, JSON
//! Lines of `{"id", "text"}` in and `{"id", "toponyms": [{"start", "end", "name",
//! "lat", "lon"}]}` out, offsets in Unicode code points (the evaluation format).
//! Street and building names the gazetteer does not list are reported too, with
//! `null` coordinates and kind `unlisted`.
//!
//! Files are read through the app's guarded reader ([`read_bounded`]): a pipe
//! or a device is refused at once and a file over [`MAX_TEXT_BYTES`] by its
//! size, with the messages the app shows. In a JSON Lines batch a line that
//! cannot be read is reported by its number and skipped, and the rest goes on;
//! an id is written back exactly as it was read (a number past 2^64 stays a
//! number, not a float). A batch's articles are read on workers, one per
//! core unless `--jobs` says otherwise, a chunk at a time, and written in
//! the order they came. Exit status: 0 done, 1 some input (a file or a line)
//! could not be read, 2 usage error (from clap).

use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::explain::{DroppedOut, EvidenceOut, dropped_out, evidence_of, explain_lines};
use super::json_line;
use super::publisher::{PublisherMemory, address_home, host_of};
use super::weighed::{CandidateOut, candidates_out};
use super::{
    Options, Recognised, Rule, Toponym, UnlistedPlace, Weights, detect_places_explained,
    detect_unlisted_places_with,
};
use crate::brief::MAX_TEXT_BYTES;
use crate::brief::read::{read_bounded, text_from_bytes};
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
    /// For every span found or dropped, print the rule that decided it and
    /// the evidence for the chosen place, with its weight.
    #[arg(long)]
    pub explain: bool,
    /// With --jsonl: every candidate each name was weighed as, best first,
    /// with the facts its score rests on (for tools/eval/fit_weights.py).
    #[arg(long)]
    pub candidates: bool,
    /// Run without this rule (repeat for more; a wrong name lists them).
    #[arg(long, value_name = "RULE", value_parser = super::explain::parse_rule)]
    pub without: Vec<Rule>,
    /// With --jsonl: workers finding places (default: one per core); the
    /// output is the same whatever the number.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub jobs: usize,
}

#[derive(Deserialize)]
struct ArticleIn<'a> {
    /// Kept as written: an id is the caller's, not ours to round.
    #[serde(borrow)]
    id: &'a RawValue,
    #[serde(borrow)]
    text: std::borrow::Cow<'a, str>,
    /// Where the article was published; its host keys the publisher memory.
    #[serde(default, borrow)]
    url: Option<std::borrow::Cow<'a, str>>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a RawValue,
    toponyms: Vec<ToponymOut<'a>>,
    /// With --explain: the spans rules dropped.
    #[serde(skip_serializing_if = "Option::is_none")]
    dropped: Option<Vec<DroppedOut<'a>>>,
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
    #[serde(skip_serializing_if = "Reasons::is_empty")]
    reason: Reasons<'a>,
    /// With --explain: the rule that kept it and the evidence, weighed.
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<Vec<EvidenceOut>>,
    /// With --candidates: every candidate, with its facts.
    #[serde(skip_serializing_if = "Option::is_none")]
    candidates: Option<Vec<CandidateOut<'a>>>,
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
            reason: Reasons(&t.candidates[0].reasons),
            rule: None,
            evidence: None,
            candidates: None,
        }
    }

    fn explained(t: &'a Toponym, gaz: &'a Gazetteer, weights: &Weights) -> Self {
        Self {
            rule: Some(t.rule.name()),
            evidence: Some(evidence_of(t, gaz, weights)),
            ..Self::listed(t, gaz)
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
            reason: Reasons(&[]),
            rule: None,
            evidence: None,
            candidates: None,
        }
    }
}

/// Why a place won, in parts: written joined with "; ", as on its place card
/// (`Toponym::reason`), without making the joined string first.
#[derive(Clone, Copy)]
struct Reasons<'a>(&'a [String]);

impl Reasons<'_> {
    /// Whether the joined line is empty.
    fn is_empty(&self) -> bool {
        match self.0 {
            [] => true,
            [only] => only.is_empty(),
            _ => false,
        }
    }

    fn write_contents(&self, out: &mut Vec<u8>) {
        for (i, part) in self.0.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(b"; ");
            }
            json_line::write_str_contents(out, part);
        }
    }
}

impl std::fmt::Display for Reasons<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, part) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            f.write_str(part)?;
        }
        Ok(())
    }
}

impl Serialize for Reasons<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl ArticleOut<'_> {
    /// The record's line as serde_json writes it, written by hand: only for
    /// a record without `--explain`'s or `--candidates`' fields.
    fn write_plain(&self, out: &mut Vec<u8>) {
        debug_assert!(self.dropped.is_none());
        out.extend_from_slice(b"{\"id\":");
        out.extend_from_slice(self.id.get().as_bytes());
        out.extend_from_slice(b",\"toponyms\":[");
        // Sized at once for every name: grown an insert at a time it was
        // made again and again.
        let mut tails: rustc_hash::FxHashMap<usize, std::ops::Range<usize>> =
            rustc_hash::FxHashMap::with_capacity_and_hasher(
                self.toponyms.len(),
                Default::default(),
            );
        for (i, t) in self.toponyms.iter().enumerate() {
            debug_assert!(t.rule.is_none() && t.evidence.is_none() && t.candidates.is_none());
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"start\":");
            json_line::write_usize(out, t.start);
            out.extend_from_slice(b",\"end\":");
            json_line::write_usize(out, t.end);
            out.extend_from_slice(b",\"name\":");
            json_line::write_str(out, t.name);
            // Every mention of a name shares its place and its reasons (one
            // sense per article): what follows the name is written once and
            // copied for the other mentions.
            let shared = (!t.reason.0.is_empty()).then_some(t.reason.0.as_ptr() as usize);
            if let Some(written) = shared.and_then(|key| tails.get(&key)) {
                out.extend_from_within(written.clone());
            } else {
                let from = out.len();
                out.extend_from_slice(b",\"lat\":");
                json_line::write_f64(out, t.lat);
                out.extend_from_slice(b",\"lon\":");
                json_line::write_f64(out, t.lon);
                out.extend_from_slice(b",\"place\":");
                json_line::write_opt_str(out, t.place);
                out.extend_from_slice(b",\"kind\":");
                json_line::write_str(out, t.kind);
                out.extend_from_slice(b",\"country\":");
                json_line::write_opt_str(out, t.country);
                if !t.reason.is_empty() {
                    out.extend_from_slice(b",\"reason\":\"");
                    t.reason.write_contents(out);
                    out.push(b'"');
                }
                if let Some(key) = shared {
                    tails.insert(key, from..out.len());
                }
            }
            out.push(b'}');
        }
        out.extend_from_slice(b"]}\n");
    }
}

/// What a run could not read: each was reported on standard error as it
/// came, and the rest of the input went on.
#[derive(Debug, Default, PartialEq, Eq)]
struct Unread {
    files: usize,
    lines: usize,
}

/// A failure that ends the run: the output cannot be written, or standard
/// input cannot be read on.
#[derive(Debug)]
struct Fatal(String);

fn write_error(e: impl std::fmt::Display) -> Fatal {
    Fatal(format!("writing output: {e}"))
}

/// Runs the command; reports errors on standard error.
#[must_use]
pub fn run(args: &GeoparseArgs) -> ExitCode {
    run_with_weights(args, Weights::DEFAULT)
}

/// Runs the command with other weights than the fitted ones: for the
/// `geoparse` example's `--weights`, to try a fit without a rebuild.
#[must_use]
pub fn run_with_weights(args: &GeoparseArgs, weights: Weights) -> ExitCode {
    let options = Options {
        weights,
        country_bias: args.country.as_ref().map(|c| c.to_ascii_uppercase()),
        rules_off: args
            .without
            .iter()
            .fold(super::RulesOff::default(), |off, &rule| off.with(rule)),
        ..Options::default()
    };
    let gaz = Gazetteer::embedded();
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut errors = std::io::stderr();
    let result = if args.jsonl {
        let mut memory = (!args.no_publisher_home).then(PublisherMemory::default);
        let mut batch = Batch {
            gaz,
            options: &options,
            memory: memory.as_mut(),
            out: &mut out,
            errors: &mut errors,
            unread: Unread::default(),
            explain: args.explain,
            candidates: args.candidates,
            jobs: crate::parallel::workers(args.jobs, usize::MAX),
            pending: Vec::new(),
            pending_bytes: 0,
            line_out: Vec::new(),
        };
        batch.run(&args.files).map(|()| batch.unread)
    } else {
        run_text(
            &args.files,
            gaz,
            &options,
            args.explain,
            &mut out,
            &mut errors,
        )
    };
    let result = result.and_then(|unread| out.flush().map(|()| unread).map_err(write_error));
    match result {
        Ok(unread) if unread == Unread::default() => ExitCode::SUCCESS,
        Ok(unread) => {
            eprintln!(
                "geobrief geoparse: {} file(s) and {} line(s) could not be read",
                unread.files, unread.lines
            );
            ExitCode::from(1)
        }
        Err(Fatal(message)) => {
            eprintln!("geobrief geoparse: {message}");
            ExitCode::from(1)
        }
    }
}

fn run_text(
    files: &[PathBuf],
    gaz: &Gazetteer,
    options: &Options,
    explain: bool,
    out: &mut impl Write,
    errors: &mut impl Write,
) -> Result<Unread, Fatal> {
    if files.is_empty() {
        return Err(Fatal("give one or more text files, or --jsonl".to_owned()));
    }
    let mut unread = Unread::default();
    for path in files {
        let text = match read_text_file(path) {
            Ok(text) => text,
            Err(message) => {
                let _ = writeln!(errors, "{message}");
                unread.files += 1;
                continue;
            }
        };
        writeln!(out, "# {}", path.display()).map_err(write_error)?;
        if explain {
            let (found, dropped) = detect_places_explained(&text, gaz, options);
            let unlisted = detect_unlisted_places_with(&text, &found, options.rules_off);
            let lines = explain_lines(&text, &found, &unlisted, &dropped, gaz, &options.weights);
            for line in lines {
                writeln!(out, "{line}").map_err(write_error)?;
            }
            continue;
        }
        let found = super::detect_places_with(&text, gaz, options);
        for t in &found {
            writeln!(out, "{}", text_line(t, gaz)).map_err(write_error)?;
        }
        for p in detect_unlisted_places_with(&text, &found, options.rules_off) {
            let (start, end) = (p.char_range.start, p.char_range.end);
            writeln!(out, "{start}\t{end}\t{}\t\tunlisted", p.text).map_err(write_error)?;
        }
    }
    Ok(unread)
}

/// The text of a file, read as the app reads one, or the app's message.
fn read_text_file(path: &Path) -> Result<String, String> {
    let name = path.display();
    if crate::fetch::is_web_address(&name.to_string()) {
        return crate::open::article_text_at(&name.to_string());
    }
    let bytes = read_bounded(path, MAX_TEXT_BYTES as u64).map_err(|e| format!("{name}: {e}"))?;
    text_from_bytes(&bytes).map_err(|e| format!("{name}: {e}"))
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

/// A JSON Lines batch: articles written in file order. With a `memory`,
/// a publisher's home region is learned in article order, and each article
/// is read with the home known just before it (as `collect` does; a home is
/// learned only from towns the article placed by itself, never from one
/// the home chose).
struct Batch<'a, O: Write, E: Write> {
    gaz: &'a Gazetteer,
    options: &'a Options,
    memory: Option<&'a mut PublisherMemory>,
    out: &'a mut O,
    errors: &'a mut E,
    unread: Unread,
    explain: bool,
    /// Write every candidate with its facts.
    candidates: bool,
    /// Workers, at least one (`--jobs`, or one per core).
    jobs: usize,
    /// Articles read and not yet written, and the bytes of their texts.
    pending: Vec<Pending>,
    pending_bytes: usize,
    /// The line being written, kept between articles for its capacity.
    line_out: Vec<u8>,
}

/// An article read from its line, waiting for its chunk to be read.
struct Pending {
    id: Box<RawValue>,
    text: String,
    host: Option<String>,
}

/// A chunk is read once it holds this many articles or bytes of text: enough
/// to keep every worker busy, and few enough that the memory one chunk used is
/// used again by the next (16 MB chunks cost 7% more time in fresh pages).
const CHUNK_ARTICLES: usize = 128;
const CHUNK_BYTES: usize = 1 << 20;

impl<O: Write, E: Write> Batch<'_, O, E> {
    fn run(&mut self, files: &[PathBuf]) -> Result<(), Fatal> {
        let stdin_only = [PathBuf::from("-")];
        let files = if files.is_empty() {
            &stdin_only[..]
        } else {
            files
        };
        for path in files {
            if path == Path::new("-") {
                self.stream(std::io::stdin().lock(), "standard input")?;
                continue;
            }
            let label = path.display().to_string();
            match read_bounded(path, MAX_TEXT_BYTES as u64) {
                Ok(bytes) => self.lines(&bytes, &label)?,
                Err(e) => {
                    let _ = writeln!(self.errors, "{label}: {e}");
                    self.unread.files += 1;
                }
            }
        }
        self.flush()
    }

    /// Every line of a whole file's bytes.
    fn lines(&mut self, bytes: &[u8], label: &str) -> Result<(), Fatal> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        // The line ends are found by memchr, many bytes at a time: splitting
        // on a closure looked at each byte and cost 4% of a 2 MB run.
        let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
        let mut start = 0;
        for (index, end) in ends.enumerate() {
            self.line(&bytes[start..end], label, index + 1)?;
            start = end + 1;
        }
        Ok(())
    }

    /// Lines of a stream, each at most [`MAX_TEXT_BYTES`] long: a stream
    /// without line ends (`< /dev/zero`) is refused at that length.
    fn stream(&mut self, mut input: impl BufRead, label: &str) -> Result<(), Fatal> {
        let mut line = Vec::new();
        for line_no in 1.. {
            line.clear();
            let more = read_line_bounded(&mut input, &mut line, MAX_TEXT_BYTES)
                .map_err(|e| Fatal(format!("{label} line {line_no}: {e}")))?;
            let bytes = match line_no {
                1 => line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&line),
                _ => &line,
            };
            if !more && bytes.is_empty() {
                break;
            }
            self.line(bytes, label, line_no)?;
            if !more {
                break;
            }
        }
        Ok(())
    }

    /// One line: an article written out, or a reason on standard error.
    fn line(&mut self, line: &[u8], label: &str, line_no: usize) -> Result<(), Fatal> {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        // A line checked as UTF-8 at once (simdutf8, many bytes at a time) is
        // read as text, and serde_json checks no string's UTF-8 again; any
        // other line is read as serde_json reads bytes, as before. Only a
        // line serde_json refuses is checked by std, for a clearer message.
        let article = match simdutf8::basic::from_utf8(line) {
            Ok(text) => serde_json::from_str::<ArticleIn>(text),
            Err(_) => serde_json::from_slice::<ArticleIn>(line),
        };
        let article = article.map_err(|e| match std::str::from_utf8(line) {
            Err(bad) => format!(
                "not UTF-8 text (invalid byte at offset {})",
                bad.valid_up_to()
            ),
            Ok(_) => format!("expected {{\"id\", \"text\"}}: {e}"),
        });
        match article {
            Ok(article) => self.article(article),
            Err(reason) => {
                let _ = writeln!(self.errors, "{label} line {line_no}: {reason}; skipped");
                self.unread.lines += 1;
                Ok(())
            }
        }
    }

    /// Queues an article; reads the chunk once it is full.
    fn article(&mut self, article: ArticleIn) -> Result<(), Fatal> {
        self.pending_bytes += article.text.len();
        self.pending.push(Pending {
            id: article.id.to_owned(),
            // Taken, not cloned: a text with escapes was already made a string.
            text: article.text.into_owned(),
            host: article.url.as_deref().and_then(host_of),
        });
        // One worker gains nothing from a chunk, and each article is then
        // read once, with the home known just before it.
        if self.jobs == 1
            || self.pending.len() >= CHUNK_ARTICLES
            || self.pending_bytes >= CHUNK_BYTES
        {
            self.flush()?;
        }
        Ok(())
    }

    /// Reads the articles queued, on workers, and writes them in order. Each
    /// article is read with its publisher's home as known when the chunk
    /// began; an article whose home has changed since (an earlier article of
    /// the same site in this chunk taught the memory something) is read
    /// again, from the names recognised the first time, before the memory
    /// learns from it, so every article is read with the home known just
    /// before it, whatever the chunks and workers.
    fn flush(&mut self) -> Result<(), Fatal> {
        let chunk = std::mem::take(&mut self.pending);
        self.pending_bytes = 0;
        let (gaz, explain, options) = (self.gaz, self.explain, self.options);
        let workers = self.jobs.min(chunk.len()).max(1);
        let all: Vec<usize> = (0..chunk.len()).collect();
        let memory = self.memory.as_deref();
        let homes_before: Vec<Option<super::types::Home>> = chunk
            .iter()
            .map(|a| {
                let host = a.host.as_deref()?;
                // The memory falls back to the address itself; without a
                // memory, the address is all there is.
                memory.map_or_else(|| address_home(host), |m| m.home(host))
            })
            .collect();
        // Only a site met earlier in the chunk can have a home that moved.
        let mut sites = rustc_hash::FxHashSet::default();
        let may_move: Vec<bool> = chunk
            .iter()
            .map(|a| memory.is_some() && a.host.as_ref().is_some_and(|h| !sites.insert(h)))
            .collect();
        let first = crate::parallel::map_in_order(
            &all,
            workers,
            || false,
            || {},
            |&i| {
                let article = &chunk[i];
                let recognised = Recognised::published(
                    &article.text,
                    gaz,
                    options,
                    explain,
                    article.host.as_deref(),
                );
                let kept = may_move[i].then(|| recognised.clone());
                (recognised.places(gaz, homes_before[i].clone()), kept)
            },
        );
        let Some(memory) = self.memory.as_deref_mut() else {
            for (article, reading) in chunk.iter().zip(first) {
                let (found, dropped) = reading.map(|r| r.0).unwrap_or_default();
                self.write(article, &found, &dropped)?;
            }
            return Ok(());
        };
        let mut readings = Vec::with_capacity(chunk.len());
        for ((article, reading), home_before) in chunk.iter().zip(first).zip(homes_before) {
            let Some((mut reading, kept)) = reading else {
                readings.push(None);
                continue;
            };
            if let Some(host) = &article.host {
                let home = memory.home(host);
                if home != home_before {
                    let recognised = kept.unwrap_or_else(|| {
                        let host = article.host.as_deref();
                        Recognised::published(&article.text, gaz, options, explain, host)
                    });
                    reading = recognised.places(gaz, home);
                }
                memory.learn(host, &reading.0, gaz);
            }
            readings.push(Some(reading));
        }
        for (article, reading) in chunk.iter().zip(readings) {
            let (found, dropped) = reading.unwrap_or_default();
            self.write(article, &found, &dropped)?;
        }
        Ok(())
    }

    fn write(
        &mut self,
        article: &Pending,
        found: &[Toponym],
        dropped: &[super::DroppedSpan],
    ) -> Result<(), Fatal> {
        let (gaz, text) = (self.gaz, article.text.as_str());
        let unlisted = detect_unlisted_places_with(text, found, self.options.rules_off);
        let weights = &self.options.weights;
        let listed = |t| {
            let out = if self.explain {
                ToponymOut::explained(t, gaz, weights)
            } else {
                ToponymOut::listed(t, gaz)
            };
            ToponymOut {
                candidates: self.candidates.then(|| candidates_out(t, gaz)),
                ..out
            }
        };
        let mut toponyms: Vec<ToponymOut> = found
            .iter()
            .map(listed)
            .chain(unlisted.iter().map(|p| ToponymOut {
                rule: self.explain.then_some(Rule::UnlistedByForm.name()),
                ..ToponymOut::unlisted(p)
            }))
            .collect();
        toponyms.sort_by_key(|t| t.start);
        let record = ArticleOut {
            id: &article.id,
            toponyms,
            dropped: self.explain.then(|| dropped_out(text, dropped)),
        };
        if self.explain || self.candidates {
            serde_json::to_writer(&mut *self.out, &record).map_err(write_error)?;
            writeln!(self.out).map_err(write_error)
        } else {
            self.line_out.clear();
            record.write_plain(&mut self.line_out);
            self.out.write_all(&self.line_out).map_err(write_error)
        }
    }
}

/// Reads one line (without its `\n`) into `line`; false at the end of the
/// input. A line longer than `limit` bytes is an error, so that a stream
/// without line ends never fills memory.
fn read_line_bounded(
    input: &mut impl BufRead,
    line: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<bool> {
    loop {
        let available = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(false);
        }
        let (taken, ended) = match memchr::memchr(b'\n', available) {
            Some(at) => (at + 1, true),
            None => (available.len(), false),
        };
        let end = if ended { taken - 1 } else { taken };
        if line.len() + end > limit {
            return Err(std::io::Error::other(format!(
                "the line is longer than {limit} bytes, the limit"
            )));
        }
        line.extend_from_slice(&available[..end]);
        input.consume(taken);
        if ended {
            return Ok(true);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_line_written_by_hand_is_the_line_serde_json_writes() {
        let gaz = Gazetteer::embedded();
        let text = "Russia keeps ships at Tartus and jets at Hmeimim, near Latakia. \
                    Talks were held in Moscow, at 12 Elm Street.";
        let found = super::super::detect_places(text, gaz);
        let unlisted = super::super::detect_unlisted_places(text, &found);
        let id = RawValue::from_string("\"a \\\"quoted\\\" id\"".to_owned()).expect("JSON");
        let toponyms: Vec<ToponymOut> = found
            .iter()
            .map(|t| ToponymOut::listed(t, gaz))
            .chain(unlisted.iter().map(ToponymOut::unlisted))
            .collect();
        assert!(
            toponyms.iter().any(|t| t.place.is_none()),
            "an unlisted place"
        );
        assert!(toponyms.iter().filter(|t| !t.reason.is_empty()).count() >= 3);
        let record = ArticleOut {
            id: &id,
            toponyms,
            dropped: None,
        };
        let mut by_hand = Vec::new();
        record.write_plain(&mut by_hand);
        let mut by_serde = serde_json::to_vec(&record).expect("serialises");
        by_serde.push(b'\n');
        assert_eq!(String::from_utf8(by_hand), String::from_utf8(by_serde));
    }

    /// Runs a batch over `input` as one file; its output and its messages.
    fn batch(input: &str, memory: Option<&mut PublisherMemory>) -> (String, String, Unread) {
        batch_on(input, memory, 1)
    }

    fn batch_on(
        input: &str,
        memory: Option<&mut PublisherMemory>,
        jobs: usize,
    ) -> (String, String, Unread) {
        batch_of_bytes(input.as_bytes(), memory, jobs)
    }

    /// Runs a batch over bytes that need not be UTF-8.
    fn batch_of_bytes(
        input: &[u8],
        memory: Option<&mut PublisherMemory>,
        jobs: usize,
    ) -> (String, String, Unread) {
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        let options = Options::default();
        let mut batch = Batch {
            gaz: Gazetteer::embedded(),
            options: &options,
            memory,
            out: &mut out,
            errors: &mut errors,
            unread: Unread::default(),
            explain: false,
            candidates: false,
            jobs: crate::parallel::workers(jobs, usize::MAX),
            pending: Vec::new(),
            pending_bytes: 0,
            line_out: Vec::new(),
        };
        batch
            .lines(input, "in.jsonl")
            .and_then(|()| batch.flush())
            .expect("output written");
        let unread = batch.unread;
        let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8");
        (text(out), text(errors), unread)
    }

    /// Three Ohio articles of one paper, then its "Dublin", mixed with
    /// another paper's articles.
    fn two_papers() -> String {
        let ohio = [
            "A fair opened in Mount Vernon, Ohio, on Friday.",
            "The council of Chillicothe, Ohio, met.",
            "Roads closed in Zanesville, Ohio, and Lancaster, Ohio.",
            "Dublin police closed the bridge on Tuesday.",
        ];
        let mut lines = String::new();
        for (i, text) in ohio.iter().enumerate() {
            let line =
                serde_json::json!({"id": i, "text": text, "url": "https://columbus-paper.com/a"});
            let other = serde_json::json!({"id": 100 + i, "text": "Talks in Damascus and Moscow.", "url": "https://world.example/b"});
            lines.push_str(&format!("{line}\n{other}\n"));
        }
        lines
    }

    #[test]
    fn a_batch_is_the_same_whatever_the_number_of_workers() {
        let input = two_papers();
        let mut one_memory = PublisherMemory::default();
        let (one, ..) = batch_on(&input, Some(&mut one_memory), 1);
        let mut three_memory = PublisherMemory::default();
        let (three, ..) = batch_on(&input, Some(&mut three_memory), 3);
        assert_eq!(one, three);
        assert_eq!(one_memory, three_memory);
        assert_eq!(one_memory.articles("columbus-paper.com"), 4);
        assert!(one_memory.home("columbus-paper.com").is_some());
        // The home learned earlier in the same chunk reads its Dublin.
        let dublin = one
            .lines()
            .find(|l| l.contains("\"Dublin\""))
            .expect("Dublin");
        assert!(dublin.contains("\"country\":\"US\""), "{dublin}");
    }

    #[test]
    fn a_home_learned_by_an_earlier_run_reads_the_first_article_of_a_batch() {
        let mut memory = PublisherMemory::default();
        batch_on(&two_papers(), Some(&mut memory), 3);
        let dublin = serde_json::json!({
            "id": 9, "text": "Dublin police closed the bridge.", "url": "https://columbus-paper.com/c"
        });
        for jobs in [1, 3] {
            let (out, ..) = batch_on(&format!("{dublin}\n"), Some(&mut memory.clone()), jobs);
            assert!(out.contains("\"country\":\"US\""), "{jobs} workers: {out}");
        }
        let (out, ..) = batch_on(&format!("{dublin}\n"), None, 3);
        assert!(out.contains("\"country\":\"IE\""), "{out}");
    }

    #[test]
    fn a_british_papers_lancaster_is_the_english_city_from_its_first_article() {
        let line = |url: &str| {
            let text = "A girl, 16, was attacked in a Lancaster park, detectives said.";
            format!(
                "{}\n",
                serde_json::json!({"id": 1, "text": text, "url": url})
            )
        };
        let (british, ..) = batch_on(&line("https://www.lancaster-times.co.uk/a"), None, 1);
        assert!(british.contains("\"country\":\"GB\""), "{british}");
        let (american, ..) = batch_on(&line("https://lancaster-times.com/a"), None, 1);
        assert!(american.contains("\"country\":\"US\""), "{american}");
    }

    #[test]
    fn a_jsonl_article_comes_back_with_code_point_offsets() {
        let input = "{\"id\": \"a1\", \"text\": \"Zürich and Aleppo on Royal Street.\"}\n\n";
        let (out, _, unread) = batch(input, None);
        assert_eq!(unread, Unread::default());
        let line: serde_json::Value = serde_json::from_str(&out).expect("one JSON line");
        assert_eq!(line["id"], "a1");
        assert_eq!(line["toponyms"][1]["start"], 11);
        assert_eq!(line["toponyms"][1]["end"], 17);
        assert_eq!(line["toponyms"][1]["name"], "Aleppo");
        assert_eq!(line["toponyms"][2]["name"], "Royal Street");
        assert!(line["toponyms"][2]["lat"].is_null());
    }

    #[test]
    fn a_missing_text_file_is_reported_by_name_and_the_others_go_on() {
        let path = PathBuf::from("no/such/article.txt");
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        let unread = run_text(
            std::slice::from_ref(&path),
            Gazetteer::embedded(),
            &Options::default(),
            false,
            &mut out,
            &mut errors,
        )
        .expect("output written");
        assert_eq!(unread.files, 1);
        let errors = String::from_utf8(errors).expect("UTF-8");
        assert!(
            errors.starts_with("no/such/article.txt: cannot read"),
            "{errors}"
        );
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
            false,
            &mut out,
            &mut Vec::new(),
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
    fn a_malformed_jsonl_line_is_reported_by_number_and_the_batch_goes_on() {
        let input = "{\"id\": 1, \"text\": \"ok\"}\nnot json\n{\"id\": 3, \"text\": \"Aleppo\"}\n";
        let (out, errors, unread) = batch(input, None);
        assert!(errors.starts_with("in.jsonl line 2:"), "{errors}");
        assert_eq!(unread.lines, 1);
        assert_eq!(out.lines().count(), 2, "{out}");
        assert!(out.lines().nth(1).is_some_and(|l| l.contains("Aleppo")));
    }

    #[test]
    fn a_line_that_is_not_utf8_only_where_no_field_is_read_is_read_as_before() {
        // serde_json reading bytes checks the UTF-8 of the strings it
        // keeps, not of a field it skips: such a line was read, and is.
        let input = b"{\"id\": 1, \"note\": \"\xff\", \"text\": \"Aleppo\"}\n{\"id\": 2, \"text\": \"\xff\"}\n";
        let (out, errors, unread) = batch_of_bytes(input, None, 1);
        assert!(
            out.starts_with("{\"id\":1,") && out.contains("Aleppo"),
            "{out}"
        );
        assert_eq!(out.lines().count(), 1, "{out}");
        assert!(errors.contains("line 2: not UTF-8"), "{errors}");
        assert_eq!(unread.lines, 1);
    }

    #[test]
    fn a_jsonl_batch_may_open_with_a_byte_order_mark() {
        let (out, errors, _) = batch("\u{feff}{\"id\": 7, \"text\": \"Aleppo\"}\n", None);
        assert_eq!(errors, "");
        assert!(out.starts_with("{\"id\":7,"), "{out}");
    }

    #[test]
    fn an_id_past_two_to_the_64_comes_back_as_written() {
        let input = "{\"id\": 123456789012345678901234567890, \"text\": \"Aleppo\"}\n\
                     {\"id\": 1.50, \"text\": \"Aleppo\"}\n";
        let (out, _, _) = batch(input, None);
        let mut lines = out.lines();
        assert!(
            lines
                .next()
                .is_some_and(|l| l.starts_with("{\"id\":123456789012345678901234567890,")),
            "{out}"
        );
        assert!(
            lines.next().is_some_and(|l| l.starts_with("{\"id\":1.50,")),
            "{out}"
        );
    }

    #[test]
    fn a_stream_without_line_ends_is_refused_at_the_limit() {
        let mut input = std::io::BufReader::new(std::io::Read::take(std::io::repeat(0), 1000));
        let mut line = Vec::new();
        let err = read_line_bounded(&mut input, &mut line, 100).expect_err("too long");
        assert!(err.to_string().contains("longer than 100 bytes"), "{err}");
        let mut input: &[u8] = b"one\ntwo";
        line.clear();
        assert!(read_line_bounded(&mut input, &mut line, 100).expect("read"));
        assert_eq!(line, b"one");
        line.clear();
        assert!(!read_line_bounded(&mut input, &mut line, 100).expect("read"));
        assert_eq!(line, b"two");
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
            let (out, _, _) = batch(&input, memory);
            let last: serde_json::Value =
                serde_json::from_str(out.lines().last().expect("four lines")).expect("JSON");
            last["toponyms"][0]["country"].clone()
        };
        assert_eq!(country_of_last(None), "IE");
        let mut memory = PublisherMemory::default();
        assert_eq!(country_of_last(Some(&mut memory)), "US");
        assert_eq!(memory.articles("ohio-paper.com"), 4);
    }
}
