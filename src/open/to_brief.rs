//! Articles made into a brief: one article with its places found offline
//! (its publisher's home region, where it gives its address), or a story of
//! many (`crate::collect`, places found on every core).

use std::sync::atomic::AtomicBool;

use super::article::{Articles, Opened, TextArticle};
use crate::brief::{Brief, BriefDoc};
use crate::collect::{ArticleSource, Content, Progress, Settings, StoryBuilder, find_places};
use crate::compose;
use crate::fetch::FetchLimits;
use crate::gazetteer::Gazetteer;
use crate::geoparse::{self, Options, PublisherMemory};
use crate::personal::PersonalGazetteer;

/// The brief of what was opened; the errors are lines for the problems
/// panel.
pub fn brief_of(
    opened: Opened,
    personal: &PersonalGazetteer,
    publishers: &mut PublisherMemory,
) -> Result<Brief, Vec<String>> {
    match opened {
        Opened::Brief(brief) => Ok(*brief),
        Opened::Articles(articles) if !articles.many && articles.found.len() == 1 => {
            let skipped: Vec<String> = articles.skipped.iter().map(ToString::to_string).collect();
            let article = articles.found.into_iter().next().map(|f| f.article);
            let mut brief = brief_of_article(&article.unwrap_or_default(), personal, publishers);
            brief.warnings.extend(skipped);
            Ok(brief)
        }
        Opened::Articles(articles) => story_of(articles, personal, publishers),
    }
}

/// Fetches `address` and makes a brief of it (`geobrief URL`,
/// `geoparse URL`, `export URL`).
pub fn open_address_as_brief(
    address: &str,
    personal: &PersonalGazetteer,
) -> Result<Brief, Vec<String>> {
    let opened = super::open_address(address, &FetchLimits::default(), &AtomicBool::new(false))
        .map_err(|e| e.lines())?;
    brief_of(opened, personal, &mut PublisherMemory::default())
}

/// A `geobrief/1` document of the article, without places yet: its text
/// split into title, byline and paragraphs, and what its source says of it.
pub fn doc_of(text: &TextArticle) -> BriefDoc {
    let mut doc = compose::doc_from_text(&text.text, &text.fallback_title);
    if let Some(article) = &mut doc.article {
        article.id = text.id.as_deref().map(Into::into).unwrap_or_default();
        article.url = text.url.clone();
        article.source = text.url.clone();
        article.outlet = text.outlet.clone();
        article.date = text.date.clone();
        article.summary_only = text.summary_only;
        article.pages = pages_of_paragraphs(&text.text, &text.pages, article.paragraphs.len());
    }
    doc
}

/// The page of each paragraph, from the page of each block of the text:
/// the blocks the title and byline took come first.
fn pages_of_paragraphs(text: &str, block_pages: &[u32], paragraphs: usize) -> Option<Vec<u32>> {
    let blocks = text.split("\n\n").filter(|b| !b.trim().is_empty()).count();
    if block_pages.is_empty() || block_pages.len() != blocks || paragraphs > blocks {
        return None;
    }
    Some(block_pages[blocks - paragraphs..].to_vec())
}

/// One article's brief, its places found with its publisher's home region.
pub fn brief_of_article(
    text: &TextArticle,
    personal: &PersonalGazetteer,
    publishers: &mut PublisherMemory,
) -> Brief {
    let doc = doc_of(text);
    let host = text.url.as_deref().and_then(geoparse::host_of);
    let publisher = host.as_deref().map(|host| (host, publishers));
    let doc = compose::with_detected_places_published(
        doc,
        Gazetteer::embedded(),
        &Options::default(),
        None,
        personal,
        publisher,
    );
    compose::brief_from_composed(doc)
}

/// A story of the articles, their places found on every core.
fn story_of(
    articles: Articles,
    personal: &PersonalGazetteer,
    publishers: &mut PublisherMemory,
) -> Result<Brief, Vec<String>> {
    let sources = articles
        .found
        .into_iter()
        .map(|found| ArticleSource {
            origin: found.at.map(|a| a.to_string()).unwrap_or_default(),
            content: Content::Text(found.article),
        })
        .collect();
    let settings = Settings {
        personal: personal.clone(),
        publishers: publishers.clone(),
        ..Settings::default()
    };
    let collected = find_places(sources, &settings, &Progress::default());
    *publishers = collected.publishers.clone();
    let mut story = StoryBuilder::new(articles.title);
    collected.add_to(&mut story);
    let mut brief = Brief::from_doc(story.finish())
        .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    brief
        .warnings
        .extend(articles.skipped.iter().map(ToString::to_string));
    Ok(brief)
}

/// A brief from an article's text, with its places found offline.
pub fn brief_from_article_text(
    text: &str,
    fallback_title: &str,
    personal: &PersonalGazetteer,
) -> Brief {
    compose::brief_from_text_with(
        text,
        fallback_title,
        Gazetteer::embedded(),
        &Options::default(),
        personal,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_paragraph_keeps_the_page_of_its_block_after_the_title() {
        let text = "Title\n\nFirst paragraph ends here.\n\nSecond one, on page 2.";
        assert_eq!(pages_of_paragraphs(text, &[1, 1, 2], 2), Some(vec![1, 2]));
        assert_eq!(
            pages_of_paragraphs(text, &[1, 2], 2),
            None,
            "blocks and pages disagree"
        );
        assert_eq!(pages_of_paragraphs(text, &[], 2), None);
    }
}
