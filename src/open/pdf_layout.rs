//! A PDF's text in reading order, from where its characters are on each
//! page (a PDF says where to draw each glyph, not which line, column or
//! paragraph it belongs to, and draws them in any order). Pure geometry:
//!
//! 1. glyphs on one baseline make a line; a wide gap splits it into
//!    fragments (the two halves of a two-column row);
//! 2. fragments that repeat near the top or bottom of most pages (running
//!    headers and footers, digits aside) and bare page numbers there go;
//! 3. gutters, vertical strips no fragment crosses, split a page into
//!    columns, read one after the other; a fragment wider than a column (a
//!    title across both) is read where it stands between them;
//! 4. lines join into paragraphs unless a gap, an indent, a change of type
//!    size or a short line that ends a sentence says otherwise; a paragraph
//!    goes on across a column or a page while its sentence does;
//! 5. a word hyphenated at a line's end is joined again ("Resid-" "ents");
//! 6. small type below a page's text (its footnotes) is read after the
//!    article, each note with its page.
//!
//! y counts down from the top of the page, in points.

/// One character (or a few) as the PDF draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    pub x: f64,
    /// The baseline, from the top of the page.
    pub y: f64,
    pub size: f64,
    /// How far the next character would start.
    pub advance: f64,
    pub text: String,
}

/// A page's glyphs as drawn.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageGlyphs {
    /// From 1.
    pub number: u32,
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
}

/// A paragraph of the text and the page it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    pub page: u32,
}

/// Part of a line: the glyphs between two wide gaps.
#[derive(Clone, Debug)]
struct Fragment {
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    text: String,
}

/// Running headers and footers live in this share of a page's height.
const MARGIN_BAND: f64 = 0.1;

pub fn paragraphs_of_pages(pages: &[PageGlyphs]) -> Vec<Paragraph> {
    let fragments: Vec<Vec<Fragment>> = pages.iter().map(|p| fragments_of(&p.glyphs)).collect();
    let repeated = repeated_margins(pages, &fragments);
    let mut body = Vec::new();
    let mut notes = Vec::new();
    for (page, fragments) in pages.iter().zip(fragments) {
        let kept: Vec<Fragment> = fragments
            .into_iter()
            .filter(|f| !is_furniture(f, page, &repeated))
            .collect();
        let (lines, page_notes) = split_notes(kept);
        body.extend(read_order(lines).into_iter().map(|l| (page.number, l)));
        // A note reads as a line of the whole page's width.
        notes.extend(page_notes.into_iter().map(|fragment| {
            let line = Line {
                fragment,
                column: (0.0, page.width),
                column_index: usize::MAX,
            };
            (page.number, line)
        }));
    }
    let mut paragraphs = join_lines(&body);
    paragraphs.extend(join_lines(&notes));
    paragraphs
}

/// The page's lines, each split at wide gaps.
fn fragments_of(glyphs: &[Glyph]) -> Vec<Fragment> {
    let mut sorted: Vec<&Glyph> = glyphs
        .iter()
        .filter(|g| g.size.is_finite() && g.x.is_finite() && g.y.is_finite() && g.size > 0.0)
        .collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Baselines: glyphs within half a size of the line's first.
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    for glyph in sorted {
        match lines.last_mut() {
            Some(line) if (glyph.y - line[0].y).abs() <= 0.4 * line[0].size.max(glyph.size) => {
                line.push(glyph)
            }
            _ => lines.push(vec![glyph]),
        }
    }
    let mut fragments = Vec::new();
    for mut line in lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut current: Option<Fragment> = None;
        for glyph in line {
            let text = ligatures(&glyph.text);
            match &mut current {
                Some(f) if glyph.x - f.x1 < 1.5 * f.size.max(glyph.size) => {
                    let gap = glyph.x - f.x1;
                    if gap > 0.15 * glyph.size && !f.text.ends_with(' ') && !text.starts_with(' ') {
                        f.text.push(' ');
                    }
                    f.text.push_str(&text);
                    f.x1 = f.x1.max(glyph.x + glyph.advance);
                    f.size = f.size.max(glyph.size);
                }
                _ => {
                    fragments.extend(current.take().filter(|f| !f.text.trim().is_empty()));
                    current = Some(Fragment {
                        x0: glyph.x,
                        x1: glyph.x + glyph.advance,
                        y: glyph.y,
                        size: glyph.size,
                        text,
                    });
                }
            }
        }
        fragments.extend(current.filter(|f| !f.text.trim().is_empty()));
    }
    for f in &mut fragments {
        f.text = f.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    fragments
}

