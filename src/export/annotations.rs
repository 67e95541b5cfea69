//! The mentions as W3C Web Annotations (JSON-LD, the
//! `http://www.w3.org/ns/anno.jsonld` context): an `AnnotationCollection`
//! whose one page holds an annotation a mention. The body identifies the
//! place (its name, GeoJSON geometry and, where known, its GeoNames URI);
//! the target is the article with a `TextQuoteSelector` and a
//! `TextPositionSelector` counted in code points over [`article_text`].

use serde_json::{Value, json};

use super::{PARAGRAPH_SEPARATOR, article_text, geonames_uri};
use crate::brief::anchor::CONTEXT_CHARS;
use crate::brief::{Brief, Mention, slug_id};

/// The IRI the annotations name the article by: its source if that is a
/// web address, else a URN made from its title.
pub fn article_iri(brief: &Brief) -> String {
    match brief.article.source.as_deref() {
        Some(s) if s.starts_with("http://") || s.starts_with("https://") => s.to_string(),
        _ => format!(
            "urn:geobrief:article:{}",
            slug_id(&brief.article.title, |_| false)
        ),
    }
}

pub fn collection(brief: &Brief) -> Value {
    let article = article_iri(brief);
    let text = article_text(brief);
    // Where each paragraph starts, in code points of the whole text.
    let mut starts = Vec::with_capacity(brief.paragraphs().len());
    let mut at = 0;
    let separator = PARAGRAPH_SEPARATOR.chars().count();
    for p in brief.paragraphs() {
        starts.push(at);
        at += p.chars().count() + separator;
    }
    let items: Vec<Value> = brief
        .mentions()
        .map(|m| annotation(brief, &m, &article, &text, &starts))
        .collect();
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("{article}#places"),
        "type": "AnnotationCollection",
        "label": format!("Places of “{}”", brief.article.title),
        "total": items.len(),
        "first": { "type": "AnnotationPage", "startIndex": 0, "items": items },
    })
}

pub fn collection_json(brief: &Brief) -> String {
    let mut json = serde_json::to_string_pretty(&collection(brief)).unwrap_or_default();
    json.push('\n');
    json
}

fn annotation(brief: &Brief, m: &Mention, article: &str, text: &str, starts: &[usize]) -> Value {
    let paragraph = &brief.paragraphs()[m.paragraph];
    let start = starts[m.paragraph] + paragraph[..m.bytes.start].chars().count();
    let exact = &paragraph[m.bytes.clone()];
    let end = start + exact.chars().count();
    let (prefix, suffix) = context(text, start, end);
    let place = brief.place(&m.place);
    let mut source = json!({
        "type": "Place",
        "label": place.map(|p| p.name.as_str()).unwrap_or(""),
    });
    if let Some(p) = place {
        source["id"] =
            json!(geonames_uri(p).unwrap_or_else(|| format!("{article}#place-{}", p.id)));
        source["geometry"] = json!(geojson::Geometry::new(geojson::GeometryValue::from(
            &super::geojson::right_handed(&p.geometry)
        )));
        source["kind"] = json!(p.kind);
    }
    json!({
        "id": format!("{article}#{}", m.link),
        "type": "Annotation",
        "motivation": "identifying",
        "body": { "type": "SpecificResource", "purpose": "identifying", "source": source },
        "target": {
            "source": article,
            "selector": [
                { "type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix },
                { "type": "TextPositionSelector", "start": start, "end": end },
            ],
        },
    })
}

/// Up to `CONTEXT_CHARS` code points on each side of `start..end`.
fn context(text: &str, start: usize, end: usize) -> (String, String) {
    let chars: Vec<char> = text.chars().collect();
    let prefix: String = chars[start.saturating_sub(CONTEXT_CHARS)..start]
        .iter()
        .collect();
    let suffix: String = chars[end..(end + CONTEXT_CHARS).min(chars.len())]
        .iter()
        .collect();
    (prefix, suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mention_is_an_annotation_whose_position_holds_its_words() {
        let brief = Brief::default_brief();
        let value = collection(&brief);
        assert_eq!(value["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(value["type"], "AnnotationCollection");
        let items = value["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), brief.mention_count());
        let text: Vec<char> = article_text(&brief).chars().collect();
        for item in items {
            let selectors = item["target"]["selector"].as_array().unwrap();
            let exact = selectors[0]["exact"].as_str().unwrap();
            let start = selectors[1]["start"].as_u64().unwrap() as usize;
            let end = selectors[1]["end"].as_u64().unwrap() as usize;
            let found: String = text[start..end].iter().collect();
            assert_eq!(found, exact);
            let prefix = selectors[0]["prefix"].as_str().unwrap();
            let before: String = text[start - prefix.chars().count()..start].iter().collect();
            assert_eq!(before, prefix);
        }
    }

    #[test]
    fn a_city_s_body_names_its_geonames_uri_and_carries_its_geometry() {
        let brief = Brief::default_brief();
        let value = collection(&brief);
        let items = value["first"]["items"].as_array().unwrap();
        let moscow = items
            .iter()
            .find(|i| i["body"]["source"]["label"] == "Moscow")
            .unwrap();
        assert_eq!(
            moscow["body"]["source"]["id"],
            "https://sws.geonames.org/524901/"
        );
        assert_eq!(moscow["body"]["source"]["geometry"]["type"], "Point");
    }
}
