//! Making a story of many articles: read what is given (`sources`), find
//! each text's places on workers, one per core, and add the articles to the
//! story in the order they came (`merge`), so the story is the same whatever
//! the number of workers. The app (File ▸ Add articles…) and `geobrief
//! collect` run the same code.
//!
//! A publisher's home region ("Dublin" in an Ohio paper is Dublin, Ohio) is
//! learned in article order, and each article is read with the home known
//! just before it. The readings run in parallel with the homes known before
//! the collection; an article whose home an earlier one of its site moved
//! is read again. A home is learned only from towns the article placed
//! beyond doubt by itself ("Zanesville, Ohio"), never from one the home
//! chose or one placed by it, so a wrong home cannot feed on itself.

pub mod dates;
pub mod merge;
pub mod sources;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::brief::{Brief, BriefDoc};
use crate::compose::with_detected_places_seen;
use crate::gazetteer::Gazetteer;
use crate::geoparse::{self, Options, PublisherMemory, Toponym};
use crate::personal::PersonalGazetteer;

pub use merge::{PlaceKey, SAME_PLACE_KM, StoryBuilder, place_key};
pub use sources::{
    ArticleSource, Content, Input, Read, TextArticle, read_inputs, read_inputs_titled,
};

/// How far a collection has got, shared with whoever shows it; `cancel`
/// stops it, keeping the articles read so far.
#[derive(Debug, Default)]
pub struct Progress {
    pub done: AtomicUsize,
    pub total: AtomicUsize,
    pub cancel: AtomicBool,
}

