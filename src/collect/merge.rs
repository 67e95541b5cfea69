//! One place across articles. A story is built an article at a time; a
//! place an article names is the same place as one the story has already
//! when both have the same GeoNames id, or the same id in the reader's own
//! gazetteer, or, for places made by hand (no gazetteer id), the same name
//! within [`SAME_PLACE_KM`]. Otherwise it is a new place, with an id of its
//! own ("dublin-2" beside "dublin"). Links keep their words and name their
//! article; the story numbers them afresh.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use crate::brief::candidates::record_in;
use crate::brief::{
    Article, ArticleId, Brief, BriefDoc, Link, LinkId, PlaceDoc, PlaceId, STORY_FORMAT, slug_id,
};
use crate::export::geonames_id_from_url;
use crate::gazetteer::name_key;
use crate::geo::{LonLat, distance_km};

/// Places made by hand with one name closer than this are one place.
pub const SAME_PLACE_KM: f64 = 5.0;

/// What makes two places one, besides a hand-made place's name and spot.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKey {
    GeoNames(u64),
    Personal(String),
}

/// A place's gazetteer identity: its id in the reader's own gazetteer, or
/// its GeoNames id (from its sources, or the candidate place detection chose).
pub fn place_key(sources: &[crate::brief::Source], extra: &Map<String, Value>) -> Option<PlaceKey> {
    if let Some(id) = extra
        .get("x-personal")
        .and_then(|v| v.get("id"))
        .and_then(Value::as_str)
    {
        return Some(PlaceKey::Personal(id.to_string()));
    }
    sources
        .iter()
        .find_map(|s| geonames_id_from_url(s.url.as_deref()?))
        .or_else(|| record_in(extra)?.chosen()?.geonames_id)
        .map(PlaceKey::GeoNames)
}

/// The point a place's file form sits on (a polygon's box centre).
fn anchor_of(geometry: &geojson::Geometry) -> Option<LonLat> {
    match &geometry.value {
        geojson::GeometryValue::Point { coordinates } => {
            let c = coordinates.as_slice();
            Some(LonLat::new(*c.first()?, *c.get(1)?))
        }
        geojson::GeometryValue::Polygon { coordinates } => {
            let ring = coordinates.first()?;
            let (mut min, mut max) = ((f64::MAX, f64::MAX), (f64::MIN, f64::MIN));
            for p in ring {
                let p = p.as_slice();
                let (x, y) = (*p.first()?, *p.get(1)?);
                min = (min.0.min(x), min.1.min(y));
                max = (max.0.max(x), max.1.max(y));
            }
            Some(LonLat::new((min.0 + max.0) / 2.0, (min.1 + max.1) / 2.0))
        }
        _ => None,
    }
}

/// A story being built: articles added one at a time, in order.
#[derive(Default)]
pub struct StoryBuilder {
    title: Option<String>,
    articles: Vec<Article>,
    places: Vec<PlaceDoc>,
    links: Vec<Link>,
    by_key: HashMap<PlaceKey, PlaceId>,
    /// Hand-made places by name key, with where they are.
    hand_made: HashMap<String, Vec<(LonLat, PlaceId)>>,
    place_ids: HashSet<PlaceId>,
    article_ids: HashSet<ArticleId>,
    link_ids: HashSet<LinkId>,
    /// Articles, places and links that were the story's before (see
    /// [`StoryBuilder::continuing`]).
    seeded: (usize, usize, usize),
}

impl StoryBuilder {
    pub fn new(title: Option<String>) -> Self {
        Self {
            title,
            ..Self::default()
        }
    }

    pub fn article_count(&self) -> usize {
        self.articles.len()
    }

    /// Adds an article with the places its links name: `links` point into
    /// `article` (their paragraphs count within it) and at `places` by id.
    /// The article keeps its id if it has one no other article has.
    pub fn add_article(
        &mut self,
        mut article: Article,
        places: &[PlaceDoc],
        links: Vec<Link>,
    ) -> ArticleId {
        let id = if article.id.is_blank() || self.article_ids.contains(&article.id) {
            self.fresh_article_id()
        } else {
            article.id.clone()
        };
        article.id = id.clone();
        self.article_ids.insert(id.clone());
        self.articles.push(article);
        let by_id: HashMap<&str, &PlaceDoc> = places.iter().map(|p| (p.id.as_str(), p)).collect();
        let mut mapped: HashMap<PlaceId, PlaceId> = HashMap::new();
        for mut link in links {
            let story_place = match mapped.get(&link.place) {
                Some(p) => p.clone(),
                None => {
                    let Some(place) = by_id.get(link.place.as_str()) else {
                        continue;
                    };
                    let p = self.place_for(place);
                    mapped.insert(link.place.clone(), p.clone());
                    p
                }
            };
            link.place = story_place;
            if link.id.is_blank() || self.link_ids.contains(&link.id) {
                link.id = self.fresh_link_id();
            }
            self.link_ids.insert(link.id.clone());
            link.target.article = Some(id.clone());
            self.links.push(link);
        }
        id
    }

