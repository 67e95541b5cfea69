//! The articles of a story as edits: adding one (its paragraphs join the
//! story's, after those of the articles before it), removing one that no
//! link points into, the story's title and an article's date. A mention's
//! paragraph is a position among all the story's paragraphs, so adding or
//! removing an article moves the mentions after it; their links (which name
//! their article and count paragraphs within it) do not change.

use super::edit::{Edit, EditError};
use super::model::StoryArticle;
use super::{Article, ArticleId, Brief};

impl Brief {
    pub(super) fn insert_article(
        &mut self,
        index: usize,
        mut article: Article,
    ) -> Result<Edit, EditError> {
        let id = std::mem::take(&mut article.id);
        if id.is_blank() {
            return Err(EditError::EmptyId);
        }
        if self.article(&id).is_some() {
            return Err(EditError::ArticleIdTaken(id));
        }
        if index > self.articles.len() {
            return Err(EditError::IndexOutOfRange {
                index,
                len: self.articles.len(),
            });
        }
        if article.paragraphs.is_empty() {
            return Err(EditError::EmptyArticle);
        }
        let at = self
            .articles
            .get(index)
            .map_or(self.paragraphs.len(), |a| a.paragraphs.start);
        let added = std::mem::take(&mut article.paragraphs);
        let n = added.len();
        self.paragraphs.splice(at..at, added);
        self.shift_paragraphs_from(at, n as isize);
        self.articles.insert(
            index,
            StoryArticle {
                id: id.clone(),
                info: article,
                paragraphs: at..at + n,
            },
        );
        Ok(Edit::DeleteArticle { id })
    }

    pub(super) fn delete_article(&mut self, id: &ArticleId) -> Result<Edit, EditError> {
        let index = self
            .article_position(id)
            .ok_or_else(|| EditError::NoSuchArticle(id.clone()))?;
        let links = self
            .links()
            .filter(|l| l.target.article.as_ref() == Some(id))
            .count();
        if links > 0 {
            return Err(EditError::ArticleHasLinks {
                title: self.articles[index].info.title.clone(),
                count: links,
            });
        }
        if self.articles.len() == 1 {
            // A brief always has an article.
            return Err(EditError::EmptyArticle);
        }
        let removed = self.articles.remove(index);
        let range = removed.paragraphs.clone();
        let paragraphs: Vec<String> = self.paragraphs.drain(range.clone()).collect();
        self.shift_paragraphs_from(range.end, -(range.len() as isize));
        Ok(Edit::InsertArticle {
            index,
            article: Box::new(Article {
                id: removed.id,
                paragraphs,
                ..removed.info
            }),
        })
    }

    pub(super) fn set_title(&mut self, title: Option<String>) -> Edit {
        self.story = true;
        self.bump_articles();
        Edit::SetTitle(std::mem::replace(&mut self.title, title))
    }

    pub(super) fn set_article_date(
        &mut self,
        id: &ArticleId,
        date: Option<String>,
    ) -> Result<Edit, EditError> {
        let index = self
            .article_position(id)
            .ok_or_else(|| EditError::NoSuchArticle(id.clone()))?;
        let old = std::mem::replace(&mut self.articles[index].info.date, date);
        self.bump_articles();
        Ok(Edit::SetArticleDate {
            id: id.clone(),
            date: old,
        })
    }

