//! An EPUB e-book as a story: each chapter of its spine an article, in
//! reading order, titled by its first heading (else its `<title>`, else
//! "Chapter 3"); the book's title and author from its package document.
//! Navigation documents and chapters without text are left out.

use super::article::{Articles, Found, TextArticle};
use super::error::{At, Fault};
use super::html_text::{blocks_of_html, title_of_html};
use super::xml::{Node, attribute, local, walk};
use super::zipped::Zipped;

/// Chapters read from one book, at most.
pub const MAX_CHAPTERS: usize = 5_000;

pub fn read_epub(bytes: &[u8], stem: &str) -> Result<Articles, Fault> {
    let mut zip = Zipped::new(bytes, "an EPUB e-book")?;
    if !zip.has("META-INF/container.xml") {
        return Err(Fault::invalid(
            "not an EPUB e-book: it has no META-INF/container.xml",
        ));
    }
    let container = zip.read_text("META-INF/container.xml")?;
    let package_path = package_path(&container).ok_or_else(|| {
        Fault::invalid("its META-INF/container.xml names no package document")
            .within(At::Entry("META-INF/container.xml".into()))
    })?;
    let opf = zip.read_text(&package_path)?;
    let package = read_package(&opf)
        .map_err(|e| Fault::invalid(e).within(At::Entry(package_path.clone())))?;
    let base = package_path
        .rsplit_once('/')
        .map_or(String::new(), |(dir, _)| format!("{dir}/"));
    let mut articles = Articles {
        title: package.title.clone().or_else(|| Some(stem.to_string())),
        many: true,
        ..Articles::default()
    };
    for (k, href) in package.spine.iter().take(MAX_CHAPTERS).enumerate() {
        let chapter = k + 1;
        let name = entry_name(&base, href);
        let html = match zip.read_text(&name) {
            Ok(html) => html,
            Err(fault) => {
                articles
                    .skipped
                    .push(fault.within(At::Chapter(chapter)).in_file(""));
                continue;
            }
        };
        let blocks = blocks_of_html(&html, false);
        if blocks.is_empty() {
            continue;
        }
        let heading = blocks
            .iter()
            .take(3)
            .find(|b| b.heading)
            .map(|b| b.text.clone());
        let title = heading
            .clone()
            .or_else(|| title_of_html(&html))
            .unwrap_or_else(|| format!("Chapter {chapter}"));
        let mut parts = Vec::new();
        if heading.is_none() {
            parts.push(title.clone());
        }
        parts.extend(blocks.into_iter().map(|b| b.text));
        articles.found.push(Found {
            at: Some(At::Chapter(chapter)),
            article: TextArticle {
                text: parts.join("\n\n"),
                fallback_title: title,
                outlet: package.creator.clone(),
                ..TextArticle::default()
            },
        });
    }
    if articles.found.is_empty() {
        return Err(Fault::invalid("the e-book has no chapter with text"));
    }
    Ok(articles)
}

/// The package document's path, from the container's first rootfile.
fn package_path(container: &str) -> Option<String> {
    let mut path = None;
    let _ = walk(container, |node| {
        if let Node::Open { name, attributes } = node
            && local(name) == "rootfile"
            && path.is_none()
        {
            path = attribute(attributes, "full-path").map(String::from);
        }
    });
    path
}

#[derive(Default)]
struct Package {
    title: Option<String>,
    creator: Option<String>,
    /// The spine's documents in reading order, as the manifest names them.
    spine: Vec<String>,
}

fn read_package(opf: &str) -> Result<Package, String> {
    let mut package = Package::default();
    let mut manifest: std::collections::HashMap<String, (String, String)> = Default::default();
    let mut spine_ids = Vec::new();
    let mut inside: Option<&'static str> = None;
    let mut text = String::new();
    walk(opf, |node| match node {
        Node::Open { name, attributes } => match local(name) {
            "title" if package.title.is_none() => {
                inside = Some("title");
                text.clear();
            }
            "creator" if package.creator.is_none() => {
                inside = Some("creator");
                text.clear();
            }
            "item" => {
                if let (Some(id), Some(href)) =
                    (attribute(attributes, "id"), attribute(attributes, "href"))
                {
                    let media = attribute(attributes, "media-type")
                        .unwrap_or("")
                        .to_string();
                    let is_nav = attribute(attributes, "properties")
                        .is_some_and(|p| p.split_whitespace().any(|p| p == "nav"));
                    if !is_nav {
                        manifest.insert(id.to_string(), (href.to_string(), media));
                    }
                }
            }
            "itemref" => {
                if attribute(attributes, "linear") != Some("no")
                    && let Some(id) = attribute(attributes, "idref")
                {
                    spine_ids.push(id.to_string());
                }
            }
            _ => {}
        },
        Node::Text(t) if inside.is_some() => text.push_str(t),
        Node::Text(_) => {}
        Node::Close { .. } => {
            let value = super::html_text::collapse_spaces(&text);
            match inside.take() {
                Some("title") if !value.is_empty() => package.title = Some(value),
                Some("creator") if !value.is_empty() => package.creator = Some(value),
                _ => {}
            }
        }
    })?;
    package.spine = spine_ids
        .iter()
        .filter_map(|id| manifest.get(id))
        .filter(|(_, media)| media.contains("html") || media.is_empty())
        .map(|(href, _)| href.clone())
        .collect();
    if package.spine.is_empty() {
        return Err("the package document's spine names no chapter".into());
    }
    Ok(package)
}

/// A manifest's `href` as the zip names it: relative to the package
/// document's folder, `%20` and the like decoded, `..` walked up.
fn entry_name(base: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap_or(href);
    let mut parts: Vec<String> = base
        .split('/')
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect();
    for part in percent_decode(href).split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part.to_string()),
        }
    }
    parts.join("/")
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut k = 0;
    while k < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[k] == b'%'
            && let (Some(Some(h)), Some(Some(l))) = (
                bytes.get(k + 1).map(|&b| hex(b)),
                bytes.get(k + 2).map(|&b| hex(b)),
            )
        {
            out.push((h * 16 + l) as u8);
            k += 3;
            continue;
        }
        out.push(bytes[k]);
        k += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_href_is_found_in_the_zip() {
        assert_eq!(entry_name("OEBPS/", "text/c1.xhtml"), "OEBPS/text/c1.xhtml");
        assert_eq!(
            entry_name("OEBPS/text/", "../c%202.xhtml#s"),
            "OEBPS/c 2.xhtml"
        );
        assert_eq!(entry_name("", "c.xhtml"), "c.xhtml");
    }
}
