//! Making a brief from an article's plain text: paragraphs split, title,
//! byline and dateline recognised, places found and resolved offline by
//! `geoparse`, one place per distinct gazetteer entry and one link per
//! mention. What the machine weighed is kept in each place's `x-geoparse`
//! field, so the place card can show the candidates and a reader can pick
//! another.

use serde_json::{Map, Value};

use crate::brief::anchor::SpanSelectors;
use crate::brief::candidates::{CandidateRecord, FOUND_BY_MACHINE, GEOPARSE_FIELD, GeoparseRecord};
use crate::brief::{Article, Brief, BriefDoc, Link, LinkId, PlaceDoc, PlaceKind, Source, Target};
use crate::gazetteer::{self, Gazetteer, PlaceId};
use crate::geo::GeoBox;
use crate::geoparse::{self, Options, PublisherMemory, Toponym, Usage};
use crate::personal::PersonalGazetteer;

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
        G::Water | G::Lake | G::River => PlaceKind::Sea,
        G::Island => PlaceKind::Area,
        G::AirBase => PlaceKind::AirBase,
        G::NavalBase => PlaceKind::NavalBase,
    }
}

/// A brief's place for one gazetteer entry, as the machine found it: a lake or
/// an island is the box around it, drawn as a sketch; every other place its point.
pub fn place_doc_for(gaz: &Gazetteer, place: PlaceId, id: crate::brief::PlaceId) -> PlaceDoc {
    let candidate = candidate_record(gaz, place, 0.0);
    let extent = gaz.extent(place);
    let geometry = match extent {
        Some(GeoBox { min, max }) => geojson::GeometryValue::new_polygon([[
            [min.lon_deg, min.lat_deg],
            [max.lon_deg, min.lat_deg],
            [max.lon_deg, max.lat_deg],
            [min.lon_deg, max.lat_deg],
            [min.lon_deg, min.lat_deg],
        ]]),
        None => geojson::GeometryValue::new_point([candidate.lon, candidate.lat]),
    };
    PlaceDoc {
        id,
        name: candidate.name.clone(),
        kind: candidate.brief_kind,
        geometry: geojson::Geometry::new(geometry),
        approximate: extent.is_some() || candidate.is_approximate(),
        // Why it was chosen is shown with the candidates, from `x-geoparse`.
        note: candidate.note(FOUND_BY_MACHINE),
        sources: vec![candidate.source()],
        extra: Map::new(),
    }
}

/// What a gazetteer entry is, in a reader's words: "county" and "state" in
/// the United States, "province" in Canada, and where no local word is known
/// the plain "region" and "district" ("Admin2" means nothing to a reader).
pub fn kind_word(kind: gazetteer::PlaceKind, country_code: &str) -> &'static str {
    use gazetteer::PlaceKind as G;
    match kind {
        G::Continent => "continent",
        G::Country => "country",
        G::Admin1 => match country_code {
            "US" | "AU" | "MX" | "BR" | "IN" | "NG" | "DE" | "AT" | "MY" | "VE" | "SD" | "SS"
            | "MM" | "FM" | "PW" => "state",
            "CA" | "CN" | "AR" | "ZA" | "PK" | "IR" | "TR" | "IT" | "ES" | "NL" | "BE" | "PH"
            | "KR" | "AF" | "ID" | "TH" | "VN" | "SA" | "CU" | "DO" | "EC" | "PE" | "PG" | "ZW"
            | "ZM" | "KE" | "MZ" | "AO" | "CD" => "province",
            "SY" | "IQ" | "EG" | "JO" | "LB" | "YE" | "OM" | "BH" | "KW" | "TN" => "governorate",
            "GB" => "country",
            "FR" | "PL" | "CZ" | "DK" | "NO" | "FI" | "SE" | "IS" | "CL" | "GH" | "SN" => "region",
            "CH" => "canton",
            _ => "region",
        },
        G::Admin2 => match country_code {
            "US" | "GB" | "IE" | "LR" | "HU" | "RO" | "HR" | "EE" | "LV" => "county",
            _ => "district",
        },
        G::Capital => "capital",
        G::City => "city",
        G::Town => "town",
        G::Region => "region",
        G::Water => "sea",
        G::AirBase => "air base",
        G::NavalBase => "naval base",
        G::Airport => "airport",
        G::Building => "building",
        G::Lake => "lake",
        G::Island => "island",
        G::River => "river",
    }
}

