//! The article cut into runs for display: plain text, and spans that speak of
//! one or more places. Also the short excerpts a place card lists.

use std::ops::Range;

use super::Brief;

/// A run of one paragraph; `mentions` indexes [`Brief::mentions`] (empty for
/// plain text, several when links overlap, as "both facilities" does).
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub bytes: Range<usize>,
    pub mentions: Vec<usize>,
}

/// Splits each paragraph at every mention boundary.
pub fn runs_by_paragraph(brief: &Brief) -> Vec<Vec<Run>> {
    let paragraphs = &brief.doc.article.paragraphs;
    paragraphs
        .iter()
        .enumerate()
        .map(|(p, text)| {
            let in_paragraph: Vec<usize> = (0..brief.mentions.len())
                .filter(|&m| brief.mentions[m].paragraph == p)
                .collect();
            let mut cuts = vec![0, text.len()];
            for &m in &in_paragraph {
                cuts.push(brief.mentions[m].bytes.start);
                cuts.push(brief.mentions[m].bytes.end);
            }
            cuts.sort_unstable();
            cuts.dedup();
            cuts.windows(2)
                .map(|w| Run {
                    bytes: w[0]..w[1],
                    mentions: in_paragraph
                        .iter()
                        .copied()
                        .filter(|&m| {
                            let b = &brief.mentions[m].bytes;
                            b.start <= w[0] && w[1] <= b.end
                        })
                        .collect(),
                })
                .collect()
        })
        .collect()
}

/// A mention with some words around it, cut at word boundaries:
/// (text before, the mention, text after), with ellipses where cut.
pub fn excerpt(brief: &Brief, mention: usize, context_chars: usize) -> (String, String, String) {
    let m = &brief.mentions[mention];
    let text = &brief.doc.article.paragraphs[m.paragraph];
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

fn cut_start(text: &str, max_chars: usize) -> &str {
    let count = text.chars().count();
    if count <= max_chars {
        return text;
    }
    let start = text
        .char_indices()
        .nth(count - max_chars)
        .map_or(0, |(b, _)| b);
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
        for (p, runs) in runs_by_paragraph(&brief).iter().enumerate() {
            let joined: String = runs
                .iter()
                .map(|r| &brief.doc.article.paragraphs[p][r.bytes.clone()])
                .collect();
            assert_eq!(joined, brief.doc.article.paragraphs[p]);
        }
    }

    #[test]
    fn a_phrase_linked_to_two_places_is_one_run_with_both() {
        let brief = Brief::default_brief();
        let runs = runs_by_paragraph(&brief);
        let text = &brief.doc.article.paragraphs[5];
        let both = runs[5]
            .iter()
            .find(|r| &text[r.bytes.clone()] == "both facilities")
            .expect("a run for 'both facilities'");
        let places: Vec<&str> = both
            .mentions
            .iter()
            .map(|&m| brief.places[brief.mentions[m].place].id.as_str())
            .collect();
        assert_eq!(places, ["tartus", "hmeimim"]);
    }

    #[test]
    fn an_excerpt_keeps_whole_words_and_marks_its_cuts() {
        let brief = Brief::default_brief();
        let tartus = brief.place_index("tartus").unwrap();
        let (m, _) = brief
            .mentions_of(tartus)
            .find(|(_, m)| brief.mention_text(m) == "Tartus")
            .unwrap();
        let (before, exact, after) = excerpt(&brief, m, 30);
        assert_eq!(exact, "Tartus");
        assert!(
            before.starts_with('…') && before.ends_with("naval facility in "),
            "{before}"
        );
        assert!(after.ends_with('…') && !after.ends_with(" …"), "{after}");
    }
}
