//! A PDF report as one article, each paragraph with its page. pdf-extract
//! (on lopdf) decodes the fonts and says where each character is drawn;
//! `pdf_layout` puts them in reading order. Why this extractor: see
//! docs/pdf-extractors.md.
//!
//! Bounded before and during the work: the page tree is walked once with a
//! visited set (a tree that loops back is refused, and so are `/Parent`
//! links that loop), pages past [`MAX_PDF_PAGES`] are refused, drawing
//! instructions that call each other in a loop are refused (pdf-extract
//! would recurse without end), content streams are inflated with a budget
//! first, and the extraction stops at [`MAX_GLYPHS`] characters or
//! [`PDF_TIME_BUDGET`]. A panic inside the extractor on a malformed file is
//! caught and reported as a broken PDF.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::time::{Duration, Instant};

use pdf_extract::{Document, MediaBox, Object, ObjectId, OutputDev, OutputError, Transform};

use super::article::TextArticle;
use super::error::{Fault, Problem};
use super::pdf_layout::{Glyph, PageGlyphs, paragraphs_of_pages};

/// Pages read from one PDF, at most.
pub const MAX_PDF_PAGES: usize = 5_000;

/// Characters read from one PDF, at most (a 300-page report has about a
/// million).
pub const MAX_GLYPHS: usize = 20_000_000;

/// Unpacked bytes of drawing instructions in one PDF, at most.
pub const MAX_CONTENT_BYTES: u64 = 512 * 1024 * 1024;

/// Time the extraction may take.
pub const PDF_TIME_BUDGET: Duration = Duration::from_secs(60);

/// Drawings within drawings (form XObjects), at most this deep.
const MAX_FORM_DEPTH: usize = 32;

pub fn read_pdf(bytes: &[u8], stem: &str) -> Result<TextArticle, Fault> {
    let (pages, title) = pdf_pages(bytes, PDF_TIME_BUDGET)?;
    let paragraphs = paragraphs_of_pages(&pages);
    let mut blocks = Vec::new();
    let mut block_pages = Vec::new();
    let title = title.filter(|t| !looks_like_file_name(t));
    if let Some(title) = &title
        && paragraphs.first().map(|p| p.text.as_str()) != Some(title.as_str())
    {
        blocks.push(title.clone());
        block_pages.push(1);
    }
    for paragraph in paragraphs {
        blocks.push(paragraph.text);
        block_pages.push(paragraph.page);
    }
    Ok(TextArticle {
        text: blocks.join("\n\n"),
        fallback_title: title.unwrap_or_else(|| stem.to_string()),
        pages: block_pages,
        ..TextArticle::default()
    })
}

/// "Microsoft Word - report.docx" is no title.
fn looks_like_file_name(title: &str) -> bool {
    let lower = title.to_ascii_lowercase();
    lower.starts_with("microsoft word")
        || [".doc", ".docx", ".pdf", ".odt", ".indd", ".tex"]
            .iter()
            .any(|ext| lower.ends_with(ext))
}

/// lopdf and pdf-extract panic on some broken files. Geobrief catches those
/// panics and names the file as a broken PDF, so the message the default
/// hook would print (alarming, in a terminal) is left out for panics raised
/// in those two crates; every other panic is printed as before.
fn quiet_extractor_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_extractor = info.location().is_some_and(|l| {
                let file = l.file();
                file.contains("/pdf-extract-") || file.contains("/lopdf-")
            });
            if !in_extractor {
                previous(info);
            }
        }));
    });
}

/// The glyphs of every page and the document's own title, within `budget`.
pub fn pdf_pages(
    bytes: &[u8],
    budget: Duration,
) -> Result<(Vec<PageGlyphs>, Option<String>), Fault> {
    quiet_extractor_panics();
    let loaded = std::panic::catch_unwind(|| Document::load_mem(bytes));
    let mut doc = match loaded {
        Ok(Ok(doc)) => doc,
        Ok(Err(e)) => return Err(Fault::invalid(format!("not a readable PDF: {e}"))),
        Err(_) => {
            return Err(Fault::invalid(
                "not a readable PDF: its structure is broken",
            ));
        }
    };
    if doc.is_encrypted() {
        // Many PDFs are encrypted with an empty password, only to forbid
        // printing or copying: those open.
        let decrypted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| doc.decrypt("")));
        if !matches!(decrypted, Ok(Ok(()))) {
            return Err(Problem::EncryptedPdf.into());
        }
    }
    let page_count = check_page_tree(&doc)?;
    check_parent_links(&doc)?;
    check_drawings(&doc)?;
    let title = document_title(&doc);
    let mut collector = Collector {
        deadline: Some(Instant::now() + budget),
        ..Collector::default()
    };
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pdf_extract::output_doc(&doc, &mut collector)
    }));
    if let Some(over) = collector.over_budget {
        return Err(Fault::invalid(over));
    }
    match run {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(Fault::invalid(format!("a broken PDF: {e}"))),
        Err(_) => {
            return Err(Fault::invalid(
                "a broken PDF: the text extractor could not make sense of it",
            ));
        }
    }
    let has_text = collector
        .pages
        .iter()
        .any(|p| p.glyphs.iter().any(|g| !g.text.trim().is_empty()));
    if !has_text {
        return Err(if page_count > 0 && has_images(&doc) {
            Problem::ScannedPdf.into()
        } else {
            Fault::invalid("the PDF has no text")
        });
    }
    Ok((collector.pages, title))
}