    /// Adds every article of a brief (or story) with its places and links.
    pub fn add_brief(&mut self, brief: &Brief) {
        let doc = brief.to_doc();
        let articles: Vec<Article> = match doc.article {
            Some(article) => vec![article],
            None => doc.articles,
        };
        let first = brief.first_article().id.clone();
        let mut links_of: HashMap<ArticleId, Vec<Link>> = HashMap::new();
        for link in doc.links {
            let article = link.target.article.clone().unwrap_or_else(|| first.clone());
            links_of.entry(article).or_default().push(link);
        }
        for (article, own) in articles.into_iter().zip(brief.articles()) {
            let links = links_of.remove(&own.id).unwrap_or_default();
            self.add_article(
                Article {
                    id: own.id.clone(),
                    ..article
                },
                &doc.places,
                links,
            );
        }
    }

    /// The story's place for an article's place: one it has already, or a
    /// new one.
    fn place_for(&mut self, place: &PlaceDoc) -> PlaceId {
        let key = place_key(&place.sources, &place.extra);
        if let Some(id) = key.as_ref().and_then(|k| self.by_key.get(k)) {
            return id.clone();
        }
        let name = name_key(&place.name);
        let at = anchor_of(&place.geometry);
        if key.is_none()
            && let Some(at) = at
            && let Some((_, id)) = self.hand_made.get(&name).and_then(|known| {
                known
                    .iter()
                    .find(|(p, _)| distance_km(*p, at) <= SAME_PLACE_KM)
            })
        {
            return id.clone();
        }
        let id = if place.id.is_blank() || self.place_ids.contains(&place.id) {
            PlaceId::new(slug_id(&place.name, |id| self.place_ids.contains(id)))
        } else {
            place.id.clone()
        };
        self.place_ids.insert(id.clone());
        match key {
            Some(key) => {
                self.by_key.insert(key, id.clone());
            }
            None => {
                if let Some(at) = at {
                    self.hand_made
                        .entry(name)
                        .or_default()
                        .push((at, id.clone()));
                }
            }
        }
        self.places.push(PlaceDoc {
            id: id.clone(),
            ..place.clone()
        });
        id
    }

    fn fresh_link_id(&self) -> LinkId {
        let mut n = self.links.len() + 1;
        loop {
            let id = LinkId::new(format!("l{n}"));
            if !self.link_ids.contains(&id) {
                return id;
            }
            n += 1;
        }
    }

    /// A builder that goes on from `brief`: its articles, places and links
    /// are the story's as they are, and what is added after them comes out
    /// of [`Self::new_edits`] as edits of `brief`.
    pub fn continuing(brief: &Brief) -> Self {
        let mut builder = Self::new(None);
        builder.add_brief(brief);
        builder.seeded = (
            builder.articles.len(),
            builder.places.len(),
            builder.links.len(),
        );
        builder
    }

    /// What was added since [`Self::continuing`], as edits of the brief it
    /// went on from: the articles, then their new places, then the links.
    /// Faults (none are expected: the parts were checked) are skipped.
    pub fn new_edits(self, brief: &Brief) -> Vec<crate::brief::Edit> {
        use crate::brief::Edit;
        let (articles, places, links) = self.seeded;
        let mut edits = Vec::new();
        for (k, article) in self.articles.into_iter().skip(articles).enumerate() {
            edits.push(Edit::InsertArticle {
                index: brief.article_count() + k,
                article: Box::new(article),
            });
        }
        let new_places = self
            .places
            .into_iter()
            .skip(places)
            .filter_map(|p| crate::brief::place_from_doc(p).ok());
        for (k, place) in new_places.enumerate() {
            edits.push(Edit::InsertPlace {
                index: brief.place_count() + k,
                place: Box::new(place),
            });
        }
        for (k, link) in self.links.into_iter().skip(links).enumerate() {
            edits.push(Edit::InsertLink {
                index: brief.link_count() + k,
                link: Box::new(link),
            });
        }
        edits
    }

    fn fresh_article_id(&self) -> ArticleId {
        let mut n = self.articles.len() + 1;
        loop {
            let id = ArticleId::new(format!("a{n}"));
            if !self.article_ids.contains(&id) {
                return id;
            }
            n += 1;
        }
    }