/// One gazetteer entry as a candidate of a place's `x-geoparse` record.
fn candidate_record(gaz: &Gazetteer, place: PlaceId, score: f64) -> CandidateRecord {
    let p = gaz.place(place);
    CandidateRecord {
        name: p.name.to_owned(),
        kind: kind_word(p.kind, p.country_code).to_owned(),
        country: if p.kind == gazetteer::PlaceKind::Country {
            String::new()
        } else {
            country_name(gaz, p.country_code)
        },
        region: region_name(gaz, &p),
        lat: p.lat_deg,
        lon: p.lon_deg,
        population: p.population,
        geonames_id: p.geonames_id.map(u64::from),
        score: (score * 1000.0).round() / 1000.0,
        brief_kind: kind_from_gazetteer(p.kind),
        extra: Map::new(),
    }
}

/// The first-level division a place lies in ("Manitoba" for Warren, Manitoba),
/// empty for countries, divisions themselves and places without one: what
/// tells two Springfields apart in a list of candidates.
pub fn region_name(gaz: &Gazetteer, place: &gazetteer::Place) -> String {
    if matches!(
        place.kind,
        gazetteer::PlaceKind::Country
            | gazetteer::PlaceKind::Continent
            | gazetteer::PlaceKind::Admin1
    ) {
        return String::new();
    }
    gaz.admin1(place.admin1_code)
        .map(|a| gaz.place(a).name.to_owned())
        .unwrap_or_default()
}

pub fn country_name(gaz: &Gazetteer, code: &str) -> String {
    gaz.country(code)
        .map_or_else(|| code.to_string(), |c| gaz.place(c).name.to_owned())
}

/// What the machine weighed for one place, kept in the brief.
fn geoparse_record(gaz: &Gazetteer, toponym: &Toponym) -> Value {
    GeoparseRecord {
        written: toponym.text.clone(),
        rule: toponym.rule.name().to_string(),
        reason: toponym.reason(),
        candidates: toponym
            .candidates
            .iter()
            .take(KEPT_CANDIDATES)
            .map(|c| candidate_record(gaz, c.place, c.score))
            .collect(),
        chosen: 0,
        extra: Map::new(),
    }
    .to_value()
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
    let accepted = |c: &geoparse::Candidate| wanted(&gaz.place(c.place));
    if toponym.candidates.first().is_some_and(accepted) {
        return;
    }
    if let Some(k) = toponym.candidates.iter().position(accepted) {
        let mut candidates = toponym.candidates.to_vec();
        let mut chosen = candidates.remove(k);
        chosen.reasons = vec![why.to_string()];
        candidates.insert(0, chosen);
        toponym.candidates = candidates.into();
    }
}

/// Finds the places of an article and makes a brief of it.
pub fn brief_from_text(
    text: &str,
    fallback_title: &str,
    gaz: &Gazetteer,
    options: &Options,
) -> Brief {
    brief_from_text_with(
        text,
        fallback_title,
        gaz,
        options,
        &PersonalGazetteer::default(),
    )
}

/// Like [`brief_from_text`], with the reader's own places found too (they
/// win over the gazetteer's wherever their names occur).
pub fn brief_from_text_with(
    text: &str,
    fallback_title: &str,
    gaz: &Gazetteer,
    options: &Options,
    personal: &PersonalGazetteer,
) -> Brief {
    brief_from_text_in(text, fallback_title, gaz, options, personal, None, None)
}

fn brief_from_text_in(
    text: &str,
    fallback_title: &str,
    gaz: &Gazetteer,
    options: &Options,
    personal: &PersonalGazetteer,
    source: Option<String>,
    publisher: Option<(&str, &mut PublisherMemory)>,
) -> Brief {
    let mut doc = doc_from_text(text, fallback_title);
    if let Some(article) = &mut doc.article {
        article.source = source;
    }
    let doc = with_detected_places_published(doc, gaz, options, None, personal, publisher);
    brief_from_composed(doc)
}

