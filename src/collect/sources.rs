//! What a story is made from: files of any format `crate::open` reads
//! (texts, pages, PDFs, documents, mail, e-books, mailboxes, feeds, briefs),
//! folders of them, and JSON Lines archives (one `{"id", "text"}` object a
//! line, with optional `title`, `url`, `source` and `date`). Each becomes
//! one or more [`ArticleSource`]s; what cannot be read is named (the file
//! and why, or the archive's line, the mailbox's message, the feed's item
//! and why) and the rest goes on.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::value::RawValue;

use super::dates::{date_from_dateline, normalize_date};
use crate::brief::read::read_bounded;
use crate::brief::{Brief, MAX_TEXT_BYTES};
use crate::open::{Format, Opened, check_paragraph_count, first_paragraph};

pub use crate::open::TextArticle;

/// Files looked at in one folder and those below it, at most.
pub const MAX_FOLDER_FILES: usize = 100_000;

/// One thing to read.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// A file or a folder: each file by its kind (`.jsonl` is an archive).
    Path(PathBuf),
    /// A JSON Lines archive, whatever its name.
    Archive(PathBuf),
}

/// An article to add to a story, and where it came from.
#[derive(Clone, Debug)]
pub struct ArticleSource {
    /// For messages: "notes/a.txt", "archive.jsonl, line 12".
    pub origin: String,
    pub content: Content,
}

#[derive(Clone, Debug)]
pub enum Content {
    /// A text whose places are still to be found.
    Text(TextArticle),
    /// A brief's articles, with their places and links as they are.
    Brief(Box<Brief>),
}

/// Everything `inputs` hold, in the order given (a folder's files by
/// name), and a line for each thing that could not be read.
pub fn read_inputs(inputs: &[Input]) -> (Vec<ArticleSource>, Vec<String>) {
    let read = read_inputs_titled(inputs);
    (read.sources, read.problems)
}

/// What [`read_inputs_titled`] read.
pub struct Read {
    pub sources: Vec<ArticleSource>,
    pub problems: Vec<String>,
    /// The title of the one file given, where it has one of its own (a
    /// book's, a feed's).
    pub title: Option<String>,
}

/// [`read_inputs`], and the title a story of one book or feed takes.
pub fn read_inputs_titled(inputs: &[Input]) -> Read {
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    let mut titles = Vec::new();
    for input in inputs {
        match input {
            Input::Archive(path) => read_archive_file(path, &mut sources, &mut problems),
            Input::Path(path) if path.is_dir() => {
                for file in folder_files(path, &mut problems) {
                    read_file(&file, &mut sources, &mut problems);
                }
            }
            Input::Path(path) => {
                titles.extend(read_file(path, &mut sources, &mut problems));
            }
        }
    }
    let title = match (inputs, titles.as_slice()) {
        ([_], [title]) => Some(title.clone()),
        _ => None,
    };
    Read {
        sources,
        problems,
        title,
    }
}

fn is_archive(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// The readable files of a folder and its subfolders, sorted by path;
/// hidden files and folders are left out.
fn folder_files(dir: &Path, problems: &mut Vec<String>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                problems.push(format!("{}: cannot list the folder: {e}", dir.display()));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if hidden {
                continue;
            }
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() && (Format::is_article_file(&path) || is_archive(&path)) {
                files.push(path);
                if files.len() > MAX_FOLDER_FILES {
                    problems.push(format!(
                        "{}: more than {MAX_FOLDER_FILES} files; the rest are left out",
                        dir.display()
                    ));
                    files.sort();
                    return files;
                }
            }
        }
    }
    files.sort();
    files
}

/// Reads one file's articles into `sources`; returns the title of a file
/// of many articles (a book's, a feed's).
fn read_file(
    path: &Path,
    sources: &mut Vec<ArticleSource>,
    problems: &mut Vec<String>,
) -> Option<String> {
    if is_archive(path) {
        read_archive_file(path, sources, problems);
        return None;
    }
    let origin = path.display().to_string();
    // A web address given on the command line is fetched once.
    let opened = if crate::fetch::is_web_address(&origin) {
        crate::open::open_address(
            &origin,
            &crate::fetch::FetchLimits::default(),
            &std::sync::atomic::AtomicBool::new(false),
        )
    } else {
        crate::open::open(path)
    };
    let articles = match opened {
        Ok(Opened::Brief(brief)) => {
            sources.push(ArticleSource {
                origin,
                content: Content::Brief(brief),
            });
            return None;
        }
        Ok(Opened::Articles(articles)) => articles,
        Err(e) => {
            problems.extend(e.lines());
            return None;
        }
    };
    problems.extend(articles.skipped.iter().map(ToString::to_string));
    for found in articles.found {
        let origin = match &found.at {
            Some(at) => format!("{origin}, {at}"),
            None => origin.clone(),
        };
        sources.push(ArticleSource {
            origin,
            content: Content::Text(found.article),
        });
    }
    articles.title.filter(|_| articles.many)
}

fn read_archive_file(path: &Path, sources: &mut Vec<ArticleSource>, problems: &mut Vec<String>) {
    let name = path.display().to_string();
    let bytes = match read_bounded(path, MAX_TEXT_BYTES as u64) {
        Ok(bytes) => bytes,
        Err(e) => return problems.push(format!("{name}: {e}")),
    };
    read_archive(&bytes, &name, sources, problems);
}