    /// After `n` paragraphs were added at `at` (or, for a negative `n`,
    /// removed just before it): the articles, mentions and per-paragraph
    /// indexes after that point move along.
    fn shift_paragraphs_from(&mut self, at: usize, n: isize) {
        let moved = |p: usize| {
            if p >= at {
                p.saturating_add_signed(n)
            } else {
                p
            }
        };
        for article in &mut self.articles {
            // The article that ends where the change is stays as it is.
            let end = article.paragraphs.end;
            let end = if end > at { moved(end) } else { end };
            article.paragraphs = moved(article.paragraphs.start)..end;
        }
        for entry in self.links.values_mut() {
            if let Some(anchor) = &mut entry.anchor {
                anchor.paragraph = moved(anchor.paragraph);
            }
        }
        let count = n.unsigned_abs();
        if n >= 0 {
            let empty = std::iter::repeat_with(Vec::new).take(count);
            self.by_paragraph.splice(at..at, empty);
            self.paragraph_versions
                .splice(at..at, std::iter::repeat_n(0, count));
        } else {
            let start = at - count;
            self.by_paragraph.drain(start..at);
            self.paragraph_versions.drain(start..at);
        }
        // Every paragraph from `at` on is another paragraph now.
        self.next_version += 1;
        let version = self.next_version;
        let from = if n >= 0 { at } else { at - count };
        for v in &mut self.paragraph_versions[from..] {
            *v = version;
        }
        self.links_changed = version;
        self.bump_articles();
    }

    fn bump_articles(&mut self) {
        self.next_version += 1;
        self.articles_changed = self.next_version;
    }