impl Progress {
    /// "Reading 312 of 8,400 articles".
    pub fn describe(&self) -> String {
        format!(
            "Reading {} of {} articles",
            thousands(self.done.load(Ordering::Relaxed)),
            thousands(self.total.load(Ordering::Relaxed))
        )
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// 8400 -> "8,400".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What a collection is made with.
#[derive(Clone, Default)]
pub struct Settings {
    /// Workers finding places; 0 means one per core.
    pub jobs: usize,
    pub options: Options,
    pub personal: PersonalGazetteer,
    /// Publishers' home regions known before this collection.
    pub publishers: PublisherMemory,
}

impl Settings {
    fn workers(&self, articles: usize) -> usize {
        crate::parallel::workers(self.jobs, articles)
    }
}

/// A story's articles with their places found, in the order they came.
#[derive(Clone)]
pub struct Collected {
    /// Each source's articles as one-article documents (a brief source gives
    /// its brief), in order; `None` where a reading was stopped.
    pub parts: Vec<Option<Part>>,
    /// What the publishers' memory learned.
    pub publishers: PublisherMemory,
}

#[derive(Clone)]
pub enum Part {
    Text(Box<BriefDoc>),
    Brief(Box<Brief>),
}

impl Collected {
    /// The parts that were read, added to `story` in order.
    pub fn add_to(self, story: &mut StoryBuilder) {
        for part in self.parts.into_iter().flatten() {
            match part {
                Part::Brief(brief) => story.add_brief(&brief),
                Part::Text(doc) => {
                    let doc = *doc;
                    if let Some(article) = doc.article {
                        story.add_article(article, &doc.places, doc.links);
                    }
                }
            }
        }
    }

    pub fn read(&self) -> usize {
        self.parts.iter().flatten().count()
    }
}

/// Finds the places of every text among `sources` on workers and returns
/// every source's articles in order (see the module's description).
pub fn find_places(
    sources: Vec<ArticleSource>,
    settings: &Settings,
    progress: &Progress,
) -> Collected {
    let gaz = Gazetteer::embedded();
    let total = sources.len();
    progress.total.store(total, Ordering::Relaxed);
    progress.done.store(0, Ordering::Relaxed);
    let host = |source: &ArticleSource| match &source.content {
        Content::Text(text) => text.url.as_deref().and_then(geoparse::host_of),
        Content::Brief(_) => None,
    };
    let hosts: Vec<Option<String>> = sources.iter().map(host).collect();
    let home_of = |publishers: &PublisherMemory, i: usize| {
        hosts[i].as_deref().and_then(|h| publishers.home(h))
    };
    let homes_before: Vec<_> = (0..total)
        .map(|i| home_of(&settings.publishers, i))
        .collect();
    let with_home = |home: Option<geoparse::publisher::Home>| Options {
        home,
        ..settings.options.clone()
    };
    // Readings on workers, each with its publisher's home as known before
    // the collection.
    let indexed: Vec<(usize, &ArticleSource)> = sources.iter().enumerate().collect();
    let readings = in_parallel(&indexed, settings, progress, |&(i, source)| {
        match &source.content {
            Content::Brief(brief) => Reading::Brief(brief.clone()),
            Content::Text(text) => {
                let options = with_home(homes_before[i].clone());
                let (doc, toponyms) = read_text(text, gaz, &options, &settings.personal);
                Reading::Text(Box::new(doc), toponyms)
            }
        }
    });
    // Homes learned in article order; an article whose home an earlier one
    // moved is read again with the home known just before it.
    let mut publishers = settings.publishers.clone();
    let mut parts = Vec::with_capacity(total);
    for (i, reading) in readings.into_iter().enumerate() {
        let part = match (reading, &sources[i].content, &hosts[i]) {
            (Some(Reading::Text(mut doc, Some(mut toponyms))), Content::Text(text), Some(host))
                if !progress.cancelled() =>
            {
                let home = publishers.home(host);
                if home != homes_before[i] {
                    let options = with_home(home);
                    let (again, found) = read_text(text, gaz, &options, &settings.personal);
                    doc = Box::new(again);
                    toponyms = found.unwrap_or_default();
                }
                publishers.learn(host, &toponyms, gaz);
                Some(Part::Text(doc))
            }
            (reading, ..) => reading.map(|r| match r {
                Reading::Brief(b) => Part::Brief(b),
                Reading::Text(doc, _) => Part::Text(doc),
            }),
        };
        parts.push(part);
    }
    Collected { parts, publishers }
}

enum Reading {
    Brief(Box<Brief>),
    /// The document, and what was found (for a page with an address, whose
    /// publisher learns from it).
    Text(Box<BriefDoc>, Option<Vec<Toponym>>),
}

/// A text's one-article document with its places, and what was found if
/// its publisher is to learn from it.
fn read_text(
    text: &TextArticle,
    gaz: &Gazetteer,
    options: &Options,
    personal: &PersonalGazetteer,
) -> (BriefDoc, Option<Vec<Toponym>>) {
    let doc = crate::open::doc_of(text);
    let keep = text.url.as_deref().and_then(geoparse::host_of).is_some();
    let mut seen = None;
    let doc = with_detected_places_seen(doc, gaz, options, None, personal, |toponyms| {
        if keep {
            seen = Some(toponyms.to_vec());
        }
    });
    (doc, seen)
}

/// `work` on every item, on the settings' workers, in any order; the
/// results in the items' order (`None` for items left when cancelled).
fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    settings: &Settings,
    progress: &Progress,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<Option<R>> {
    crate::parallel::map_in_order(
        items,
        settings.workers(items.len()),
        || progress.cancelled(),
        || {
            progress.done.fetch_add(1, Ordering::Relaxed);
        },
        work,
    )
}

/// A story of everything `inputs` hold, as `geobrief collect` makes it:
/// the story (none when no article could be read) and what could not be
/// read.
pub fn collect(
    inputs: &[Input],
    title: Option<String>,
    settings: &Settings,
) -> (Option<Brief>, Vec<String>) {
    let read = read_inputs_titled(inputs);
    let (sources, mut problems) = (read.sources, read.problems);
    let collected = find_places(sources, settings, &Progress::default());
    let mut story = StoryBuilder::new(title.or(read.title));
    collected.add_to(&mut story);
    if story.article_count() == 0 {
        problems.push("no article could be read".to_string());
        return (None, problems);
    }
    match Brief::from_doc(story.finish()) {
        Ok(brief) => (Some(brief), problems),
        Err(errors) => {
            problems.extend(errors.iter().map(ToString::to_string));
            (None, problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(text: &str, url: Option<&str>) -> ArticleSource {
        ArticleSource {
            origin: "test".into(),
            content: Content::Text(TextArticle {
                text: text.into(),
                fallback_title: "t".into(),
                url: url.map(String::from),
                ..TextArticle::default()
            }),
        }
    }

    fn story_json(sources: Vec<ArticleSource>, jobs: usize) -> String {
        let settings = Settings {
            jobs,
            ..Settings::default()
        };
        let collected = find_places(sources, &settings, &Progress::default());
        let mut story = StoryBuilder::new(Some("Test".into()));
        collected.add_to(&mut story);
        Brief::from_doc(story.finish()).unwrap().to_json()
    }

    #[test]
    fn a_story_is_the_same_whatever_the_number_of_workers() {
        let sources = || {
            (0..24)
                .map(|i| {
                    text(
                        &format!(
                            "Story {i}\n\nOfficials met in Damascus and Aleppo; talks moved to {}.",
                            ["Moscow", "Beirut", "Homs", "Latakia"][i % 4]
                        ),
                        (i % 3 == 0).then_some("https://www.example.com/news/1"),
                    )
                })
                .collect::<Vec<_>>()
        };
        let one = story_json(sources(), 1);
        assert_eq!(one, story_json(sources(), 2));
        assert_eq!(one, story_json(sources(), 5));
    }

    #[test]
    fn articles_of_one_site_collected_together_teach_it_where_its_dublin_is() {
        let url = Some("https://www.ohio-paper.com/story");
        let sources = || {
            vec![
                text("Fair\n\nA fair opened in Mount Vernon, Ohio.", url),
                text("Council\n\nThe council of Chillicothe, Ohio, met.", url),
                text("Roads\n\nRoads closed in Zanesville, Ohio.", url),
                text("Bridge\n\nDublin police closed the bridge on Monday.", url),
                text(
                    "Elsewhere\n\nDublin police closed the bridge on Monday.",
                    None,
                ),
            ]
        };
        for jobs in [1, 3] {
            let settings = Settings {
                jobs,
                ..Settings::default()
            };
            let collected = find_places(sources(), &settings, &Progress::default());
            assert!(collected.publishers.home("ohio-paper.com").is_some());
            // Which side of the Atlantic each article's Dublin is on.
            let sides: Vec<Vec<&str>> = collected
                .parts
                .iter()
                .map(|part| match part {
                    Some(Part::Text(doc)) => doc
                        .places
                        .iter()
                        .filter(|p| p.name == "Dublin")
                        .map(|p| match &p.geometry.value {
                            geojson::GeometryValue::Point { coordinates }
                                if coordinates[0] < -30.0 =>
                            {
                                "America"
                            }
                            _ => "Europe",
                        })
                        .collect(),
                    _ => Vec::new(),
                })
                .collect();
            assert_eq!(sides[3], ["America"], "{jobs} workers: the paper's Dublin");
            assert_eq!(sides[4], ["Europe"], "{jobs} workers: no site, no home");
        }
    }

    #[test]
    fn a_cancelled_collection_keeps_what_it_read() {
        let progress = Progress::default();
        progress.cancel.store(true, Ordering::Relaxed);
        let collected = find_places(
            vec![text("A\n\nIn Damascus.", None)],
            &Settings::default(),
            &progress,
        );
        assert_eq!(collected.read(), 0);
        assert_eq!(thousands(8400), "8,400");
        assert_eq!(thousands(312), "312");
    }
}
