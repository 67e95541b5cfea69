//! The brief flattened into rows, as the table formats (CSV, GeoPackage,
//! KML) write them: one row a mention with its article, its place and the
//! words around it, in text order. One walk over the text for every format.

use super::{ArticleQuote, article_quotes};
use crate::brief::passages::excerpt;
use crate::brief::{Brief, Mention, Place, StoryArticle};

/// Characters of context on each side of a row's passage (as the GeoJSON's
/// `passages`).
pub const PASSAGE_CONTEXT_CHARS: usize = 40;

/// A mention with what a table says of it.
pub struct MentionRow<'a> {
    pub mention: Mention,
    pub article: &'a StoryArticle,
    pub place: &'a Place,
    /// The words and their position in the article's text.
    pub quote: ArticleQuote,
    /// The paragraph's number within its article, from 1.
    pub paragraph: usize,
    /// The words with about [`PASSAGE_CONTEXT_CHARS`] characters on each
    /// side, cut at word boundaries (`…` where cut).
    pub passage: String,
}

/// Every mention of a place the brief holds, in text order.
pub fn mention_rows(brief: &Brief) -> Vec<MentionRow<'_>> {
    article_quotes(brief)
        .into_iter()
        .filter_map(|(mention, quote)| {
            let place = brief.place(&mention.place)?;
            let article = brief.article(&quote.article)?;
            let (before, exact, after) = excerpt(brief, &mention.link, PASSAGE_CONTEXT_CHARS);
            Some(MentionRow {
                paragraph: mention.paragraph + 1 - article.paragraphs.start,
                passage: format!("{before}{exact}{after}"),
                mention,
                article,
                place,
                quote,
            })
        })
        .collect()
}

/// The words a place's kind is written as in the tables: the brief's own
/// name for it (`naval_base`, `city`).
pub fn kind_name(place: &Place) -> String {
    serde_json::to_value(place.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_numbers_its_paragraph_within_its_own_article_from_one() {
        let brief = Brief::default_brief();
        let rows = mention_rows(&brief);
        assert_eq!(rows.len(), brief.mention_count());
        let first = &rows[0];
        assert_eq!(first.paragraph, 1);
        assert!(first.passage.contains(&first.quote.exact));
        assert!(
            rows.iter()
                .any(|r| r.paragraph == 5 && r.place.id == "tartus")
        );
        assert_eq!(kind_name(brief.place("tartus").unwrap()), "naval_base");
    }
}
