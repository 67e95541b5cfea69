//! The brief as the page's data: its articles with each paragraph's runs of
//! linked words (positions in UTF-16 code units, as JavaScript counts), its
//! mentions in text order, and its places with what a place card shows.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::labels::place_anchor;
use super::view::{Focus, focus_of};
use crate::basemap::LonLat;
use crate::basemap::context::Regions;
use crate::brief::passages::{excerpt, runs_of_paragraph};
use crate::brief::{Brief, Place};
use crate::export::geojson::round_degrees;
use crate::map::world_basemap::WorldBasemap;

/// Characters of context on each side of a place card's passage.
const PASSAGE_CONTEXT_CHARS: usize = 60;

/// `articles`, `mentions` and `places` for the page.
pub fn brief_json(brief: &Brief) -> serde_json::Map<String, Value> {
    let place_index: HashMap<&str, usize> = brief
        .places()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    // Mentions in text order (article by article, paragraph by paragraph).
    let mut mentions: Vec<Value> = Vec::new();
    let mut mention_index: HashMap<String, usize> = HashMap::new();
    let mut articles: Vec<Value> = Vec::new();
    for (a, article) in brief.articles().iter().enumerate() {
        let mut paragraphs: Vec<Value> = Vec::new();
        for (k, p) in article.paragraphs.clone().enumerate() {
            let text = &brief.paragraphs()[p];
            let utf16 = |byte: usize| text[..byte].encode_utf16().count();
            let mut runs: Vec<Value> = Vec::new();
            for run in runs_of_paragraph(brief, p) {
                if run.mentions.is_empty() {
                    continue;
                }
                let mut ids = Vec::new();
                for link in &run.mentions {
                    let next = mention_index.len();
                    let i = *mention_index.entry(link.to_string()).or_insert_with(|| {
                        let m = brief.mention(link);
                        let place = m
                            .as_ref()
                            .and_then(|m| place_index.get(m.place.as_str()))
                            .copied();
                        let (before, words, after) = excerpt(brief, link, PASSAGE_CONTEXT_CHARS);
                        mentions.push(json!({
                            "article": a,
                            "paragraph": k,
                            "place": place,
                            "before": before,
                            "words": words,
                            "after": after,
                        }));
                        next
                    });
                    ids.push(i);
                }
                runs.push(json!([utf16(run.bytes.start), utf16(run.bytes.end), ids]));
            }
            paragraphs.push(json!({"text": text, "runs": runs}));
        }
        let info = &article.info;
        articles.push(json!({
            "id": article.id,
            "title": info.title,
            "byline": info.byline,
            "dateline": info.dateline,
            "outlet": info.outlet.as_deref().or(info.source.as_deref()),
            "date": info.date,
            "url": info.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://")),
            "paragraphs": paragraphs,
        }));
    }
    let mut by_place: Vec<Vec<usize>> = vec![Vec::new(); brief.place_count()];
    for (i, m) in mentions.iter().enumerate() {
        if let Some(p) = m["place"].as_u64() {
            by_place[p as usize].push(i);
        }
    }
    let places: Vec<Value> = brief
        .places()
        .zip(by_place)
        .map(|(place, mentions)| place_json(brief, place, mentions))
        .collect();
    let mut out = serde_json::Map::new();
    out.insert("articles".into(), Value::Array(articles));
    out.insert("mentions".into(), Value::Array(mentions));
    out.insert("places".into(), Value::Array(places));
    out
}

fn place_json(brief: &Brief, place: &Place, mentions: Vec<usize>) -> Value {
    let world = WorldBasemap::embedded();
    let anchor = place_anchor(place, world);
    let (lon, lat) = place.anchor_lon_lat();
    let grid = |v: f64| (v * super::GRID_UNITS).round();
    let area = match &place.geometry {
        geo_types::Geometry::Polygon(poly) => {
            let mut writer = super::paths::PathWriter::new(super::GRID_UNITS);
            for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
                let points: Vec<_> = ring
                    .coords()
                    .map(|c| crate::map::projection::world_from_lon_lat(c.x, c.y))
                    .collect();
                writer.add(&points, true);
            }
            Some(writer.finish())
        }
        _ => None,
    };
    let focus = match focus_of(place) {
        Focus::Fit(b) => {
            json!({"fit": [grid(b.min.x), grid(b.min.y), grid(b.max.x), grid(b.max.y)]})
        }
        Focus::Zoom { zoom, at_least } => json!({"zoom": zoom, "at_least": at_least}),
    };
    let country = (place.kind == crate::brief::PlaceKind::Country)
        .then(|| world.country_index(&place.name))
        .flatten();
    let sources: Vec<Value> = place
        .sources
        .iter()
        .map(|s| {
            let url = s
                .url
                .as_deref()
                .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
            json!({"title": s.title, "url": url})
        })
        .collect();
    let articles: Vec<usize> = brief.articles_naming(&place.id);
    json!({
        "id": place.id,
        "name": place.name,
        "kind": place.kind,
        "kind_label": place.kind.label(),
        "marker": place.kind.has_marker(),
        "note": place.note,
        "approximate": place.approximate,
        "lon": round_degrees(lon),
        "lat": round_degrees(lat),
        "where": Regions::embedded().describe(LonLat::new(lon, lat), &place.name),
        "at": [grid(anchor.x), grid(anchor.y)],
        "area": area,
        "country": country,
        "focus": focus,
        "sources": sources,
        "mentions": mentions,
        "articles": articles,
    })
}