/// A `geobrief/1` document of a plain-text article, split into title,
/// byline, dateline and paragraphs, without places yet.
pub fn doc_from_text(text: &str, fallback_title: &str) -> BriefDoc {
    let article = split_article(text);
    let paragraphs = if article.paragraphs.is_empty() {
        vec![String::new()]
    } else {
        article.paragraphs
    };
    let title = article.title.clone();
    BriefDoc::of_article(Article {
        // No headline in the text: the title is a stand-in Geobrief chose.
        title_by: title.is_none().then(|| "geobrief".to_string()),
        title: title.unwrap_or_else(|| fallback_title.to_string()),
        byline: article.byline,
        dateline: article.dateline,
        paragraphs,
        ..Article::default()
    })
}

/// The brief of a document composed here. Every part was built from valid
/// pieces; should validation still object, the text is kept without places
/// rather than the article lost.
pub fn brief_from_composed(doc: BriefDoc) -> Brief {
    match Brief::from_doc(doc.clone()) {
        Ok(brief) => brief,
        Err(_) => Brief::bare(doc.article.unwrap_or_default()),
    }
}

/// A name found in the text: by place detection (a toponym) or in the
/// reader's own gazetteer (an entry).
enum Hit {
    Found(usize),
    Personal(usize),
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum HitPlace {
    Gazetteer(PlaceId),
    Personal(usize),
}

/// A brief's place for an entry of the reader's own gazetteer.
fn personal_place_doc(
    entry: &crate::personal::PersonalPlace,
    id: crate::brief::PlaceId,
) -> PlaceDoc {
    PlaceDoc {
        id,
        name: entry.name.clone(),
        kind: entry.kind,
        geometry: geojson::Geometry::new(geojson::GeometryValue::from(&entry.geometry)),
        approximate: false,
        note: entry.note.clone(),
        sources: vec![Source {
            title: "Your own gazetteer".into(),
            url: None,
        }],
        extra: PersonalGazetteer::record(entry),
    }
}

/// A lon/lat box ((west, south), (east, north)) whose places should win.
pub type PreferredArea = ((f64, f64), (f64, f64));

/// Replaces a document's places and links with those found in its text.
pub fn with_detected_places(doc: BriefDoc, gaz: &Gazetteer, options: &Options) -> BriefDoc {
    with_detected_places_in(doc, gaz, options, None, &PersonalGazetteer::default())
}

/// Like [`with_detected_places`], but where a name could mean a place inside
/// `area`, that place wins (the reader is looking there on the map).
pub fn with_detected_places_in(
    doc: BriefDoc,
    gaz: &Gazetteer,
    options: &Options,
    area: Option<PreferredArea>,
    personal: &PersonalGazetteer,
) -> BriefDoc {
    with_detected_places_published(doc, gaz, options, area, personal, None)
}

/// A brief from an article's text, its places found with the home region
/// of the site at `address` (if the text has one) from `publishers`, which
/// then learns from what this article settled.
pub fn brief_from_text_published(
    text: &str,
    fallback_title: &str,
    gaz: &Gazetteer,
    personal: &PersonalGazetteer,
    address: Option<&str>,
    publishers: &mut PublisherMemory,
) -> Brief {
    let host = address.and_then(geoparse::host_of);
    let publisher = host.as_deref().map(|host| (host, publishers));
    let source = address.map(str::to_string);
    brief_from_text_in(
        text,
        fallback_title,
        gaz,
        &Options::default(),
        personal,
        source,
        publisher,
    )
}

/// [`with_detected_places_in`], and where the article was published: its
/// host and the memory of publishers' home regions, used and taught.
pub fn with_detected_places_published(
    doc: BriefDoc,
    gaz: &Gazetteer,
    options: &Options,
    area: Option<PreferredArea>,
    personal: &PersonalGazetteer,
    publisher: Option<(&str, &mut PublisherMemory)>,
) -> BriefDoc {
    let mut with_home;
    // The paper's address also spells its town ("parispi.net"): the host
    // goes with the home.
    let options = match &publisher {
        Some((host, memory)) => {
            with_home = options.clone();
            if with_home.home.is_none() {
                with_home.home = memory.home(host);
            }
            with_home.host = Some((*host).to_owned());
            &with_home
        }
        None => options,
    };
    with_detected_places_seen(doc, gaz, options, area, personal, |toponyms| {
        if let Some((host, memory)) = publisher {
            memory.learn(host, toponyms, gaz);
        }
    })
}

/// [`with_detected_places_in`], showing `found` the names as they were
/// found and resolved (before the reader's area and country have their
/// say): what a publisher's memory learns from.
pub fn with_detected_places_seen(
    mut doc: BriefDoc,
    gaz: &Gazetteer,
    options: &Options,
    area: Option<PreferredArea>,
    personal: &PersonalGazetteer,
    found: impl FnOnce(&[Toponym]),
) -> BriefDoc {
    let separator = "\n\n";
    // One article's document: a story is composed an article at a time.
    let article = doc.article.take().unwrap_or_default();
    let article_paragraphs = &article.paragraphs;
    let joined = article_paragraphs.join(separator);
    let mut starts = Vec::with_capacity(article_paragraphs.len());
    let mut at = 0;
    for p in article_paragraphs {
        starts.push(at);
        at += p.len() + separator.len();
    }
    let mut toponyms = geoparse::detect_places_with(&joined, gaz, options);
    found(&toponyms);
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
    // The reader's own places win wherever their names occur.
    let personal_hits = personal.find_in(&joined);
    let overlaps_personal = |r: &std::ops::Range<usize>| {
        personal_hits
            .iter()
            .any(|(p, _)| p.start < r.end && r.start < p.end)
    };
    let mut hits: Vec<(std::ops::Range<usize>, Hit)> = toponyms
        .iter()
        .enumerate()
        .filter(|(_, t)| t.usage != Usage::InName && !overlaps_personal(&t.byte_range))
        .map(|(i, t)| (t.byte_range.clone(), Hit::Found(i)))
        .chain(
            personal_hits
                .iter()
                .map(|(r, entry)| (r.clone(), Hit::Personal(*entry))),
        )
        .collect();
    hits.sort_by_key(|(r, _)| (r.start, r.end));
    let mut places: Vec<PlaceDoc> = Vec::new();
    let mut place_of: std::collections::HashMap<HitPlace, usize> = Default::default();
    let mut taken_ids: std::collections::HashSet<String> = Default::default();
    let mut links = Vec::new();
    let mut selectors_of: Option<(usize, SpanSelectors)> = None;
    for (range, hit) in hits {
        let key = match hit {
            Hit::Found(i) => HitPlace::Gazetteer(toponyms[i].place()),
            Hit::Personal(entry) => HitPlace::Personal(entry),
        };
        let index = match place_of.get(&key) {
            Some(i) => *i,
            None => {
                let name = match &hit {
                    Hit::Found(i) => gaz.place(toponyms[*i].place()).name.to_owned(),
                    Hit::Personal(entry) => personal.places[*entry].name.clone(),
                };
                let id = crate::brief::slug_id(&name, |id| taken_ids.contains(id));
                taken_ids.insert(id.clone());
                let id = crate::brief::PlaceId::new(id);
                let place = match hit {
                    Hit::Found(i) => {
                        let mut place = place_doc_for(gaz, toponyms[i].place(), id);
                        place
                            .extra
                            .insert(GEOPARSE_FIELD.into(), geoparse_record(gaz, &toponyms[i]));
                        place
                    }
                    Hit::Personal(entry) => personal_place_doc(&personal.places[entry], id),
                };
                places.push(place);
                place_of.insert(key, places.len() - 1);
                places.len() - 1
            }
        };
        let paragraph = starts
            .partition_point(|&s| s <= range.start)
            .saturating_sub(1);
        let text = &article_paragraphs[paragraph];
        let start = range.start - starts[paragraph];
        let end = (range.end - starts[paragraph]).min(text.len());
        // Hits come in text order: each paragraph's characters are counted once.
        let counter = match &mut selectors_of {
            Some((p, counter)) if *p == paragraph => counter,
            _ => &mut selectors_of.insert((paragraph, SpanSelectors::new(text))).1,
        };
        let Some(selector) = counter.selectors(start..end) else {
            continue;
        };
        links.push(Link {
            id: LinkId::new(format!("l{}", links.len() + 1)),
            place: places[index].id.clone(),
            target: Target {
                article: None,
                paragraph,
                selector,
            },
            extra: Map::new(),
        });
    }
    doc.article = Some(article);
    doc.places = places;
    doc.links = links;
    doc
}

/// A gazetteer entry found by its name, as a search list shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct GazetteerHit {
    pub id: PlaceId,
    pub name: String,
    pub country: String,
    pub kind: PlaceKind,
    pub population: u64,
    pub lon_deg: f64,
    pub lat_deg: f64,
}

