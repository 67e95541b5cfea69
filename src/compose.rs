//! Making a brief from an article's plain text: paragraphs split, title,
//! byline and dateline recognised, places found and resolved offline by
//! `geoparse`, one place per distinct gazetteer entry and one link per
//! mention. What the machine weighed is kept in each place's `x-geoparse`
//! field, so the place card can show the candidates and a reader can pick
//! another.

use serde_json::{Map, Value, json};

use crate::brief::validate;
use crate::brief::{
    Article, Brief, BriefDoc, FORMAT, Link, PlaceDoc, PlaceKind, Selector, Source, Target,
};
use crate::gazetteer::{self, Gazetteer, PlaceId};
use crate::geoparse::{self, Options, Toponym, Usage};

/// Characters of context kept on each side of a quote.
const CONTEXT_CHARS: usize = 24;
/// Candidates kept per place for the reader to choose from.
const KEPT_CANDIDATES: usize = 6;

/// The parts of a plain-text article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleText {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub paragraphs: Vec<String>,
}

/// Splits plain text (or Markdown) into title, byline, dateline and paragraphs.
pub fn split_article(text: &str) -> ArticleText {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut blocks: Vec<String> = text
        .split("\n\n")
        .map(|b| {
            b.split('\n')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|b| !b.is_empty())
        .collect();
    if blocks.len() == 1 && text.trim().contains('\n') {
        // No blank lines: one paragraph a line.
        blocks = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect();
    }
    let mut article = ArticleText::default();
    let mut rest = blocks.into_iter().peekable();
    if let Some(first) = rest.peek()
        && looks_like_title(first)
    {
        article.title = rest
            .next()
            .map(|t| t.trim_start_matches('#').trim().to_string());
    }
    if let Some(line) = rest.peek()
        && looks_like_byline(line)
    {
        article.byline = rest.next();
    }
    article.paragraphs = rest.collect();
    if let Some(first) = article.paragraphs.first_mut()
        && let Some((dateline, body)) = split_dateline(first)
    {
        article.dateline = Some(dateline);
        *first = body;
    }
    article
}

fn looks_like_title(block: &str) -> bool {
    let chars = block.chars().count();
    block.starts_with('#')
        || (chars <= 140 && !block.ends_with(['.', ',', ';', ':']) && !looks_like_byline(block))
}

fn looks_like_byline(block: &str) -> bool {
    block.chars().count() <= 100 && (block.starts_with("By ") || block.starts_with("by "))
}

/// "MOSCOW — Russian President..." -> ("MOSCOW", "Russian President...").
fn split_dateline(paragraph: &str) -> Option<(String, String)> {
    for dash in [" — ", " – ", " - ", " -- "] {
        if let Some((head, body)) = paragraph.split_once(dash) {
            let letters: Vec<char> = head.chars().filter(|c| c.is_alphabetic()).collect();
            let capitals = letters.iter().filter(|c| c.is_uppercase()).count();
            if head.chars().count() <= 40
                && !letters.is_empty()
                && capitals * 10 >= letters.len() * 8
            {
                return Some((head.trim().to_string(), body.trim().to_string()));
            }
        }
    }
    None
}

/// Maps a gazetteer kind to the brief's kinds of place.
pub fn kind_from_gazetteer(kind: gazetteer::PlaceKind) -> PlaceKind {
    use gazetteer::PlaceKind as G;
    match kind {
        G::Country => PlaceKind::Country,
        G::Capital => PlaceKind::Capital,
        G::City | G::Town | G::Airport | G::Building => PlaceKind::City,
        G::Continent | G::Admin1 | G::Admin2 | G::Region => PlaceKind::Region,
        G::Water => PlaceKind::Sea,
        G::AirBase => PlaceKind::AirBase,
        G::NavalBase => PlaceKind::NavalBase,
    }
}

/// A brief's place for one gazetteer entry.
pub fn place_doc_for(gaz: &Gazetteer, place: PlaceId, id: String) -> PlaceDoc {
    let p = gaz.place(place);
    let kind = kind_from_gazetteer(p.kind);
    let source = match p.geonames_id {
        Some(gid) => Source {
            title: format!("GeoNames geographical database (CC BY 4.0), id {gid}"),
            url: Some(format!("https://www.geonames.org/{gid}")),
        },
        None => Source {
            title: "Geobrief's hand-curated gazetteer".into(),
            url: None,
        },
    };
    let label = p.kind.label();
    let mut note: String = label
        .chars()
        .take(1)
        .flat_map(char::to_uppercase)
        .chain(label.chars().skip(1))
        .collect();
    if !p.country_code.is_empty() && p.kind != gazetteer::PlaceKind::Country {
        note.push_str(&format!(" in {}", country_name(gaz, &p.country_code)));
    }
    // Why it was chosen is shown with the candidates, from `x-geoparse`.
    note.push_str(", found in the text by Geobrief");
    PlaceDoc {
        id,
        name: p.name.clone(),
        kind,
        geometry: geojson::Geometry::new(geojson::GeometryValue::new_point([p.lon_deg, p.lat_deg])),
        approximate: matches!(
            kind,
            PlaceKind::Region | PlaceKind::Sea | PlaceKind::Country
        ),
        note,
        sources: vec![source],
        extra: Map::new(),
    }
}

pub fn country_name(gaz: &Gazetteer, code: &str) -> String {
    gaz.country(code)
        .map_or_else(|| code.to_string(), |c| gaz.place(c).name.clone())
}

/// What the machine weighed for one place, kept in the brief.
fn geoparse_record(gaz: &Gazetteer, toponym: &Toponym) -> Value {
    let candidates: Vec<Value> = toponym
        .candidates
        .iter()
        .take(KEPT_CANDIDATES)
        .map(|c| {
            let p = gaz.place(c.place);
            json!({
                "name": p.name,
                "kind": p.kind.label(),
                "country": country_name(gaz, &p.country_code),
                "lat": p.lat_deg,
                "lon": p.lon_deg,
                "population": p.population,
                "geonames_id": p.geonames_id,
                "score": (c.score * 1000.0).round() / 1000.0,
                "brief_kind": kind_from_gazetteer(p.kind),
            })
        })
        .collect();
    json!({ "name": toponym.text, "reason": toponym.reason(), "candidates": candidates, "chosen": 0 })
}

fn inside(area: PreferredArea, lon: f64, lat: f64) -> bool {
    let ((west, south), (east, north)) = area;
    (west..=east).contains(&lon) && (south..=north).contains(&lat)
}

/// Moves the best candidate that `wanted` accepts to the front, unless the
/// winner is already such a place: the reader's choice overrides the
/// machine's guess wherever the name allows it.
fn prefer_candidate(
    toponym: &mut Toponym,
    gaz: &Gazetteer,
    why: &str,
    wanted: impl Fn(&gazetteer::Place) -> bool,
) {
    let accepted = |c: &geoparse::Candidate| wanted(gaz.place(c.place));
    if toponym.candidates.first().is_some_and(accepted) {
        return;
    }
    if let Some(k) = toponym.candidates.iter().position(accepted) {
        let mut chosen = toponym.candidates.remove(k);
        chosen.reasons = vec![why.to_string()];
        toponym.candidates.insert(0, chosen);
    }
}

fn slug(name: &str, taken: &[String]) -> String {
    let base: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = if base.is_empty() {
        "place".to_string()
    } else {
        base
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Finds the places of an article and makes a brief of it.
pub fn brief_from_text(
    text: &str,
    fallback_title: &str,
    gaz: &Gazetteer,
    options: &Options,
) -> Brief {
    let article = split_article(text);
    let paragraphs = if article.paragraphs.is_empty() {
        vec![String::new()]
    } else {
        article.paragraphs
    };
    let title = article.title.clone();
    let doc = BriefDoc {
        format: FORMAT.to_string(),
        article: Article {
            // No headline in the text: the title is a stand-in Geobrief chose.
            title_by: title.is_none().then(|| "geobrief".to_string()),
            title: title.unwrap_or_else(|| fallback_title.to_string()),
            byline: article.byline,
            dateline: article.dateline,
            source: None,
            date: None,
            paragraphs,
            extra: Map::new(),
        },
        places: Vec::new(),
        links: Vec::new(),
        extra: Map::new(),
    };
    let doc = with_detected_places(doc, gaz, options);
    // Every part was built here from valid pieces; should validation still
    // object, keep the text without places rather than lose the article.
    match validate(doc.clone()) {
        Ok(brief) => brief,
        Err(_) => {
            let mut bare = doc;
            bare.places.clear();
            bare.links.clear();
            match validate(bare.clone()) {
                Ok(brief) => brief,
                Err(_) => Brief {
                    doc: bare,
                    places: Vec::new(),
                    mentions: Vec::new(),
                    warnings: Vec::new(),
                },
            }
        }
    }
}

/// A lon/lat box ((west, south), (east, north)) whose places should win.
pub type PreferredArea = ((f64, f64), (f64, f64));

/// Replaces a document's places and links with those found in its text.
pub fn with_detected_places(doc: BriefDoc, gaz: &Gazetteer, options: &Options) -> BriefDoc {
    with_detected_places_in(doc, gaz, options, None)
}

/// Like [`with_detected_places`], but where a name could mean a place inside
/// `area`, that place wins (the reader is looking there on the map).
pub fn with_detected_places_in(
    mut doc: BriefDoc,
    gaz: &Gazetteer,
    options: &Options,
    area: Option<PreferredArea>,
) -> BriefDoc {
    let separator = "\n\n";
    let joined = doc.article.paragraphs.join(separator);
    let mut starts = Vec::with_capacity(doc.article.paragraphs.len());
    let mut at = 0;
    for p in &doc.article.paragraphs {
        starts.push(at);
        at += p.len() + separator.len();
    }
    let mut toponyms = geoparse::detect_places_with(&joined, gaz, options);
    for t in &mut toponyms {
        if let Some(area) = area {
            prefer_candidate(t, gaz, "inside the map area the reader chose", |p| {
                inside(area, p.lon_deg, p.lat_deg)
            });
        }
        if let Some(code) = &options.country_bias {
            prefer_candidate(t, gaz, "in the country the reader chose", |p| {
                p.country_code.eq_ignore_ascii_case(code)
            });
        }
    }
    let mut places: Vec<PlaceDoc> = Vec::new();
    let mut place_of: Vec<(PlaceId, usize)> = Vec::new();
    let mut links = Vec::new();
    for toponym in toponyms.iter().filter(|t| t.usage != Usage::InName) {
        let gid = toponym.place();
        let index = match place_of.iter().find(|(g, _)| *g == gid) {
            Some((_, i)) => *i,
            None => {
                let ids: Vec<String> = places.iter().map(|p| p.id.clone()).collect();
                let mut place = place_doc_for(gaz, gid, slug(&gaz.place(gid).name, &ids));
                place
                    .extra
                    .insert("x-geoparse".into(), geoparse_record(gaz, toponym));
                places.push(place);
                place_of.push((gid, places.len() - 1));
                places.len() - 1
            }
        };
        let paragraph = starts
            .partition_point(|&s| s <= toponym.byte_range.start)
            .saturating_sub(1);
        let text = &doc.article.paragraphs[paragraph];
        let start = toponym.byte_range.start - starts[paragraph];
        let end = (toponym.byte_range.end - starts[paragraph]).min(text.len());
        let (Some(exact), Some(before), Some(after)) =
            (text.get(start..end), text.get(..start), text.get(end..))
        else {
            continue;
        };
        let prefix: String = before
            .chars()
            .rev()
            .take(CONTEXT_CHARS)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let suffix: String = after.chars().take(CONTEXT_CHARS).collect();
        let start_chars = before.chars().count();
        links.push(Link {
            place: places[index].id.clone(),
            target: Target {
                paragraph,
                selector: vec![
                    Selector::TextQuoteSelector {
                        exact: exact.to_string(),
                        prefix,
                        suffix,
                    },
                    Selector::TextPositionSelector {
                        start: start_chars,
                        end: start_chars + exact.chars().count(),
                    },
                ],
            },
            extra: Map::new(),
        });
    }
    doc.places = places;
    doc.links = links;
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Talks in Damascus\n\nBy A. Writer\n\nBEIRUT — Officials from Lebanon met in Damascus on Monday.\n\nThe Syrian delegation later flew to Aleppo.";

    #[test]
    fn a_plain_article_is_split_into_title_byline_dateline_and_paragraphs() {
        let a = split_article(STORY);
        assert_eq!(a.title.as_deref(), Some("Talks in Damascus"));
        assert_eq!(a.byline.as_deref(), Some("By A. Writer"));
        assert_eq!(a.dateline.as_deref(), Some("BEIRUT"));
        assert_eq!(a.paragraphs.len(), 2);
        assert!(a.paragraphs[0].starts_with("Officials from Lebanon"));
    }

    #[test]
    fn lines_without_blank_lines_are_paragraphs_each() {
        let a = split_article("First paragraph here.\nSecond paragraph here.\nThird one.");
        assert_eq!(a.title, None);
        assert_eq!(a.paragraphs.len(), 3);
    }

    #[test]
    fn a_brief_from_text_maps_each_place_once_and_links_every_mention() {
        let brief = brief_from_text(
            STORY,
            "Untitled",
            Gazetteer::embedded(),
            &Options::default(),
        );
        let damascus = brief
            .places
            .iter()
            .position(|p| p.name == "Damascus")
            .expect("Damascus found");
        assert_eq!(
            brief.mentions_of(damascus).count(),
            1,
            "the title is not a paragraph"
        );
        let (lon, lat) = brief.places[damascus].anchor_lon_lat();
        assert!((lat - 33.5).abs() < 0.2 && (lon - 36.3).abs() < 0.2);
        assert!(brief.places.iter().any(|p| p.name == "Aleppo"));
        assert!(brief.warnings.is_empty(), "{:?}", brief.warnings);
        assert!(brief.doc.places[damascus].extra.contains_key("x-geoparse"));
    }

    #[test]
    fn any_text_makes_a_valid_brief_without_panicking() {
        let pieces = [
            "Paris",
            "\n\n",
            " — ",
            "By ",
            "é",
            "Ελλάδα",
            "’s",
            "\r\n",
            "  ",
            "New York",
            "MOSCOW — ",
            "#",
            "Syria",
            "\u{200b}",
            "x",
            ".",
            "🙂",
            "Washington, D.C.",
            "\t",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..200 {
            let mut text = String::new();
            for _ in 0..(seed % 40) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let brief = brief_from_text(&text, "t", Gazetteer::embedded(), &Options::default());
            assert!(brief.warnings.is_empty(), "{text:?}: {:?}", brief.warnings);
            assert_eq!(brief.mentions.len(), brief.doc.links.len(), "{text:?}");
        }
    }

    #[test]
    fn a_text_with_no_places_still_makes_a_readable_brief() {
        let brief = brief_from_text(
            "nothing to see here.",
            "Notes",
            Gazetteer::embedded(),
            &Options::default(),
        );
        assert!(brief.places.is_empty());
        assert_eq!(brief.doc.article.paragraphs, ["nothing to see here."]);
        assert_eq!(brief.doc.article.title, "Notes");
    }
}
