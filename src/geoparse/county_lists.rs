//! "Geauga and Medina counties", "in Barrow, Jackson and Madison counties": a
//! local paper names several counties at once and says "counties" only after
//! the last. Each name of such a list is the county of that name, not the town
//! or the person it also is ("Jackson", "Clay", "Grant").

use std::ops::Range;

use crate::gazetteer::{Gazetteer, PlaceKind, PrefixMatch};

/// At most this many names are read back from one "counties".
const MAX_ITEMS: usize = 12;

/// A name of a list of counties, with the gazetteer spelling of its county.
pub(super) struct CountyInList {
    pub byte_range: Range<usize>,
    pub spelling: usize,
}

/// Every name of every list of two or more counties (or parishes) in `text`.
pub(super) fn counties_in_lists(text: &str, gaz: &Gazetteer) -> Vec<CountyInList> {
    let mut found = Vec::new();
    for (word, suffix) in [(" counties", "County"), (" parishes", "Parish")] {
        for at in memchr::memmem::find_iter(text.as_bytes(), word) {
            let items = list_ending_at(text, at);
            if items.len() < 2 {
                continue;
            }
            let counties: Vec<CountyInList> = items
                .into_iter()
                .filter_map(|item| county_of(text, item, suffix, gaz))
                .collect();
            // "Hamilton, Marion and Clinton counties": all of them or none.
            if counties.len() >= 2 {
                found.extend(counties);
            }
        }
    }
    found.sort_by_key(|c| c.byte_range.start);
    found
}

/// The items of a list of capitalised names that ends at `end`, in order.
fn list_ending_at(text: &str, end: usize) -> Vec<Range<usize>> {
    let mut items = Vec::new();
    let mut at = end;
    while items.len() < MAX_ITEMS {
        let Some(item) = item_ending_at(text, at) else {
            break;
        };
        let head = &text[..item.start];
        items.push(item);
        let Some(separator) = [", and ", " and ", ", or ", " or ", ", "]
            .iter()
            .find(|s| head.ends_with(*s))
        else {
            break;
        };
        at = head.len() - separator.len();
    }
    items.reverse();
    items
}

/// One or two capitalised words that end at `end` ("Otter Tail", "Clay").
fn item_ending_at(text: &str, end: usize) -> Option<Range<usize>> {
    let last = word_ending_at(text, end)?;
    let two = last
        .start
        .checked_sub(1)
        .filter(|&space| text.as_bytes()[space] == b' ')
        .and_then(|space| word_ending_at(text, space))
        .map(|first| first.start..end);
    Some(two.unwrap_or(last))
}

fn word_ending_at(text: &str, end: usize) -> Option<Range<usize>> {
    let start = text[..end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '.' || c == '\'')
        .last()
        .map(|(i, _)| i)?;
    text[start..end]
        .starts_with(char::is_uppercase)
        .then_some(start..end)
}

/// The county of a list item: "Clay" and "County" make "Clay County". Of a
/// two-word item whose two words name no county ("Small Hitchcock"), the
/// last word alone is tried.
fn county_of(
    text: &str,
    item: Range<usize>,
    suffix: &str,
    gaz: &Gazetteer,
) -> Option<CountyInList> {
    let words = &text[item.clone()];
    let spelling = county_spelling(&format!("{words} {suffix}"), gaz);
    if let Some(spelling) = spelling {
        return Some(CountyInList {
            byte_range: item,
            spelling,
        });
    }
    let space = words.rfind(' ')?;
    let last = item.start + space + 1..item.end;
    let spelling = county_spelling(&format!("{} {suffix}", &text[last.clone()]), gaz)?;
    Some(CountyInList {
        byte_range: last,
        spelling,
    })
}

/// The spelling of a name that is all of `name` and means a county.
fn county_spelling(name: &str, gaz: &Gazetteer) -> Option<usize> {
    let finder = gaz.name_finder()?;
    let mut found: Vec<PrefixMatch> = Vec::new();
    finder.prefixes_at(name, 0, &mut found);
    let spelling = found.iter().find(|m| m.end == name.len())?.spelling;
    let entry = gaz.entry_of_spelling(spelling)?;
    entry
        .senses
        .iter()
        .any(|s| gaz.kind(s.place) == PlaceKind::Admin2)
        .then_some(spelling)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(text: &str) -> Vec<&str> {
        counties_in_lists(text, Gazetteer::embedded())
            .into_iter()
            .map(|c| &text[c.byte_range])
            .collect()
    }

    #[test]
    fn each_name_of_a_list_of_counties_is_a_county() {
        assert_eq!(
            listed("Schools in Barrow, Jackson and Madison counties closed."),
            ["Barrow", "Jackson", "Madison"]
        );
        assert_eq!(
            listed("Small Hitchcock and Hayes counties lost people."),
            ["Hitchcock", "Hayes"]
        );
    }

    #[test]
    fn a_single_name_or_a_list_of_no_counties_is_not_a_list_of_counties() {
        assert!(listed("Both counties agreed.").is_empty());
        assert!(listed("Voters in Jackson and other counties agreed.").is_empty());
    }
}
