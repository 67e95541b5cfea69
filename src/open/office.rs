//! A word processor's document as one article: DOCX (`word/document.xml`)
//! and ODT (`content.xml`), their paragraphs and headings in order; the
//! title from the document's properties (`docProps/core.xml`, `meta.xml`),
//! else its first heading; the author as the byline. Tracked deletions,
//! field codes, footnotes and comments are left out.

use super::article::TextArticle;
use super::error::Fault;
use super::xml::{Node, attribute, local, walk};
use super::zipped::Zipped;

/// One paragraph, and whether it is a heading.
struct Paragraph {
    text: String,
    heading: bool,
}

pub fn read_docx(bytes: &[u8], stem: &str) -> Result<TextArticle, Fault> {
    let mut zip = Zipped::new(bytes, "a DOCX document")?;
    if !zip.has("word/document.xml") {
        return Err(Fault::invalid(
            "not a DOCX document: it has no word/document.xml",
        ));
    }
    let xml = zip.read_text("word/document.xml")?;
    let paragraphs = docx_paragraphs(&xml)
        .map_err(|e| Fault::invalid(e).within(super::At::Entry("word/document.xml".into())))?;
    let properties = if zip.has("docProps/core.xml") {
        zip.read_text("docProps/core.xml")
            .ok()
            .map(|xml| properties(&xml))
    } else {
        None
    };
    Ok(article_of(paragraphs, properties.unwrap_or_default(), stem))
}

pub fn read_odt(bytes: &[u8], stem: &str) -> Result<TextArticle, Fault> {
    let mut zip = Zipped::new(bytes, "an ODT document")?;
    if !zip.has("content.xml") {
        return Err(Fault::invalid("not an ODT document: it has no content.xml"));
    }
    let xml = zip.read_text("content.xml")?;
    let paragraphs = odt_paragraphs(&xml)
        .map_err(|e| Fault::invalid(e).within(super::At::Entry("content.xml".into())))?;
    let properties = if zip.has("meta.xml") {
        zip.read_text("meta.xml").ok().map(|xml| properties(&xml))
    } else {
        None
    };
    Ok(article_of(paragraphs, properties.unwrap_or_default(), stem))
}

/// What a document's properties say of it.
#[derive(Default)]
struct Properties {
    title: Option<String>,
    creator: Option<String>,
}

/// `dc:title` and `dc:creator`, from DOCX's core properties or ODT's meta.
fn properties(xml: &str) -> Properties {
    let mut found = Properties::default();
    let mut inside: Option<&'static str> = None;
    let mut text = String::new();
    let _ = walk(xml, |node| match node {
        Node::Open { name, .. } => {
            inside = match name {
                "dc:title" => Some("title"),
                "dc:creator" | "meta:initial-creator" => Some("creator"),
                _ => None,
            };
            text.clear();
        }
        Node::Text(t) if inside.is_some() => text.push_str(t),
        Node::Text(_) => {}
        Node::Close { .. } => {
            let value = Some(super::html_text::collapse_spaces(&text)).filter(|v| !v.is_empty());
            match inside.take() {
                Some("title") if found.title.is_none() => found.title = value,
                Some("creator") if found.creator.is_none() => found.creator = value,
                _ => {}
            }
        }
    });
    found
}

fn docx_paragraphs(xml: &str) -> Result<Vec<Paragraph>, String> {
    let mut paragraphs = Vec::new();
    let mut current: Option<Paragraph> = None;
    let mut in_text = false;
    walk(xml, |node| match node {
        Node::Open { name, attributes } => match name {
            "w:p" => {
                current = Some(Paragraph {
                    text: String::new(),
                    heading: false,
                })
            }
            "w:t" => in_text = true,
            "w:tab" | "w:br" | "w:cr" => {
                if let Some(p) = &mut current {
                    p.text.push(' ');
                }
            }
            "w:pStyle" | "w:outlineLvl" => {
                let value = attribute(attributes, "val")
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if let Some(p) = &mut current
                    && (name == "w:outlineLvl"
                        || value.starts_with("heading")
                        || value == "title"
                        || value == "subtitle")
                {
                    p.heading = true;
                }
            }
            _ => {}
        },
        Node::Text(t) if in_text => {
            if let Some(p) = &mut current {
                p.text.push_str(t);
            }
        }
        Node::Text(_) => {}
        Node::Close { name } => match name {
            "w:t" => in_text = false,
            "w:p" => paragraphs.extend(current.take()),
            _ => {}
        },
    })?;
    Ok(paragraphs)
}

