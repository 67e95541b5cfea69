//! XML read as a flat walk of elements and text, for the readers of
//! documents, e-books and feeds: quick-xml's events made simpler (names as
//! written, attributes by their local names with their values unescaped,
//! entity and character references resolved into the text). No tree is
//! built, so nesting costs nothing and the work is linear in the length.

use std::borrow::Cow;

use quick_xml::events::Event;

/// One step of the walk.
pub enum Node<'a> {
    /// An element opens (`<w:p>`; an empty `<w:br/>` opens and closes).
    Open {
        name: &'a str,
        attributes: &'a [(String, String)],
    },
    Close {
        name: &'a str,
    },
    Text(&'a str),
}

/// The name without its prefix: "w:t" -> "t".
pub fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// The value of the attribute whose local name is `key`.
pub fn attribute<'a>(attributes: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Walks `xml`, calling `visit` for each node; a malformed document ends
/// the walk with where and why.
pub fn walk(xml: &str, mut visit: impl FnMut(Node<'_>)) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    let mut attributes = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("broken XML at byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(e) => {
                read_attributes(&e, &mut attributes);
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                visit(Node::Open {
                    name: &name,
                    attributes: &attributes,
                });
            }
            Event::Empty(e) => {
                read_attributes(&e, &mut attributes);
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                visit(Node::Open {
                    name: &name,
                    attributes: &attributes,
                });
                visit(Node::Close { name: &name });
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                visit(Node::Close { name: &name });
            }
            Event::Text(t) => {
                let text: Cow<str> = t
                    .decode()
                    .unwrap_or_else(|_| String::from_utf8_lossy(&t).into_owned().into());
                visit(Node::Text(&text));
            }
            Event::CData(c) => {
                let text = String::from_utf8_lossy(&c);
                visit(Node::Text(&text));
            }
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r);
                if let Some(c) = super::html_text::entity(&name) {
                    visit(Node::Text(c.encode_utf8(&mut [0; 4])));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

fn read_attributes(e: &quick_xml::events::BytesStart<'_>, out: &mut Vec<(String, String)>) {
    out.clear();
    for attribute in e.attributes().with_checks(false).flatten() {
        let key = String::from_utf8_lossy(attribute.key.local_name().as_ref()).into_owned();
        let value = super::html_text::decode_entities(&String::from_utf8_lossy(&attribute.value));
        out.push((key, value));
    }
}

/// The text of an XML document's bytes: UTF-8 (a byte-order mark dropped)
/// or UTF-16 with one; anything else is named.
pub fn xml_text(bytes: &[u8]) -> Result<String, String> {
    crate::brief::read::text_from_bytes(bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_walk_gives_names_attributes_and_resolved_text() {
        let mut seen = Vec::new();
        walk(
            r#"<a:x k="v &amp; w"><a:t>Homs &amp; Hama&#8217;s <![CDATA[<b>]]></a:t><br/></a:x>"#,
            |node| {
                seen.push(match node {
                    Node::Open { name, attributes } => {
                        format!("<{name} {:?}>", attribute(attributes, "k"))
                    }
                    Node::Close { name } => format!("</{}>", local(name)),
                    Node::Text(t) => t.to_string(),
                })
            },
        )
        .unwrap();
        assert_eq!(
            seen.concat(),
            r#"<a:x Some("v & w")><a:t None>Homs & Hama’s <b></t><br None></br></x>"#
        );
        assert!(walk("<a x='1' x='2'>&bogus;</a>", |_| {}).is_ok());
    }
}