/// Collects every character with its place, within the budget.
#[derive(Default)]
struct Collector {
    pages: Vec<PageGlyphs>,
    media: Option<MediaBox>,
    glyphs: usize,
    deadline: Option<Instant>,
    over_budget: Option<String>,
}

impl Collector {
    fn stop(&mut self, why: String) -> Result<(), OutputError> {
        self.over_budget = Some(why);
        Err(OutputError::FormatError(std::fmt::Error))
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.media = Some(*media_box);
        self.pages.push(PageGlyphs {
            number: page_num,
            width: (media_box.urx - media_box.llx).abs(),
            height: (media_box.ury - media_box.lly).abs(),
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        self.glyphs += 1;
        if self.glyphs > MAX_GLYPHS {
            return self.stop(format!(
                "the PDF has more than {MAX_GLYPHS} characters, more than Geobrief reads"
            ));
        }
        if self.glyphs.is_multiple_of(4096) && self.deadline.is_some_and(|d| Instant::now() > d) {
            return self.stop(format!(
                "reading the PDF's text took more than {} s; it is too complex",
                PDF_TIME_BUDGET.as_secs()
            ));
        }
        let Some(media) = self.media else {
            return Ok(());
        };
        // The size as drawn: the font size through the text matrix, as the
        // side of a square of the same area.
        let (vx, vy) = (
            font_size * trm.m11 + font_size * trm.m21,
            font_size * trm.m12 + font_size * trm.m22,
        );
        let size = (vx * vy).abs().sqrt();
        if let Some(page) = self.pages.last_mut() {
            page.glyphs.push(Glyph {
                x: trm.m31 - media.llx,
                y: media.ury - trm.m32,
                size,
                advance: width * size,
                text: char.to_string(),
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    doc.dereference(object).ok().map(|(_, o)| o)
}

/// Walks the page tree once with a visited set; returns the page count.
fn check_page_tree(doc: &Document) -> Result<usize, Fault> {
    let root = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Pages").ok())
        .and_then(|p| p.as_reference().ok())
        .ok_or_else(|| Fault::invalid("a broken PDF: it has no page tree"))?;
    let mut stack = vec![root];
    let mut seen = HashSet::new();
    let mut pages = 0;
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            return Err(Fault::invalid(
                "a broken PDF: its page tree loops back on itself",
            ));
        }
        let Ok(node) = doc.get_dictionary(id) else {
            continue;
        };
        match node.get(b"Kids").ok().and_then(|k| resolve(doc, k)) {
            Some(Object::Array(kids)) => {
                stack.extend(kids.iter().filter_map(|k| k.as_reference().ok()));
            }
            _ => pages += 1,
        }
        if pages > MAX_PDF_PAGES {
            return Err(Fault::invalid(format!(
                "the PDF has more than {MAX_PDF_PAGES} pages, more than Geobrief reads"
            )));
        }
    }
    Ok(pages)
}

/// Refuses `/Parent` links that loop: pdf-extract looks for a page's
/// resources and media box up its parents until they end, and a page that
/// is its own parent (or grandparent) would keep it there for ever. Every
/// object's chain is followed once: a chain already seen to end is not
/// walked again.
fn check_parent_links(doc: &Document) -> Result<(), Fault> {
    let mut ends = HashSet::new();
    for &start in doc.objects.keys() {
        let mut chain = HashSet::new();
        let mut id = start;
        while !ends.contains(&id) {
            if !chain.insert(id) {
                return Err(Fault::invalid(
                    "a broken PDF: a page's /Parent links loop back on themselves",
                ));
            }
            let parent = doc
                .get_dictionary(id)
                .ok()
                .and_then(|d| d.get(b"Parent").ok())
                .and_then(|p| p.as_reference().ok());
            match parent {
                Some(parent) => id = parent,
                None => break,
            }
        }
        ends.extend(chain);
    }
    Ok(())
}

/// Refuses drawings that call each other in a loop, or nest too deep, and
/// drawing instructions that unpack past [`MAX_CONTENT_BYTES`].
fn check_drawings(doc: &Document) -> Result<(), Fault> {
    let mut unpacked = 0u64;
    let mut calls: HashMap<ObjectId, Vec<ObjectId>> = HashMap::new();
    let loops = || Fault::invalid("a broken PDF: its drawings call each other in a loop");
    for (&id, object) in &doc.objects {
        let Object::Stream(stream) = object else {
            continue;
        };
        let subtype = stream
            .dict
            .get(b"Subtype")
            .ok()
            .and_then(|s| s.as_name().ok());
        let is_form = subtype == Some(b"Form".as_slice());
        let is_image = subtype == Some(b"Image".as_slice());
        if is_image {
            continue;
        }
        let content = bounded_content(stream, &mut unpacked)?;
        if !is_form {
            continue;
        }
        let names = drawn_names(&content);
        if names.is_empty() {
            continue;
        }
        let own = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| resolve(doc, r))
            .and_then(|r| r.as_dict().ok());
        // A drawing without resources of its own uses its caller's, which
        // may hold itself: no way to tell a loop from a call.
        let Some(resources) = own else {
            return Err(loops());
        };
        let Some(xobjects) = resources
            .get(b"XObject")
            .ok()
            .and_then(|x| resolve(doc, x))
            .and_then(|x| x.as_dict().ok())
        else {
            continue;
        };
        let targets = names
            .iter()
            .filter_map(|n| xobjects.get(n).ok()?.as_reference().ok())
            .collect();
        calls.insert(id, targets);
    }
    // Depth-first, without recursion: a drawing met again on its own path
    // is a loop.
    let mut done: HashSet<ObjectId> = HashSet::new();
    for &start in calls.keys() {
        if done.contains(&start) {
            continue;
        }
        let mut path: Vec<(ObjectId, usize)> = vec![(start, 0)];
        let mut on_path: HashSet<ObjectId> = HashSet::from([start]);
        while let Some((node, next)) = path.last_mut() {
            let node = *node;
            let child = calls.get(&node).and_then(|c| c.get(*next)).copied();
            *next += 1;
            match child {
                Some(child) if on_path.contains(&child) => return Err(loops()),
                Some(child) if calls.contains_key(&child) && !done.contains(&child) => {
                    if path.len() >= MAX_FORM_DEPTH {
                        return Err(Fault::invalid(format!(
                            "a broken PDF: its drawings nest more than {MAX_FORM_DEPTH} deep"
                        )));
                    }
                    on_path.insert(child);
                    path.push((child, 0));
                }
                Some(_) => {}
                None => {
                    done.insert(node);
                    on_path.remove(&node);
                    path.pop();
                }
            }
        }
    }
    Ok(())
}

/// A stream's unpacked bytes, counted against the budget.
fn bounded_content(stream: &pdf_extract::Stream, unpacked: &mut u64) -> Result<Vec<u8>, Fault> {
    let left = MAX_CONTENT_BYTES.saturating_sub(*unpacked);
    let too_big = || {
        Fault::invalid(format!(
            "the PDF's drawing instructions unpack to more than {MAX_CONTENT_BYTES} bytes; \
             refused, as a zip bomb would be"
        ))
    };
    let filter = stream
        .dict
        .get(b"Filter")
        .ok()
        .and_then(|f| f.as_name().ok().map(<[u8]>::to_vec));
    let content = if filter.as_deref() == Some(b"FlateDecode".as_slice()) {
        let mut out = Vec::new();
        let read = flate2::read::ZlibDecoder::new(stream.content.as_slice())
            .take(left + 1)
            .read_to_end(&mut out);
        if read.is_err() {
            // Broken data: the extractor will say so, or skip it.
            return Ok(Vec::new());
        }
        out
    } else {
        stream.content.clone()
    };
    if content.len() as u64 > left {
        return Err(too_big());
    }
    *unpacked += content.len() as u64;
    Ok(content)
}

/// The names a content stream draws with `Do`.
fn drawn_names(content: &[u8]) -> Vec<Vec<u8>> {
    if memchr::memmem::find(content, b"Do").is_none() {
        return Vec::new();
    }
    let Ok(decoded) = pdf_extract::content::Content::decode(content) else {
        return Vec::new();
    };
    decoded
        .operations
        .iter()
        .filter(|op| op.operator == "Do")
        .filter_map(|op| op.operands.first()?.as_name().ok().map(<[u8]>::to_vec))
        .collect()
}

/// True if the document holds an image.
fn has_images(doc: &Document) -> bool {
    doc.objects.values().any(|o| {
        matches!(o, Object::Stream(s)
            if s.dict.get(b"Subtype").ok().and_then(|t| t.as_name().ok()) == Some(b"Image".as_slice()))
    })
}

/// The title in the document's information dictionary.
fn document_title(doc: &Document) -> Option<String> {
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|i| resolve(doc, i))?;
    let title = info.as_dict().ok()?.get(b"Title").ok()?;
    let bytes = resolve(doc, title)?.as_str().ok()?;
    let text = match bytes {
        [0xFE, 0xFF, rest @ ..] => {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|p| u16::from_be_bytes([p[0], p[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        _ => bytes.iter().map(|&b| char::from(b)).collect(),
    };
    let text = super::html_text::collapse_spaces(&text);
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/sources")
            .join(name);
        std::fs::read(path).unwrap()
    }

    #[test]
    fn a_two_column_report_reads_column_by_column_without_its_furniture() {
        let article = read_pdf(&sample("report-two-columns.pdf"), "report").unwrap();
        let blocks: Vec<&str> = article.text.split("\n\n").collect();
        assert_eq!(blocks[0], "The Coast After the Withdrawal", "{blocks:#?}");
        assert!(
            blocks[1].starts_with("Russian naval vessels left the port of Tartus")
                && blocks[1].ends_with("Damascus and Russian officials."),
            "{blocks:#?}"
        );
        assert!(
            blocks[2].contains(
                "Residents of Jableh described convoys moving north along the coastal highway"
            ),
            "a paragraph goes on into the next column, its hyphen undone: {blocks:#?}"
        );
        assert!(
            !article.text.contains("Regional Security Review"),
            "running header"
        );
        assert_eq!(article.pages.len(), blocks.len());
        let geneva = blocks
            .iter()
            .position(|b| b.starts_with("Further talks"))
            .unwrap();
        assert_eq!(article.pages[geneva], 3);
        let note = blocks
            .iter()
            .position(|b| b.starts_with("1 Images of the port"))
            .unwrap();
        assert!(note > geneva, "footnotes after the article: {blocks:#?}");
        assert_eq!(article.pages[note], 1);
    }

    #[test]
    fn a_scanned_pdf_and_an_encrypted_one_say_so() {
        let scanned = read_pdf(&sample("scanned.pdf"), "scan").unwrap_err();
        assert_eq!(
            scanned.problem.to_string(),
            "This PDF holds images of pages and no text: Geobrief cannot read it"
        );
        let encrypted = read_pdf(&sample("encrypted.pdf"), "locked").unwrap_err();
        assert_eq!(encrypted.problem, Problem::EncryptedPdf);
    }

    /// A PDF of `objects` (numbered from 1) with a correct cross-reference
    /// table; object 1 is the catalog.
    pub(crate) fn pdf_of(objects: &[&str]) -> Vec<u8> {
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (k, object) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend(format!("{} 0 obj\n{object}\nendobj\n", k + 1).bytes());
        }
        let xref = out.len();
        out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
        for offset in offsets {
            out.extend(format!("{offset:010} 00000 n \n").bytes());
        }
        out.extend(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .bytes(),
        );
        out
    }

    #[test]
    fn a_page_tree_that_loops_back_is_refused_at_once() {
        let pdf = pdf_of(&[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 2 >>",
        ]);
        let started = Instant::now();
        let fault = read_pdf(&pdf, "loop").unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(2));
        assert!(
            fault.problem.to_string().contains("loops back"),
            "{fault:?}"
        );
    }

    #[test]
    fn drawings_that_draw_each_other_are_refused_before_the_extractor_recurses() {
        let form = |other: u32| {
            format!(
                "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X {other} 0 R >> >> /Length 6 >>\nstream\n/X Do\nendstream"
            )
        };
        let (four, five) = (form(5), form(4));
        let pdf = pdf_of(&[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Resources << /XObject << /X 4 0 R >> >> /Contents 6 0 R >>",
            &four,
            &five,
            "<< /Length 6 >>\nstream\n/X Do\nendstream",
        ]);
        let fault = read_pdf(&pdf, "loop").unwrap_err();
        assert!(fault.problem.to_string().contains("in a loop"), "{fault:?}");
    }
}