fn odt_paragraphs(xml: &str) -> Result<Vec<Paragraph>, String> {
    let mut paragraphs = Vec::new();
    // Paragraphs nest (a note's paragraph inside a paragraph): the text
    // goes to the innermost, and notes are left out altogether.
    let mut open: Vec<Paragraph> = Vec::new();
    let mut in_note = 0usize;
    walk(xml, |node| match node {
        Node::Open { name, attributes } => match local(name) {
            _ if name == "text:note" => in_note += 1,
            "p" | "h" if name.starts_with("text:") => open.push(Paragraph {
                text: String::new(),
                heading: name == "text:h",
            }),
            "s" if name == "text:s" => {
                let count = attribute(attributes, "c")
                    .and_then(|c| c.parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(16);
                if let Some(p) = open.last_mut() {
                    p.text.push_str(&" ".repeat(count));
                }
            }
            "tab" | "line-break" if name.starts_with("text:") => {
                if let Some(p) = open.last_mut() {
                    p.text.push(' ');
                }
            }
            _ => {}
        },
        Node::Text(t) if in_note == 0 => {
            if let Some(p) = open.last_mut() {
                p.text.push_str(t);
            }
        }
        Node::Text(_) => {}
        Node::Close { name } => {
            if name == "text:note" {
                in_note = in_note.saturating_sub(1);
            } else if (name == "text:p" || name == "text:h")
                && let Some(p) = open.pop()
            {
                paragraphs.push(p);
            }
        }
    })?;
    Ok(paragraphs)
}

/// The article: title (the properties', else the first heading, else the
/// file's name), the author as a byline, then every paragraph and heading.
fn article_of(paragraphs: Vec<Paragraph>, properties: Properties, stem: &str) -> TextArticle {
    let paragraphs: Vec<Paragraph> = paragraphs
        .into_iter()
        .map(|p| Paragraph {
            text: super::html_text::collapse_spaces(&p.text),
            heading: p.heading,
        })
        .filter(|p| !p.text.is_empty())
        .collect();
    let first_heading = paragraphs
        .iter()
        .find(|p| p.heading)
        .map(|p| p.text.clone());
    let title = properties.title.or(first_heading);
    let mut blocks = Vec::new();
    if let Some(title) = &title {
        blocks.push(title.clone());
    }
    if let Some(creator) = &properties.creator {
        blocks.push(format!("By {creator}"));
    }
    let mut body = paragraphs.into_iter().map(|p| p.text).peekable();
    // The title is often the document's first paragraph too.
    if title.is_some() && body.peek() == title.as_ref() {
        body.next();
    }
    blocks.extend(body);
    TextArticle {
        fallback_title: title.unwrap_or_else(|| stem.to_string()),
        text: blocks.join("\n\n"),
        ..TextArticle::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::open::zipped::tests::zip_of;

    #[test]
    fn a_docx_gives_its_paragraphs_with_runs_joined_and_deletions_left_out() {
        let document = r#"<w:document xmlns:w="w"><w:body>
            <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Ships leave</w:t></w:r><w:r><w:t xml:space="preserve"> Tartus</w:t></w:r></w:p>
            <w:p><w:r><w:t>Two frigates left</w:t></w:r><w:del><w:r><w:delText>Latakia</w:delText></w:r></w:del><w:r><w:tab/><w:t>on Sunday &amp; Monday.</w:t></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>
            </w:body></w:document>"#;
        let zip = zip_of(&[("word/document.xml", document.as_bytes())]);
        let article = read_docx(&zip, "ships").unwrap();
        assert_eq!(
            article.text,
            "Ships leave Tartus\n\nTwo frigates left on Sunday & Monday."
        );
        assert_eq!(article.fallback_title, "Ships leave Tartus");
    }

    #[test]
    fn an_odt_leaves_its_footnotes_out_and_counts_its_spaces() {
        let content = r#"<office:document-content><office:body><office:text>
            <text:p>Aid reached Homs<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>A note.</text:p></text:note-body></text:note> on<text:s text:c="2"/>Monday.</text:p>
            </office:text></office:body></office:document-content>"#;
        let meta = r#"<office:document-meta><office:meta><dc:title>Aid</dc:title><meta:initial-creator>A. Writer</meta:initial-creator></office:meta></office:document-meta>"#;
        let zip = zip_of(&[
            ("content.xml", content.as_bytes()),
            ("meta.xml", meta.as_bytes()),
        ]);
        let article = read_odt(&zip, "aid").unwrap();
        assert_eq!(
            article.text,
            "Aid\n\nBy A. Writer\n\nAid reached Homs on Monday."
        );
    }

    #[test]
    fn a_zip_that_is_not_a_document_is_named_as_such() {
        let zip = zip_of(&[("other.txt", b"x")]);
        let fault = read_docx(&zip, "x").err().unwrap();
        assert!(fault.problem.to_string().contains("no word/document.xml"));
        let fault = read_odt(b"not a zip", "x").err().unwrap();
        assert!(
            fault.problem.to_string().starts_with("not an ODT document"),
            "{fault:?}"
        );
    }
}
