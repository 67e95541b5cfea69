//! What the reader has selected: a place, the mention they are at, and words
//! of the text (to link to a place). All by id or by text position, never
//! by a position in a list, so a selection survives edits and undo.

use std::ops::Range;

use crate::brief::{ArticleId, Brief, LinkId, PlaceId, StoryArticle};

/// Words selected in one paragraph, as a byte range. `anchor` is where the
/// selection started (a drag's start, or the end kept by Shift+arrows) and
/// `head` where it ends; either may be the larger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextSelection {
    pub paragraph: usize,
    pub anchor: usize,
    pub head: usize,
}

impl TextSelection {
    pub fn new(paragraph: usize, bytes: Range<usize>) -> Self {
        Self {
            paragraph,
            anchor: bytes.start,
            head: bytes.end,
        }
    }

    pub fn bytes(&self) -> Range<usize> {
        self.anchor.min(self.head)..self.anchor.max(self.head)
    }

    pub fn is_empty(&self) -> bool {
        self.anchor == self.head
    }

    /// The selected words, trimmed of spaces and punctuation at the ends, as
    /// a byte range of the paragraph (`None` if nothing is left).
    pub fn trimmed(&self, brief: &Brief) -> Option<Range<usize>> {
        let text = brief.paragraphs().get(self.paragraph)?;
        let bytes = self.bytes();
        let words = text.get(bytes.clone())?;
        let is_edge = |c: char| c.is_whitespace() || ",.;:!?()[]\"“”‘’«»—–-".contains(c);
        let start = bytes.start + (words.len() - words.trim_start_matches(is_edge).len());
        let end = bytes.start + words.trim_end_matches(is_edge).len();
        (start < end).then_some(start..end)
    }

    /// The selected words as they are written.
    pub fn text<'a>(&self, brief: &'a Brief) -> &'a str {
        brief
            .paragraphs()
            .get(self.paragraph)
            .and_then(|t| t.get(self.bytes()))
            .unwrap_or("")
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// The article the reading panel shows (`None`: the story's first).
    pub article: Option<ArticleId>,
    pub place: Option<PlaceId>,
    /// The mention the reader is at (one of the selected place's).
    pub mention: Option<LinkId>,
    pub text: Option<TextSelection>,
}

impl Selection {
    /// Drops what the brief no longer has (after an edit or an undo); what
    /// it still has stays selected.
    pub fn keep_valid(&mut self, brief: &Brief) {
        if self
            .article
            .as_ref()
            .is_some_and(|a| brief.article(a).is_none())
        {
            self.article = None;
        }
        if self
            .place
            .as_ref()
            .is_some_and(|p| brief.place(p).is_none())
        {
            self.place = None;
        }
        let mention_ok = self.mention.as_ref().is_some_and(|m| {
            brief
                .mention(m)
                .is_some_and(|m| Some(&m.place) == self.place.as_ref())
        });
        if !mention_ok {
            self.mention = self
                .place
                .as_ref()
                .and_then(|p| brief.mentions_of(p).first().cloned());
        }
        if let Some(t) = &self.text {
            let fits = brief
                .paragraphs()
                .get(t.paragraph)
                .is_some_and(|p| p.is_char_boundary(t.anchor) && p.is_char_boundary(t.head));
            if !fits {
                self.text = None;
            }
        }
    }
}

impl Selection {
    /// The article the reading panel shows.
    pub fn article<'b>(&self, brief: &'b Brief) -> &'b StoryArticle {
        self.article
            .as_ref()
            .and_then(|a| brief.article(a))
            .unwrap_or_else(|| brief.first_article())
    }

    /// Shows the article of the current mention, if it is in another one.
    pub fn follow_mention(&mut self, brief: &Brief) {
        let article = self
            .mention
            .as_ref()
            .and_then(|m| brief.mention(m))
            .and_then(|m| brief.article_of_paragraph(m.paragraph));
        if let Some(article) = article
            && self.article(brief).id != article.id
        {
            self.article = Some(article.id.clone());
            // Words selected in another article are left behind.
            self.text = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selected_words_are_trimmed_of_spaces_and_punctuation() {
        let brief = Brief::default_brief();
        let text = &brief.paragraphs()[0];
        let at = text.find("Syria").unwrap();
        let sel = TextSelection::new(0, at - 1..at + "Syria".len());
        let trimmed = sel.trimmed(&brief).unwrap();
        assert_eq!(&text[trimmed], "Syria");
        assert_eq!(TextSelection::new(0, at - 1..at).trimmed(&brief), None);
    }

    #[test]
    fn a_selection_of_a_deleted_place_is_dropped_and_another_is_kept() {
        let brief = Brief::default_brief();
        let mut selection = Selection {
            place: Some(PlaceId::new("atlantis")),
            ..Default::default()
        };
        selection.keep_valid(&brief);
        assert_eq!(selection.place, None);
        let mut selection = Selection {
            place: Some(PlaceId::new("moscow")),
            ..Default::default()
        };
        selection.keep_valid(&brief);
        assert_eq!(selection.place.as_deref(), Some("moscow"));
        assert_eq!(
            selection.mention.as_ref(),
            brief.mentions_of("moscow").first()
        );
    }
}