    /// The story as a `geobrief/2` document.
    pub fn finish(self) -> BriefDoc {
        BriefDoc {
            format: STORY_FORMAT.to_string(),
            article: None,
            title: self.title,
            articles: self.articles,
            places: self.places,
            links: self.links,
            extra: Map::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::brief_from_text;
    use crate::gazetteer::Gazetteer;
    use crate::geoparse::Options;

    fn found(text: &str) -> Brief {
        brief_from_text(text, "t", Gazetteer::embedded(), &Options::default())
    }

    #[test]
    fn one_gazetteer_place_named_in_two_articles_is_one_place_with_mentions_in_both() {
        let mut story = StoryBuilder::new(Some("Syria".into()));
        story.add_brief(&found("Talks\n\nOfficials met in Damascus on Monday."));
        story.add_brief(&found(
            "Later\n\nThe delegation flew from Damascus to Aleppo.",
        ));
        let brief = Brief::from_doc(story.finish()).unwrap();
        assert_eq!(brief.article_count(), 2);
        let damascus: Vec<_> = brief.places().filter(|p| p.name == "Damascus").collect();
        assert_eq!(damascus.len(), 1, "one Damascus");
        let in_articles: HashSet<ArticleId> = brief
            .mentions_of(&damascus[0].id)
            .iter()
            .filter_map(|l| brief.link(l)?.target.article.clone())
            .collect();
        assert_eq!(in_articles.len(), 2);
    }

    #[test]
    fn hand_made_places_of_one_name_are_one_place_only_when_they_lie_together() {
        let place = |id: &str, lon: f64| PlaceDoc {
            id: PlaceId::new(id),
            name: "Checkpoint Zulu".into(),
            kind: crate::brief::PlaceKind::Area,
            geometry: geojson::Geometry::new(geojson::GeometryValue::new_point([lon, 35.0])),
            approximate: false,
            note: String::new(),
            sources: Vec::new(),
            extra: Map::new(),
        };
        let article = |text: &str| Article {
            title: "t".into(),
            paragraphs: vec![text.into()],
            ..Article::default()
        };
        let link = |place: &str| Link {
            id: LinkId::new("l1"),
            place: PlaceId::new(place),
            target: crate::brief::Target {
                article: None,
                paragraph: 0,
                selector: crate::brief::selectors_for_span("At Checkpoint Zulu.", 3..18).unwrap(),
            },
            extra: Map::new(),
        };
        let mut story = StoryBuilder::new(None);
        story.add_article(
            article("At Checkpoint Zulu."),
            &[place("zulu", 36.0)],
            vec![link("zulu")],
        );
        // 2 km east: the same checkpoint.
        story.add_article(
            article("At Checkpoint Zulu."),
            &[place("zulu", 36.02)],
            vec![link("zulu")],
        );
        // 90 km east: another place of that name.
        story.add_article(
            article("At Checkpoint Zulu."),
            &[place("zulu", 37.0)],
            vec![link("zulu")],
        );
        let brief = Brief::from_doc(story.finish()).unwrap();
        let ids: Vec<&str> = brief.places().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["zulu", "checkpoint-zulu"]);
        assert_eq!(brief.mentions_of("zulu").len(), 2);
        assert_eq!(brief.mentions_of("checkpoint-zulu").len(), 1);
    }

    #[test]
    fn articles_added_to_a_brief_come_as_edits_that_undo_in_one_step() {
        let mut brief = Brief::default_brief();
        let before = brief.to_json();
        let mut story = StoryBuilder::continuing(&brief);
        story.add_brief(&found(
            "Later\n\nShips left Tartus; officials in Damascus and Beirut spoke.",
        ));
        let edits = story.new_edits(&brief);
        let undo = brief.apply(crate::brief::Edit::Batch(edits)).unwrap();
        assert_eq!(brief.article_count(), 2);
        assert!(brief.is_story());
        let damascus = brief.places().filter(|p| p.name == "Damascus").count();
        assert_eq!(damascus, 1, "Damascus is the default brief's Damascus");
        assert_eq!(
            brief.mentions_of("damascus").len(),
            3,
            "two before, one new"
        );
        assert!(brief.places().any(|p| p.name == "Beirut"), "a new place");
        brief.apply(undo).unwrap();
        assert_eq!(brief.to_json(), before);
    }

    #[test]
    fn an_article_keeps_its_id_unless_another_has_it() {
        let mut story = StoryBuilder::new(None);
        let a = Article {
            id: ArticleId::new("2025-01-28-moscow"),
            title: "t".into(),
            paragraphs: vec!["x".into()],
            ..Article::default()
        };
        assert_eq!(
            story.add_article(a.clone(), &[], Vec::new()),
            "2025-01-28-moscow"
        );
        assert_eq!(story.add_article(a, &[], Vec::new()), "a2");
    }
}