/// The places a typed name can mean, most populous first.
pub fn search_gazetteer(gaz: &Gazetteer, query: &str, limit: usize) -> Vec<GazetteerHit> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let mut ids: Vec<PlaceId> = gaz.lookup(query).iter().map(|s| s.place).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut hits: Vec<GazetteerHit> = ids
        .into_iter()
        .map(|id| {
            let p = gaz.place(id);
            GazetteerHit {
                id,
                name: p.name.to_owned(),
                country: if p.kind == gazetteer::PlaceKind::Country {
                    String::new()
                } else {
                    country_name(gaz, p.country_code)
                },
                kind: kind_from_gazetteer(p.kind),
                population: p.population,
                lon_deg: p.lon_deg,
                lat_deg: p.lat_deg,
            }
        })
        .collect();
    // The places of exactly that name first, then the most populous.
    let exact = |h: &GazetteerHit| !h.name.eq_ignore_ascii_case(query);
    hits.sort_by(|a, b| {
        exact(a)
            .cmp(&exact(b))
            .then(b.population.cmp(&a.population))
            .then(a.name.cmp(&b.name))
    });
    hits.truncate(limit);
    hits
}

/// A new place for the brief from a gazetteer entry (with its source).
pub fn new_place_from_gazetteer(gaz: &Gazetteer, id: PlaceId) -> crate::editing::NewPlace {
    let candidate = candidate_record(gaz, id, 0.0);
    crate::editing::NewPlace {
        name: candidate.name.clone(),
        kind: candidate.brief_kind,
        geometry: geo_types::Geometry::Point(geo_types::Point::new(candidate.lon, candidate.lat)),
        approximate: candidate.is_approximate(),
        note: candidate.note("chosen from the gazetteer by the reader"),
        sources: vec![candidate.source()],
        extra: Map::new(),
    }
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
    fn a_lake_is_placed_as_the_box_around_it_drawn_as_a_sketch() {
        let brief = brief_from_text(
            "Fishermen on Lake Okeechobee and Lake Erie reported low water near Clewiston.",
            "Untitled",
            Gazetteer::embedded(),
            &Options::default(),
        );
        let lake = brief
            .places()
            .find(|p| p.name == "Lake Okeechobee")
            .expect("the lake");
        assert_eq!(lake.kind, PlaceKind::Sea);
        assert!(lake.approximate);
        assert!(
            lake.sources[0].title.starts_with("Natural Earth"),
            "{:?}",
            lake.sources
        );
        let geo_types::Geometry::Polygon(outline) = &lake.geometry else {
            panic!("a box, not {:?}", lake.geometry);
        };
        let ring: Vec<(f64, f64)> = outline.exterior().points().map(|p| p.x_y()).collect();
        assert_eq!(ring.len(), 5);
        assert_eq!(ring.first(), ring.last());
        let (lon, lat) = lake.anchor_lon_lat();
        assert!(
            (lat - 26.9).abs() < 0.3 && (lon + 80.8).abs() < 0.3,
            "{lat},{lon}"
        );
        let town = brief
            .places()
            .find(|p| p.name == "Clewiston")
            .expect("the town");
        assert!(matches!(town.geometry, geo_types::Geometry::Point(_)) && !town.approximate);
    }

    #[test]
    fn a_river_is_placed_as_the_box_around_its_lines_and_its_note_says_river() {
        let brief = brief_from_text(
            "Crews searched the Altamaha River near Jesup.",
            "Untitled",
            Gazetteer::embedded(),
            &Options::default(),
        );
        let river = brief
            .places()
            .find(|p| p.name == "Altamaha River")
            .expect("the river");
        assert_eq!(river.kind, PlaceKind::Sea);
        assert!(river.approximate);
        assert!(river.note.starts_with("River in Georgia"), "{}", river.note);
        assert!(
            river.sources[0]
                .title
                .starts_with("Natural Earth 1:10m rivers"),
            "{:?}",
            river.sources
        );
        let geo_types::Geometry::Polygon(outline) = &river.geometry else {
            panic!("a box, not {:?}", river.geometry);
        };
        assert_eq!(outline.exterior().points().count(), 5);
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
            .places()
            .find(|p| p.name == "Damascus")
            .expect("Damascus found");
        assert_eq!(
            brief.mentions_of(&damascus.id).len(),
            1,
            "the title is not a paragraph"
        );
        let (lon, lat) = damascus.anchor_lon_lat();
        assert!((lat - 33.5).abs() < 0.2 && (lon - 36.3).abs() < 0.2);
        assert!(brief.places().any(|p| p.name == "Aleppo"));
        assert!(brief.warnings.is_empty(), "{:?}", brief.warnings);
        assert!(damascus.extra.contains_key("x-geoparse"));
    }

    #[test]
    fn a_paper_named_after_a_town_reads_that_name_as_a_town_of_its_country() {
        let text = "Dance recital\n\nDanielle Taylor of Paris will dance in the recital.";
        let paris_lat = |address: &str| {
            let brief = brief_from_text_published(
                text,
                "Untitled",
                Gazetteer::embedded(),
                &PersonalGazetteer::default(),
                Some(address),
                &mut PublisherMemory::default(),
            );
            let paris = brief
                .places()
                .find(|p| p.name.starts_with("Paris"))
                .expect("Paris");
            paris.anchor_lon_lat().1
        };
        // Paris, France lies at 48.9 N; every US Paris lies south of 43 N.
        assert!(paris_lat("https://parisherald.com/a") < 43.0);
        assert!(paris_lat("https://dailyherald.com/a") > 48.0);
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
            assert_eq!(brief.mention_count(), brief.link_count(), "{text:?}");
        }
    }

    #[test]
    fn a_typed_name_finds_its_namesakes_most_populous_first() {
        let hits = search_gazetteer(Gazetteer::embedded(), "Damascus", 10);
        assert!(hits.len() >= 2, "{hits:?}");
        assert_eq!(
            (hits[0].name.as_str(), hits[0].country.as_str()),
            ("Damascus", "Syria")
        );
        let named: Vec<_> = hits.iter().take_while(|h| h.name == "Damascus").collect();
        assert!(named.windows(2).all(|w| w[0].population >= w[1].population));
        let place = new_place_from_gazetteer(Gazetteer::embedded(), hits[0].id);
        assert_eq!(place.name, "Damascus");
        assert!(
            place.note.contains("chosen from the gazetteer"),
            "{}",
            place.note
        );
    }

    #[test]
    fn a_place_the_reader_taught_wins_over_the_gazetteer_in_any_article() {
        let mut personal = PersonalGazetteer::default();
        personal.remember(&crate::brief::Place {
            id: "paris-camp".into(),
            name: "Paris".into(),
            kind: PlaceKind::Area,
            geometry: geo_types::Geometry::Point(geo_types::Point::new(36.2, 37.1)),
            approximate: false,
            note: "The camp the locals call Paris".into(),
            sources: Vec::new(),
            extra: Map::new(),
        });
        let brief = brief_from_text_with(
            "Aid reached Paris and Aleppo on Monday.",
            "t",
            Gazetteer::embedded(),
            &Options::default(),
            &personal,
        );
        let paris = brief
            .places()
            .find(|p| p.name == "Paris")
            .expect("Paris found");
        assert_eq!(paris.anchor_lon_lat(), (36.2, 37.1));
        assert!(paris.extra.contains_key("x-personal"));
        assert!(brief.places().any(|p| p.name == "Aleppo"));
    }

    #[test]
    fn the_candidates_of_a_found_town_say_which_state_or_province_each_is_in() {
        let brief = brief_from_text(
            "Her cousin lives in Warren, Man., near Winnipeg.",
            "t",
            Gazetteer::embedded(),
            &Options::default(),
        );
        let warren = brief
            .places()
            .find(|p| p.name == "Warren")
            .expect("Warren found");
        let record = crate::brief::candidates::geoparse_record(warren).expect("a record");
        let chosen = &record.candidates[record.chosen];
        assert_eq!(
            (chosen.region.as_str(), chosen.country.as_str()),
            ("Manitoba", "Canada")
        );
        assert!(
            record.candidates.iter().any(|c| c.region == "Michigan"),
            "{:?}",
            record.candidates
        );
    }

    #[test]
    fn a_text_with_no_places_still_makes_a_readable_brief() {
        let brief = brief_from_text(
            "nothing to see here.",
            "Notes",
            Gazetteer::embedded(),
            &Options::default(),
        );
        assert_eq!(brief.place_count(), 0);
        assert_eq!(brief.paragraphs(), ["nothing to see here."]);
        assert_eq!(brief.title(), "Notes");
    }
}
