//! The article cut into runs for display: plain text, and spans that speak of
//! one or more places. Also the short excerpts a place card lists.

use std::ops::Range;

use super::{Brief, LinkId};

/// A run of one paragraph; `mentions` are the links that speak of it (empty
/// for plain text, several when links overlap, as "both facilities" does).
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub bytes: Range<usize>,
    pub mentions: Vec<LinkId>,
}

/// Splits one paragraph at every mention boundary.
pub fn runs_of_paragraph(brief: &Brief, paragraph: usize) -> Vec<Run> {
    let Some(text) = brief.paragraphs().get(paragraph) else {
        return Vec::new();
    };
    let mentions: Vec<(LinkId, Range<usize>)> = brief
        .mentions_in(paragraph)
        .iter()
        .filter_map(|l| brief.mention(l.as_str()).map(|m| (m.link, m.bytes)))
        .collect();
    let mut cuts = vec![0, text.len()];
    for (_, bytes) in &mentions {
        cuts.push(bytes.start);
        cuts.push(bytes.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| Run {
            bytes: w[0]..w[1],
            mentions: mentions
                .iter()
                .filter(|(_, b)| b.start <= w[0] && w[1] <= b.end)
                .map(|(l, _)| l.clone())
                .collect(),
        })
        .collect()
}

/// A mention with some words around it, cut at word boundaries:
/// (text before, the mention, text after), with ellipses where cut.
pub fn excerpt(brief: &Brief, link: &str, context_chars: usize) -> (String, String, String) {
    let Some(m) = brief.mention(link) else {
        return Default::default();
    };
    let text = &brief.paragraphs()[m.paragraph];
    let before = &text[..m.bytes.start];
    let after = &text[m.bytes.end..];
    let before_cut = cut_start(before, context_chars);
    let after_cut = cut_end(after, context_chars);
    let mut b = before_cut.to_string();
    if before_cut.len() < before.len() {
        b.insert(0, '…');
    }
    let mut a = after_cut.to_string();
    if after_cut.len() < after.len() {
        a.push('…');
    }
    (b, text[m.bytes.clone()].to_string(), a)
}

/// The last `max_chars` characters of `text`, from a word's start. Counted
/// from the end: a mention late in a paragraph of megabytes costs no more
/// than one near its start.
fn cut_start(text: &str, max_chars: usize) -> &str {
    let Some((start, _)) = text.char_indices().rev().nth(max_chars.saturating_sub(1)) else {
        return text;
    };
    if start == 0 {
        return text;
    }
    let tail = &text[start..];
    tail.find(' ').map_or(tail, |i| &tail[i + 1..])
}

fn cut_end(text: &str, max_chars: usize) -> &str {
    let end = text
        .char_indices()
        .nth(max_chars)
        .map_or(text.len(), |(b, _)| b);
    if end == text.len() {
        return text;
    }
    let head = &text[..end];
    head.rfind(' ').map_or(head, |i| &head[..i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_each_paragraph_exactly_once() {
        let brief = Brief::default_brief();
        for (p, text) in brief.paragraphs().iter().enumerate() {
            let joined: String = runs_of_paragraph(&brief, p)
                .iter()
                .map(|r| &text[r.bytes.clone()])
                .collect();
            assert_eq!(&joined, text);
        }
    }

    #[test]
    fn a_phrase_linked_to_two_places_is_one_run_with_both() {
        let brief = Brief::default_brief();
        let text = &brief.paragraphs()[5];
        let runs = runs_of_paragraph(&brief, 5);
        let both = runs
            .iter()
            .find(|r| &text[r.bytes.clone()] == "both facilities")
            .expect("a run for 'both facilities'");
        let places: Vec<String> = both
            .mentions
            .iter()
            .map(|l| brief.link(l.as_str()).unwrap().place.to_string())
            .collect();
        assert_eq!(places, ["tartus", "hmeimim"]);
    }

    #[test]
    fn an_excerpt_keeps_whole_words_and_marks_its_cuts() {
        let brief = Brief::default_brief();
        let link = brief
            .mentions_of("tartus")
            .iter()
            .find(|l| brief.mention_text(l.as_str()) == "Tartus")
            .unwrap();
        let (before, exact, after) = excerpt(&brief, link.as_str(), 30);
        assert_eq!(exact, "Tartus");
        assert!(
            before.starts_with('…') && before.ends_with("naval facility in "),
            "{before}"
        );
        assert!(after.ends_with('…') && !after.ends_with(" …"), "{after}");
    }
}
