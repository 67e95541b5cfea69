//! The words of an article that look like place names but that a rule of
//! place detection decided are not ("Lincoln" of "President Lincoln",
//! "Metro" with nothing that makes it a place), each with the rule's name
//! as `geobrief geoparse --explain` and `--without` write it; and the names
//! found by their form that the gazetteer has no position for ("the Bay of
//! Bengal", "Dublin Road"). The problems panel lists them on request, so a
//! reader who misses a place can see which rule left it out, or that it was
//! seen but cannot be mapped.

use std::fmt;

use crate::gazetteer::Gazetteer;
use crate::geoparse::{self, Options, Rule};

/// At most this many words are listed; the rest are counted.
pub const MAX_LISTED: usize = 200;

/// One span a rule decided is not a place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotTaken {
    /// The paragraph, counted from 0 within the article.
    pub paragraph: usize,
    pub words: String,
    pub rule: Rule,
}

/// A name found by its form ("Bay of Pigs", "Dublin Road", "Lake
/// Tahoe") that the gazetteer has no position for, so it is not on the map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotOnTheMap {
    /// The paragraph, counted from 0 within the article.
    pub paragraph: usize,
    pub words: String,
}

/// The words of one article not taken as places, in text order, and the
/// names found that have no position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotTakenList {
    pub article_title: String,
    /// The first [`MAX_LISTED`] spans.
    pub listed: Vec<NotTaken>,
    /// How many spans there were in all.
    pub total: usize,
    /// The first [`MAX_LISTED`] names found without a position.
    pub not_on_the_map: Vec<NotOnTheMap>,
}

/// Runs detection on an article's paragraphs, joined as the article is when
/// its places are found, and keeps what its rules dropped.
pub fn words_not_taken(
    article_title: &str,
    paragraphs: &[String],
    gaz: &Gazetteer,
    options: &Options,
) -> NotTakenList {
    const SEPARATOR: &str = "\n\n";
    let joined = paragraphs.join(SEPARATOR);
    let mut ends = Vec::with_capacity(paragraphs.len());
    let mut at = 0;
    for p in paragraphs {
        at += p.len();
        ends.push(at);
        at += SEPARATOR.len();
    }
    let (found, dropped) = geoparse::detect_places_explained(&joined, gaz, options);
    let paragraph_of = |at: usize| ends.partition_point(|&end| end <= at);
    let not_on_the_map = geoparse::detect_unlisted_places(&joined, &found)
        .into_iter()
        .take(MAX_LISTED)
        .map(|u| NotOnTheMap {
            paragraph: paragraph_of(u.byte_range.start),
            words: u.text,
        })
        .collect();
    let total = dropped.len();
    let listed = dropped
        .into_iter()
        .take(MAX_LISTED)
        .map(|d| NotTaken {
            paragraph: paragraph_of(d.byte_range.start),
            words: joined[d.byte_range].to_owned(),
            rule: d.rule,
        })
        .collect();
    NotTakenList {
        article_title: article_title.to_owned(),
        listed,
        total,
        not_on_the_map,
    }
}

impl fmt::Display for NotTakenList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.total == 0 {
            write!(
                f,
                "Words not taken as places in “{}”: none (every name that looked like a place was kept).",
                self.article_title
            )?;
            return self.fmt_not_on_the_map(f);
        }
        write!(
            f,
            "Words not taken as places in “{}” ({}), with the rule that decided each:",
            self.article_title, self.total
        )?;
        for n in &self.listed {
            write!(
                f,
                "\n  “{}” (¶{}): {}, {}",
                n.words,
                n.paragraph + 1,
                n.rule.name(),
                n.rule.says()
            )?;
        }
        let unlisted = self.total - self.listed.len();
        if unlisted > 0 {
            write!(
                f,
                "\n  … and {unlisted} more (`geobrief geoparse --explain` lists them all)."
            )?;
        }
        self.fmt_not_on_the_map(f)
    }
}

impl NotTakenList {
    /// The names found that have no position, after the words not taken.
    fn fmt_not_on_the_map(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.not_on_the_map.is_empty() {
            return Ok(());
        }
        write!(
            f,
            "\nNamed but not on the map (the gazetteer has no position for them; add one by hand):"
        )?;
        for n in &self.not_on_the_map {
            write!(f, "\n  “{}” (¶{})", n.words, n.paragraph + 1)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn not_taken(paragraphs: &[&str]) -> NotTakenList {
        let paragraphs: Vec<String> = paragraphs.iter().map(|p| (*p).to_owned()).collect();
        words_not_taken(
            "Test",
            &paragraphs,
            Gazetteer::embedded(),
            &Options::default(),
        )
    }

    #[test]
    fn a_bay_and_a_road_found_by_their_form_are_listed_as_not_on_the_map() {
        let list = not_taken(&[
            "Ships waited in Chittagong.",
            "Exiles landed at the Bay of Pigs and marched up Dublin Road.",
        ]);
        let names: Vec<(&str, usize)> = list
            .not_on_the_map
            .iter()
            .map(|n| (n.words.as_str(), n.paragraph))
            .collect();
        assert_eq!(names, [("Bay of Pigs", 1), ("Dublin Road", 1)]);
        let shown = list.to_string();
        assert!(shown.contains("Named but not on the map"), "{shown}");
        assert!(shown.contains("“Bay of Pigs” (¶2)"), "{shown}");
    }

    #[test]
    fn a_surname_after_a_title_is_listed_with_the_rule_and_its_paragraph() {
        let list = not_taken(&[
            "The talks were held in Moscow.",
            "President Lincoln spoke in Springfield, Illinois.",
        ]);
        let lincoln = list
            .listed
            .iter()
            .find(|n| n.words == "Lincoln")
            .unwrap_or_else(|| panic!("Lincoln not listed: {list:?}"));
        assert_eq!(lincoln.paragraph, 1);
        assert_eq!(lincoln.rule, Rule::TitleBeforeName);
        assert!(
            list.listed
                .iter()
                .all(|n| n.words != "Moscow" && n.words != "Springfield")
        );
        let shown = list.to_string();
        assert!(
            shown.contains("“Lincoln” (¶2): TitleBeforeName, a title before it makes it a person")
        );
    }

    #[test]
    fn an_article_whose_names_are_all_places_says_none_were_left_out() {
        let list = not_taken(&["Fighting spread from Aleppo to Homs."]);
        assert_eq!(list.total, 0, "{list:?}");
        assert!(list.to_string().contains(": none"));
    }

    #[test]
    fn a_long_list_is_cut_and_says_how_many_more_there_are() {
        let paragraph = "President Lincoln spoke. ".repeat(MAX_LISTED + 5);
        let list = not_taken(&[&paragraph]);
        assert_eq!(list.listed.len(), MAX_LISTED);
        assert!(list.total > MAX_LISTED);
        assert!(
            list.to_string()
                .contains(&format!("and {} more", list.total - MAX_LISTED))
        );
    }
}
