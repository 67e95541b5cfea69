//! The mentions as W3C Web Annotations (JSON-LD, the
//! `http://www.w3.org/ns/anno.jsonld` context): an `AnnotationCollection`
//! whose one page holds an annotation a mention. The body identifies the
//! place (its name, GeoJSON geometry and, where known, its GeoNames URI);
//! the target is the article with a `TextQuoteSelector` and a
//! `TextPositionSelector` counted in code points over
//! [`article_text`](super::article_text).

use serde_json::{Value, json};

use super::{ArticleQuote, article_quotes, geonames_uri};
use crate::brief::{Brief, Mention, Place, StoryArticle, slug_id};

/// The IRI the annotations name an article by: its address (`url`, or a
/// `source` that is a web address), else a URN made from its title (and,
/// in a story, its id).
pub fn article_iri(brief: &Brief, article: &StoryArticle) -> String {
    let web = |s: &&str| s.starts_with("http://") || s.starts_with("https://");
    let address = article.info.url.as_deref().filter(web);
    match address.or_else(|| article.info.source.as_deref().filter(web)) {
        Some(s) => s.to_string(),
        None if brief.is_story() => format!(
            "urn:geobrief:article:{}:{}",
            slug_id(&article.info.title, |_| false),
            article.id
        ),
        None => format!(
            "urn:geobrief:article:{}",
            slug_id(&article.info.title, |_| false)
        ),
    }
}

pub fn collection(brief: &Brief) -> Value {
    let iris: std::collections::HashMap<&str, String> = brief
        .articles()
        .iter()
        .map(|a| (a.id.as_str(), article_iri(brief, a)))
        .collect();
    let first = article_iri(brief, brief.first_article());
    let items: Vec<Value> = article_quotes(brief)
        .iter()
        .map(|(m, quote)| {
            let article = iris.get(quote.article.as_str()).unwrap_or(&first);
            annotation(brief, m, quote, article)
        })
        .collect();
    let collection_iri = if brief.is_story() {
        format!("urn:geobrief:story:{}", slug_id(brief.title(), |_| false))
    } else {
        first.clone()
    };
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("{collection_iri}#places"),
        "type": "AnnotationCollection",
        "label": format!("Places of “{}”", brief.title()),
        "total": items.len(),
        "first": { "type": "AnnotationPage", "startIndex": 0, "items": items },
    })
}

pub fn collection_json(brief: &Brief) -> String {
    let mut json = serde_json::to_string_pretty(&collection(brief)).unwrap_or_default();
    json.push('\n');
    json
}

/// The body's `id` for a place: its GeoNames URI where known, else the
/// article's IRI with `#place-` and the place's id (which an import reads
/// back to match the annotation with its GeoJSON feature).
pub fn place_iri(place: &Place, article: &str) -> String {
    geonames_uri(place).unwrap_or_else(|| format!("{article}{PLACE_FRAGMENT}{}", place.id))
}

/// What comes between the article's IRI and a place's id in [`place_iri`].
pub const PLACE_FRAGMENT: &str = "#place-";

fn annotation(brief: &Brief, m: &Mention, quote: &ArticleQuote, article: &str) -> Value {
    let place = brief.place(&m.place);
    let mut source = json!({
        "type": "Place",
        "label": place.map(|p| p.name.as_str()).unwrap_or(""),
    });
    if let Some(p) = place {
        source["id"] = json!(place_iri(p, article));
        source["geometry"] = json!(super::geojson::geojson_geometry(&p.geometry));
        source["kind"] = json!(p.kind);
    }
    json!({
        "id": format!("{article}#{}", m.link),
        "type": "Annotation",
        "motivation": "identifying",
        "body": { "type": "SpecificResource", "purpose": "identifying", "source": source },
        "target": {
            "source": article,
            "selector": quote.selectors_json(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::article_text;

    #[test]
    fn every_mention_is_an_annotation_whose_position_holds_its_words() {
        let brief = Brief::default_brief();
        let value = collection(&brief);
        assert_eq!(value["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(value["type"], "AnnotationCollection");
        let items = value["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), brief.mention_count());
        let text: Vec<char> = article_text(&brief, brief.first_article())
            .chars()
            .collect();
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
    fn a_place_without_a_geonames_id_is_named_by_the_article_and_its_id() {
        let brief = Brief::default_brief();
        let value = collection(&brief);
        let items = value["first"]["items"].as_array().unwrap();
        let ids: Vec<&str> = items
            .iter()
            .filter_map(|i| i["body"]["source"]["id"].as_str())
            .collect();
        assert!(
            ids.contains(
                &"urn:geobrief:article:syria-s-interim-president-in-moscow-as-russia#place-tartus"
            ),
            "{ids:?}"
        );
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