    /// The articles (their positions, in order) with a passage naming `place`.
    pub fn articles_naming(&self, place: &str) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for link in self.mentions_of(place) {
            let Some(p) = self.mention(link).map(|m| m.paragraph) else {
                continue;
            };
            let i = self.articles.partition_point(|a| a.paragraphs.end <= p);
            if out.last() != Some(&i) && i < self.articles.len() {
                out.push(i);
            }
        }
        out
    }

    /// How many places each article names (by the story's order of articles).
    pub fn place_counts_by_article(&self) -> Vec<usize> {
        let mut seen: Vec<std::collections::HashSet<&str>> =
            vec![std::collections::HashSet::new(); self.articles.len()];
        let mut article = 0;
        for (p, links) in self.by_paragraph.iter().enumerate() {
            while article + 1 < self.articles.len() && self.articles[article].paragraphs.end <= p {
                article += 1;
            }
            for link in links {
                if let Some(entry) = self.links.get(link.as_str()) {
                    seen[article].insert(entry.link.place.as_str());
                }
            }
        }
        seen.iter().map(std::collections::HashSet::len).collect()
    }

    /// Changes whenever an article is added, removed, or its fields change.
    pub fn articles_version(&self) -> u64 {
        self.articles_changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::{BriefError, STORY_FORMAT, parse_brief};

    const STORY: &str = r#"{
      "format": "geobrief/2",
      "title": "Russia's bases",
      "x-kept": {"a": 1},
      "articles": [
        {"id": "jan", "title": "Talks in Moscow", "date": "2025-01-28",
         "url": "https://example.com/jan", "outlet": "HAN", "x-note": true,
         "paragraphs": ["Talks in Moscow on Tartus.", "Nothing here."]},
        {"id": "feb", "title": "Ships leave Tartus", "date": "2025-02-10",
         "paragraphs": ["Ships left Tartus for Libya."]}
      ],
      "places": [
        {"id": "tartus", "name": "Tartus", "kind": "city",
         "geometry": {"type": "Point", "coordinates": [35.89, 34.89]}},
        {"id": "moscow", "name": "Moscow", "kind": "capital",
         "geometry": {"type": "Point", "coordinates": [37.62, 55.75]}}
      ],
      "links": [
        {"id": "l1", "place": "moscow", "target": {"article": "jan", "paragraph": 0,
          "selector": [{"type": "TextQuoteSelector", "exact": "Moscow"}]}},
        {"id": "l2", "place": "tartus", "target": {"article": "jan", "paragraph": 0,
          "selector": [{"type": "TextQuoteSelector", "exact": "Tartus"}]}},
        {"id": "l3", "place": "tartus", "target": {"article": "feb", "paragraph": 0,
          "selector": [{"type": "TextQuoteSelector", "exact": "Tartus"}]}}
      ]
    }"#;

    fn story() -> Brief {
        parse_brief(STORY.as_bytes()).expect("the story loads")
    }

    #[test]
    fn a_story_s_mentions_lie_in_their_own_articles() {
        let brief = story();
        assert_eq!(brief.article_count(), 2);
        assert_eq!(brief.paragraphs().len(), 3);
        assert_eq!(brief.title(), "Russia's bases");
        let tartus: Vec<_> = brief
            .mentions_of("tartus")
            .iter()
            .map(|l| brief.mention(l).unwrap().paragraph)
            .collect();
        assert_eq!(
            tartus,
            [0, 2],
            "the February mention is in the story's third paragraph"
        );
        let feb = brief.article("feb").unwrap();
        assert_eq!(feb.paragraphs, 2..3);
        assert_eq!(brief.article_of_paragraph(2).unwrap().id, "feb");
    }

    #[test]
    fn a_story_saves_as_geobrief_2_and_loads_back_the_same_with_unknown_fields() {
        let brief = story();
        let doc = brief.to_doc();
        assert_eq!(doc.format, STORY_FORMAT);
        assert_eq!(doc.articles[0].id, "jan");
        assert!(doc.articles[0].extra.contains_key("x-note"));
        assert!(doc.extra.contains_key("x-kept"));
        let again = Brief::from_doc(doc.clone()).unwrap();
        assert_eq!(again.to_doc(), doc);
        assert_eq!(again.to_json(), brief.to_json());
    }

    #[test]
    fn a_one_article_brief_loads_as_a_story_of_one_and_saves_as_geobrief_1() {
        let brief = Brief::default_brief();
        assert_eq!(brief.article_count(), 1);
        assert_eq!(brief.first_article().id, "a1");
        let doc = brief.to_doc();
        assert_eq!(doc.format, "geobrief/1");
        assert!(doc.article.is_some() && doc.articles.is_empty());
        assert!(doc.links.iter().all(|l| l.target.article.is_none()));
        let json = brief.to_json();
        assert!(
            !json.contains("\"a1\""),
            "no story ids in a geobrief/1 file"
        );
    }

    #[test]
    fn a_story_link_without_its_article_or_with_an_unknown_one_is_named_by_its_path() {
        let no_article = STORY.replacen(r#""article": "feb", "#, "", 1);
        let errors = parse_brief(no_article.as_bytes()).unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.to_string().contains("links[2].target")),
            "{errors:?}"
        );
        let unknown = STORY.replacen(r#""article": "feb""#, r#""article": "mar""#, 1);
        let errors = parse_brief(unknown.as_bytes()).unwrap_err();
        assert!(errors.contains(&BriefError::UnknownArticle {
            id: "mar".into(),
            at: "links[2].target.article".into()
        }));
        let twice = STORY.replacen(r#""id": "feb""#, r#""id": "jan""#, 1);
        let errors = parse_brief(twice.as_bytes()).unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| matches!(e, BriefError::DuplicateArticleId { .. }))
        );
    }

    #[test]
    fn a_moved_quote_is_never_looked_for_in_another_article() {
        // "Moscow" is no longer in January's text; February's "Moscow" is
        // another article's word and must not take the link.
        let moved = STORY
            .replacen("Talks in Moscow on Tartus.", "Talks on Tartus.", 1)
            .replacen(
                "Ships left Tartus for Libya.",
                "Ships left Tartus for Moscow.",
                1,
            );
        let brief = parse_brief(moved.as_bytes()).unwrap();
        assert!(brief.mentions_of("moscow").is_empty());
        assert!(
            brief
                .warnings
                .iter()
                .any(|w| w.contains("no longer appears"))
        );
    }

    #[test]
    fn an_article_added_before_another_moves_its_mentions_and_undo_puts_all_back() {
        let mut brief = story();
        let before = brief.to_json();
        let article = Article {
            id: ArticleId::new("dec"),
            title: "Earlier".into(),
            paragraphs: vec!["One.".into(), "Two.".into()],
            ..Article::default()
        };
        let undo = brief
            .apply(Edit::InsertArticle {
                index: 1,
                article: Box::new(article),
            })
            .unwrap();
        assert_eq!(brief.article_count(), 3);
        assert_eq!(brief.article("feb").unwrap().paragraphs, 4..5);
        let feb_tartus = brief.mention("l3").unwrap();
        assert_eq!(feb_tartus.paragraph, 4);
        assert_eq!(brief.mention_text("l3"), "Tartus");
        assert_eq!(brief.mentions_in(4), ["l3"]);
        assert!(brief.mentions_in(2).is_empty());
        brief.apply(undo).unwrap();
        assert_eq!(brief.to_json(), before);
        assert_eq!(brief.mentions_in(2), ["l3"]);
    }

    #[test]
    fn an_article_with_links_cannot_go_until_they_do() {
        let mut brief = story();
        let error = brief
            .apply(Edit::DeleteArticle {
                id: ArticleId::new("feb"),
            })
            .unwrap_err();
        assert!(matches!(error, EditError::ArticleHasLinks { count: 1, .. }));
        let undo = brief
            .apply(Edit::Batch(vec![
                Edit::DeleteLink { id: "l3".into() },
                Edit::DeleteArticle {
                    id: ArticleId::new("feb"),
                },
            ]))
            .unwrap();
        assert_eq!(brief.article_count(), 1);
        assert_eq!(brief.paragraphs().len(), 2);
        brief.apply(undo).unwrap();
        assert_eq!(brief.mention_text("l3"), "Tartus");
        assert_eq!(brief.to_json(), story().to_json());
    }

    #[test]
    fn random_edits_across_articles_undo_byte_for_byte() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n.max(1) as u64) as usize
        };
        for _round in 0..40 {
            let mut brief = story();
            let mut undo: Vec<(Edit, String)> = Vec::new();
            for step in 0..12 {
                let before = brief.to_json();
                let edit = match next(5) {
                    0 => Edit::InsertArticle {
                        index: next(brief.article_count() + 1),
                        article: Box::new(Article {
                            id: brief.fresh_article_id(),
                            title: format!("Added {step}"),
                            paragraphs: vec![
                                format!("Moscow and Tartus, step {step}.");
                                1 + next(3)
                            ],
                            ..Article::default()
                        }),
                    },
                    1 => {
                        // An article with its links, as one step.
                        let a = &brief.articles()[next(brief.article_count())];
                        let id = a.id.clone();
                        let mut edits: Vec<Edit> = brief
                            .links()
                            .filter(|l| l.target.article.as_ref() == Some(&id))
                            .map(|l| Edit::DeleteLink { id: l.id.clone() })
                            .collect();
                        edits.push(Edit::DeleteArticle { id });
                        Edit::Batch(edits)
                    }
                    2 => {
                        let p = next(brief.paragraphs().len());
                        let text = brief.paragraphs()[p].clone();
                        match text.find("Tartus") {
                            Some(at) => {
                                let selector =
                                    crate::brief::selectors_for_span(&text, at..at + 6).unwrap();
                                Edit::InsertLink {
                                    index: next(brief.link_count() + 1),
                                    link: Box::new(crate::brief::Link {
                                        id: brief.fresh_link_id(),
                                        place: "tartus".into(),
                                        target: brief.target_at(p, selector).unwrap(),
                                        extra: Default::default(),
                                    }),
                                }
                            }
                            None => Edit::SetTitle(Some(format!("Story {step}"))),
                        }
                    }
                    3 => {
                        let a = &brief.articles()[next(brief.article_count())];
                        Edit::SetArticleDate {
                            id: a.id.clone(),
                            date: Some(format!("2025-03-{:02}", 1 + next(28))),
                        }
                    }
                    _ => match brief.links().nth(next(brief.link_count())) {
                        Some(l) => Edit::DeleteLink { id: l.id.clone() },
                        None => Edit::SetTitle(None),
                    },
                };
                if let Ok(inverse) = brief.apply(edit) {
                    undo.push((inverse, before));
                }
                // The indexes agree with a brief loaded afresh from the file.
                let fresh = Brief::from_doc(brief.to_doc()).unwrap();
                let mentions: Vec<_> = brief.mentions().collect();
                assert_eq!(mentions, fresh.mentions().collect::<Vec<_>>());
            }
            while let Some((inverse, before)) = undo.pop() {
                brief.apply(inverse).unwrap();
                assert_eq!(brief.to_json(), before);
            }
        }
    }
}
