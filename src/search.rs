//! Finding words across a story: every occurrence of a query in every
//! article, in the story's order, letters matched without regard to case
//! (ASCII letters; others as written). One pass over the text with
//! Aho-Corasick, run when the query changes, never per frame.

use std::ops::Range;

use aho_corasick::AhoCorasickBuilder;

use crate::brief::Brief;

/// Occurrences kept at most: a common word in a book would list thousands.
pub const MAX_HITS: usize = 5_000;

/// One occurrence: a paragraph (among the story's) and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub paragraph: usize,
    pub bytes: Range<usize>,
}

/// What a search found, and whether it stopped at [`MAX_HITS`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub more: bool,
}

pub fn find_all(brief: &Brief, query: &str) -> Found {
    let query = query.trim();
    if query.is_empty() {
        return Found::default();
    }
    let Ok(finder) = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build([query])
    else {
        return Found::default();
    };
    let mut found = Found::default();
    for (p, text) in brief.paragraphs().iter().enumerate() {
        for m in finder.find_iter(text) {
            if found.hits.len() == MAX_HITS {
                found.more = true;
                return found;
            }
            found.hits.push(Hit {
                paragraph: p,
                bytes: m.start()..m.end(),
            });
        }
    }
    found
}

/// How many articles the hits are in.
pub fn articles_of(brief: &Brief, hits: &[Hit]) -> usize {
    let mut count = 0;
    let mut last = None;
    for hit in hits {
        let article = brief.article_of_paragraph(hit.paragraph).map(|a| &a.id);
        if article != last {
            count += 1;
            last = article;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_found_in_every_article_whatever_its_case() {
        let brief = crate::brief::parse_brief(
            br#"{"format": "geobrief/2", "articles": [
              {"id": "a", "title": "A", "paragraphs": ["Ships left TARTUS.", "No port here."]},
              {"id": "b", "title": "B", "paragraphs": ["Tartus and tartus again."]}],
              "places": [], "links": []}"#,
        )
        .unwrap();
        let found = find_all(&brief, "tartus");
        let at: Vec<(usize, usize)> = found
            .hits
            .iter()
            .map(|h| (h.paragraph, h.bytes.start))
            .collect();
        assert_eq!(at, [(0, 11), (2, 0), (2, 11)]);
        assert_eq!(articles_of(&brief, &found.hits), 2);
        assert!(find_all(&brief, "  ").hits.is_empty());
        assert!(find_all(&brief, "Damascus").hits.is_empty());
    }
}