fn ligatures(text: &str) -> String {
    text.replace('\u{FB00}', "ff")
        .replace('\u{FB01}', "fi")
        .replace('\u{FB02}', "fl")
        .replace('\u{FB03}', "ffi")
        .replace('\u{FB04}', "ffl")
        .replace('\u{00A0}', " ")
}

/// A fragment's text with its digits as `#`: "Page 3" and "Page 4" match.
fn margin_key(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

fn in_margin(f: &Fragment, page: &PageGlyphs) -> bool {
    page.height > 0.0
        && (f.y < MARGIN_BAND * page.height || f.y > (1.0 - MARGIN_BAND) * page.height)
}

/// Texts near the top or bottom of at least two pages, and of at least
/// half the pages.
fn repeated_margins(
    pages: &[PageGlyphs],
    fragments: &[Vec<Fragment>],
) -> std::collections::HashSet<String> {
    let mut pages_with: std::collections::HashMap<String, usize> = Default::default();
    for (page, fragments) in pages.iter().zip(fragments) {
        let mut seen = std::collections::HashSet::new();
        for f in fragments.iter().filter(|f| in_margin(f, page)) {
            if seen.insert(margin_key(&f.text)) {
                *pages_with.entry(margin_key(&f.text)).or_default() += 1;
            }
        }
    }
    pages_with
        .into_iter()
        .filter(|(_, n)| *n >= 2 && *n * 2 >= pages.len())
        .map(|(key, _)| key)
        .collect()
}

fn is_furniture(
    f: &Fragment,
    page: &PageGlyphs,
    repeated: &std::collections::HashSet<String>,
) -> bool {
    if !in_margin(f, page) {
        return false;
    }
    repeated.contains(&margin_key(&f.text)) || is_page_number(&f.text)
}

/// "12", "- 12 -", "Page 12", "12 of 40", "xii".
fn is_page_number(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let lower = lower.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let lower = lower.strip_prefix("page").map_or(lower, str::trim);
    let words: Vec<&str> = lower.split_whitespace().collect();
    let number = |w: &str| {
        w.chars().all(|c| c.is_ascii_digit())
            || (w.len() <= 6 && w.chars().all(|c| "ivxlc".contains(c)))
    };
    match words.as_slice() {
        [n] => number(n),
        [n, "of" | "/", m] => number(n) && number(m),
        _ => false,
    }
}

/// Small type below the page's last line of body text: its footnotes.
fn split_notes(fragments: Vec<Fragment>) -> (Vec<Fragment>, Vec<Fragment>) {
    let body_size = median(fragments.iter().map(|f| f.size));
    let Some(body_size) = body_size else {
        return (fragments, Vec::new());
    };
    let last_body_y = fragments
        .iter()
        .filter(|f| f.size >= 0.9 * body_size)
        .map(|f| f.y)
        .fold(f64::MIN, f64::max);
    fragments
        .into_iter()
        .partition(|f| !(f.size < 0.85 * body_size && f.y > last_body_y))
}

fn median(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut values: Vec<f64> = values.collect();
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    Some(values[(values.len() - 1) / 2])
}

/// A line in reading order, and the column it was read in (for a break
/// between columns).
#[derive(Clone, Debug)]
struct Line {
    fragment: Fragment,
    /// The column's left and right edge.
    column: (f64, f64),
    /// Which column of the page, or `usize::MAX` for a spanning line.
    column_index: usize,
}

/// The page's fragments in reading order: column by column between the
/// lines that span the columns.
fn read_order(fragments: Vec<Fragment>) -> Vec<Line> {
    if fragments.is_empty() {
        return Vec::new();
    }
    let left = fragments.iter().map(|f| f.x0).fold(f64::MAX, f64::min);
    let right = fragments.iter().map(|f| f.x1).fold(f64::MIN, f64::max);
    let span = (right - left).max(1.0);
    let size = median(fragments.iter().map(|f| f.size)).unwrap_or(10.0);
    let is_wide = |f: &Fragment| f.x1 - f.x0 > 0.6 * span;
    let gutters = gutters(&fragments, left, span, size, &is_wide);
    let mut columns = vec![left];
    columns.extend(gutters.iter().copied());
    columns.push(right);
    let column_of = |f: &Fragment| {
        if gutters.iter().any(|&g| f.x0 < g && f.x1 > g) {
            return None;
        }
        let mid = (f.x0 + f.x1) / 2.0;
        Some(gutters.iter().take_while(|&&g| g < mid).count())
    };
    // Each column's edges are those of its own lines.
    let mut edges = vec![(f64::MAX, f64::MIN); columns.len() - 1];
    for f in &fragments {
        if let Some(c) = column_of(f) {
            edges[c] = (edges[c].0.min(f.x0), edges[c].1.max(f.x1));
        }
    }
    let mut sorted = fragments;
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    // Bands of column lines between spanning lines, each read column by
    // column.
    let mut ordered = Vec::with_capacity(sorted.len());
    let mut band: Vec<(usize, Fragment)> = Vec::new();
    let flush = |band: &mut Vec<(usize, Fragment)>, ordered: &mut Vec<Line>| {
        band.sort_by(|(ca, a), (cb, b)| ca.cmp(cb).then(a.y.total_cmp(&b.y)));
        for (c, f) in band.drain(..) {
            ordered.push(Line {
                fragment: f,
                column: edges[c],
                column_index: c,
            });
        }
    };
    for f in sorted {
        match column_of(&f) {
            Some(c) => band.push((c, f)),
            None => {
                flush(&mut band, &mut ordered);
                ordered.push(Line {
                    fragment: f,
                    column: (left, right),
                    column_index: usize::MAX,
                });
            }
        }
    }
    flush(&mut band, &mut ordered);
    ordered
}

/// Where the page's columns part: the middles of vertical strips at least
/// a type size wide that (almost) no line crosses, with text on both
/// sides, in the inner 80% of the text's width. A few lines may cross a
/// gutter (a title a little longer than a column): they span the columns.
fn gutters(
    fragments: &[Fragment],
    left: f64,
    span: f64,
    size: f64,
    is_wide: &dyn Fn(&Fragment) -> bool,
) -> Vec<f64> {
    const BINS: usize = 400;
    let bin = span / BINS as f64;
    let mut covered = vec![0usize; BINS];
    let narrow: Vec<&Fragment> = fragments.iter().filter(|f| !is_wide(f)).collect();
    if narrow.len() < 4 {
        return Vec::new();
    }
    for f in &narrow {
        let a = (((f.x0 - left) / bin).floor().max(0.0) as usize).min(BINS - 1);
        let b = (((f.x1 - left) / bin).ceil().max(0.0) as usize).min(BINS);
        // A glyph may advance backwards: take(b).skip(a) never panics.
        for c in covered.iter_mut().take(b).skip(a) {
            *c += 1;
        }
    }
    let crossings_allowed = (narrow.len() / 20).max(1);
    let mut gutters = Vec::new();
    let mut run_start = None;
    for k in 0..=BINS {
        let open = covered.get(k).is_some_and(|&c| c <= crossings_allowed);
        match (open, run_start) {
            (true, None) => run_start = Some(k),
            (false, Some(start)) => {
                run_start = None;
                let (a, b) = (left + start as f64 * bin, left + k as f64 * bin);
                let middle = (a + b) / 2.0;
                let inner = (middle - left) / span;
                let sides = (
                    narrow.iter().filter(|f| f.x1 <= middle).count(),
                    narrow.iter().filter(|f| f.x0 >= middle).count(),
                );
                if b - a >= size && (0.1..=0.9).contains(&inner) && sides.0 >= 2 && sides.1 >= 2 {
                    gutters.push(middle);
                }
            }
            _ => {}
        }
    }
    gutters
}

/// Lines (with their pages) joined into paragraphs.
fn join_lines(lines: &[(u32, Line)]) -> Vec<Paragraph> {
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let gaps: Vec<f64> = lines
        .windows(2)
        .filter(|w| w[0].0 == w[1].0 && w[0].1.column_index == w[1].1.column_index)
        .map(|w| w[1].1.fragment.y - w[0].1.fragment.y)
        .filter(|g| *g > 0.0)
        .collect();
    let leading = median(gaps.into_iter());
    let mut previous: Option<&(u32, Line)> = None;
    for entry in lines {
        let (page, line) = entry;
        let f = &line.fragment;
        let continues = match previous {
            Some((prev_page, prev)) => {
                let p = &prev.fragment;
                let same_column = prev_page == page && prev.column_index == line.column_index;
                let open_sentence = !ends_sentence(&p.text) || starts_lower(&f.text);
                let same_size = (f.size - p.size).abs() <= 0.15 * p.size;
                if !same_size {
                    false
                } else if same_column {
                    let gap = f.y - p.y;
                    let spaced = leading.is_some_and(|l| gap > 1.45 * l) || gap < 0.0;
                    let indented = f.x0 > line.column.0 + 1.5 * f.size;
                    let short = p.x1 < prev.column.1 - 0.2 * (prev.column.1 - prev.column.0);
                    !(spaced || indented || (short && ends_sentence(&p.text)))
                } else {
                    open_sentence
                }
            }
            None => false,
        };
        match paragraphs.last_mut() {
            Some(last) if continues => join_hyphenated(&mut last.text, &f.text),
            _ => paragraphs.push(Paragraph {
                text: f.text.clone(),
                page: *page,
            }),
        }
        previous = Some(entry);
    }
    paragraphs
}

fn ends_sentence(text: &str) -> bool {
    let text = text.trim_end_matches(['"', '”', '’', '\'', ')']);
    text.ends_with(['.', '!', '?', ':'])
}

fn starts_lower(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// Appends a line to a paragraph, undoing a hyphen at the paragraph's end
/// when the line goes on in lower case ("Resid-" + "ents").
fn join_hyphenated(paragraph: &mut String, line: &str) {
    let hyphenated = (paragraph.ends_with('-') || paragraph.ends_with('\u{AD}'))
        && paragraph
            .chars()
            .rev()
            .nth(1)
            .is_some_and(char::is_alphabetic)
        && starts_lower(line);
    let compound = paragraph.ends_with('-')
        && paragraph
            .chars()
            .rev()
            .nth(1)
            .is_some_and(char::is_alphabetic);
    if hyphenated {
        paragraph.pop();
        paragraph.push_str(line);
    } else if compound {
        // "Franco-" + "German": the hyphen is the word's own.
        paragraph.push_str(line);
    } else {
        paragraph.push(' ');
        paragraph.push_str(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of text as glyphs, a character 5 points wide.
    fn line(x: f64, y: f64, size: f64, text: &str) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .filter(|(_, c)| *c != ' ')
            .map(|(k, c)| Glyph {
                x: x + 5.0 * k as f64,
                y,
                size,
                advance: 5.0,
                text: c.to_string(),
            })
            .collect()
    }

    fn page(number: u32, lines: Vec<Vec<Glyph>>) -> PageGlyphs {
        PageGlyphs {
            number,
            width: 600.0,
            height: 800.0,
            // Drawn in any order: row by row across the columns here.
            glyphs: lines.into_iter().flatten().collect(),
        }
    }

    fn texts(paragraphs: &[Paragraph]) -> Vec<(&str, u32)> {
        paragraphs
            .iter()
            .map(|p| (p.text.as_str(), p.page))
            .collect()
    }

    #[test]
    fn two_columns_are_read_one_after_the_other_across_pages() {
        let (l, r) = (50.0, 320.0);
        let pages = vec![
            page(
                1,
                vec![
                    line(50.0, 40.0, 8.0, "Review of the Coast"),
                    line(l, 100.0, 10.0, "Ships left Tartus in the first week of"),
                    line(r, 100.0, 10.0, "Aid reached the besieged city of Homs, and"),
                    line(l, 113.0, 10.0, "February for the sea."),
                    line(
                        r,
                        113.0,
                        10.0,
                        "its residents were glad of the convoy's resid-",
                    ),
                    line(l, 126.0, 10.0, "Convoys were seen near the coast road at"),
                    line(r, 126.0, 10.0, "ual fuel."),
                    line(l, 139.0, 10.0, "Jableh at night."),
                    line(500.0, 780.0, 8.0, "1"),
                ],
            ),
            page(
                2,
                vec![
                    line(50.0, 40.0, 8.0, "Review of the Coast"),
                    line(l, 100.0, 10.0, "Talks went on in Geneva through the whole"),
                    line(r, 100.0, 10.0, "Envoys came from Amman and from Cairo to"),
                    line(l, 113.0, 10.0, "week."),
                    line(r, 113.0, 10.0, "the talks."),
                    line(l, 126.0, 10.0, "Moscow sent a delegation to the talks in"),
                    line(r, 126.0, 10.0, "Nothing was agreed at the end of the"),
                    line(l, 139.0, 10.0, "March."),
                    line(r, 139.0, 10.0, "talks."),
                    line(500.0, 780.0, 8.0, "2"),
                ],
            ),
        ];
        // A short line that ends a sentence ends its paragraph; the running
        // header and the page numbers go.
        assert_eq!(
            texts(&paragraphs_of_pages(&pages)),
            [
                (
                    "Ships left Tartus in the first week of February for the sea.",
                    1
                ),
                (
                    "Convoys were seen near the coast road at Jableh at night.",
                    1
                ),
                (
                    "Aid reached the besieged city of Homs, and its residents were glad of the \
                     convoy's residual fuel.",
                    1
                ),
                ("Talks went on in Geneva through the whole week.", 2),
                ("Moscow sent a delegation to the talks in March.", 2),
                ("Envoys came from Amman and from Cairo to the talks.", 2),
                ("Nothing was agreed at the end of the talks.", 2),
            ]
        );
    }

    #[test]
    fn a_paragraph_goes_on_from_one_column_to_the_next_while_its_sentence_does() {
        let pages = vec![page(
            1,
            vec![
                line(50.0, 100.0, 10.0, "Convoys were seen near the town of"),
                line(320.0, 100.0, 10.0, "Jableh, heading north to the border."),
                line(50.0, 113.0, 10.0, "Baniyas and the coastal road near"),
                line(320.0, 139.0, 10.0, "Officials in Latakia would not say."),
            ],
        )];
        assert_eq!(
            texts(&paragraphs_of_pages(&pages)),
            [
                (
                    "Convoys were seen near the town of Baniyas and the coastal road near \
                     Jableh, heading north to the border.",
                    1
                ),
                ("Officials in Latakia would not say.", 1),
            ]
        );
    }

    #[test]
    fn footnotes_are_read_after_the_article_with_their_page() {
        let pages = vec![page(
            1,
            vec![
                line(50.0, 100.0, 10.0, "Ships left Tartus."),
                line(50.0, 500.0, 7.0, "1 Seen on 3 February."),
            ],
        )];
        assert_eq!(
            texts(&paragraphs_of_pages(&pages)),
            [("Ships left Tartus.", 1), ("1 Seen on 3 February.", 1)]
        );
    }

    #[test]
    fn page_numbers_are_told_from_text() {
        for number in ["12", "- 12 -", "Page 12", "12 of 40", "xii", "Page 3 / 9"] {
            assert!(is_page_number(number), "{number}");
        }
        for text in ["12 ships", "Homs", "Page of history"] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn a_hyphen_is_undone_only_before_a_lower_case_word() {
        let mut text = "Resid-".to_string();
        join_hyphenated(&mut text, "ents of");
        assert_eq!(text, "Residents of");
        let mut text = "Franco-".to_string();
        join_hyphenated(&mut text, "German talks");
        assert_eq!(text, "Franco-German talks");
    }
}