/// One line of an archive.
#[derive(Deserialize)]
struct ArchiveLine<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    text: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    date: Option<String>,
}

/// The articles of a JSON Lines archive; a line that is not a JSON object
/// or has no text is named by its number and skipped.
pub fn read_archive(
    bytes: &[u8],
    name: &str,
    sources: &mut Vec<ArticleSource>,
    problems: &mut Vec<String>,
) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = n + 1;
        let origin = format!("{name}, line {line_no}");
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let Ok(line) = std::str::from_utf8(line) else {
            problems.push(format!("{origin}: not UTF-8 text; skipped"));
            continue;
        };
        let parsed: ArchiveLine = match serde_json::from_str(line) {
            Ok(parsed) => parsed,
            Err(e) => {
                problems.push(format!(
                    "{origin}: not a JSON object with a \"text\" ({e}); skipped"
                ));
                continue;
            }
        };
        let Some(text) = parsed.text.filter(|t| !t.trim().is_empty()) else {
            problems.push(format!("{origin}: no \"text\"; skipped"));
            continue;
        };
        if let Err(e) = check_paragraph_count(&text) {
            problems.push(format!("{origin}: {e}; skipped"));
            continue;
        }
        let id = parsed.id.map(|raw| {
            let raw = raw.get();
            serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_string())
        });
        let date = parsed
            .date
            .as_deref()
            .and_then(normalize_date)
            .or_else(|| date_from_dateline(first_paragraph(&text)));
        let fallback_title = parsed
            .title
            .clone()
            .or_else(|| id.clone())
            .unwrap_or_else(|| format!("Line {line_no}"));
        // The archive's title, when it has one, is the article's.
        let text = match &parsed.title {
            Some(title)
                if text.trim_start().lines().next().map(str::trim) != Some(title.trim()) =>
            {
                format!("{}\n\n{text}", title.trim())
            }
            _ => text,
        };
        sources.push(ArticleSource {
            origin,
            content: Content::Text(TextArticle {
                text,
                id,
                fallback_title,
                url: parsed.url,
                outlet: parsed.source,
                date,
                ..TextArticle::default()
            }),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn archive(text: &str) -> (Vec<ArticleSource>, Vec<String>) {
        let mut sources = Vec::new();
        let mut problems = Vec::new();
        read_archive(text.as_bytes(), "news.jsonl", &mut sources, &mut problems);
        (sources, problems)
    }

    fn text_of(source: &ArticleSource) -> &TextArticle {
        match &source.content {
            Content::Text(t) => t,
            Content::Brief(_) => panic!("an archive holds texts"),
        }
    }

    #[test]
    fn a_bad_line_of_an_archive_is_named_by_its_number_and_the_rest_is_read() {
        let (sources, problems) = archive(
            "\u{feff}{\"id\": 1, \"text\": \"Talks in Moscow.\", \"date\": \"Jan. 28, 2025\"}\n\
             not json\n\
             {\"id\": \"x\"}\n\
             \n\
             {\"id\": 123456789012345678901234567890, \"text\": \"Ships left Tartus.\", \"title\": \"Ships\", \"url\": \"https://example.com/s\", \"source\": \"HAN\"}\r\n",
        );
        assert_eq!(sources.len(), 2);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("news.jsonl, line 2:"),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("news.jsonl, line 3:") && problems[1].contains("no \"text\"")
        );
        let first = text_of(&sources[0]);
        assert_eq!(first.id.as_deref(), Some("1"));
        assert_eq!(first.date.as_deref(), Some("2025-01-28"));
        let last = text_of(&sources[1]);
        assert_eq!(
            last.id.as_deref(),
            Some("123456789012345678901234567890"),
            "an id past 2^64 is kept as written"
        );
        assert_eq!(last.outlet.as_deref(), Some("HAN"));
        assert!(
            last.text.starts_with("Ships\n\n"),
            "the archive's title heads the text"
        );
        assert_eq!(sources[1].origin, "news.jsonl, line 5");
    }

    #[test]
    fn a_folder_gives_its_articles_in_name_order_and_names_what_it_cannot_read() {
        let dir = std::env::temp_dir().join(format!("geobrief-collect-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("b.txt"), "Second\n\nIn Damascus.").unwrap();
        std::fs::write(dir.join("a.md"), "First\n\nIn Aleppo.").unwrap();
        std::fs::write(dir.join("sub/c.txt"), "Third\n\nIn Homs.").unwrap();
        std::fs::write(dir.join("broken.json"), "{").unwrap();
        std::fs::write(dir.join("image.png"), [0u8; 4]).unwrap();
        std::fs::write(dir.join(".hidden.txt"), "no").unwrap();
        let (sources, problems) = read_inputs(&[Input::Path(dir.clone())]);
        let names: Vec<String> = sources
            .iter()
            .map(|s| s.origin.rsplit('/').next().unwrap_or("").to_string())
            .collect();
        assert_eq!(names, ["a.md", "b.txt", "c.txt"]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("broken.json"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
