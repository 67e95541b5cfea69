//! When an article was published, as ISO 8601: read from what its source
//! says (an archive's `date`, a page's `article:published_time`, JSON-LD
//! `datePublished` or `<time datetime>`), or from a dateline that gives a
//! full date ("DUBLIN, Ga., March 3, 2024 —"). Nothing is guessed: a date
//! without a year, or no date at all, leaves the article undated.

/// An ISO 8601 date (`2025-01-28`) or date and time (`2025-01-28T10:00:00Z`)
/// for a date written in any of the usual ways, or `None` if it is not one.
pub fn normalize_date(text: &str) -> Option<String> {
    let text = text.trim();
    iso_date(text).or_else(|| written_date(text))
}

/// `2025-01-28`, `2025-01-28T10:00:00Z`, `2025-01-28 10:00`, `20250128`:
/// the date part checked, the time kept as written (with a `T`).
fn iso_date(text: &str) -> Option<String> {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let (date, time) = match text.find(['T', 't', ' ']) {
        Some(at) => (&text[..at], Some(text[at + 1..].trim())),
        None => (text, None),
    };
    let (y, m, d) = match date.split('-').collect::<Vec<_>>().as_slice() {
        [y, m, d] if y.len() == 4 && digits(y) && digits(m) && digits(d) => {
            (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        }
        [compact] if compact.len() == 8 && digits(compact) => (
            compact[..4].parse().ok()?,
            compact[4..6].parse().ok()?,
            compact[6..].parse().ok()?,
        ),
        _ => return None,
    };
    let day = ymd(y, m, d)?;
    match time {
        Some(t) if !t.is_empty() && t.as_bytes()[0].is_ascii_digit() => Some(format!("{day}T{t}")),
        _ => Some(day),
    }
}

/// "March 3, 2024", "3 March 2024", "Mar. 3, 2024", "Tuesday, March 3, 2024".
fn written_date(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        let Some(m) = month(word) else { continue };
        let number = |w: Option<&&str>| -> Option<u32> {
            let w = w?.trim_end_matches(['.', 's', 't', 'n', 'd', 'r', 'h']);
            (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
                .then(|| w.parse().ok())
                .flatten()
        };
        let year = |w: Option<&&str>| number(w).filter(|y| (1000..=9999).contains(y));
        // Month day, year.
        if let (Some(d), Some(y)) = (number(words.get(i + 1)), year(words.get(i + 2))) {
            return ymd(y, m, d);
        }
        // Day month year.
        if i > 0
            && let (Some(d), Some(y)) = (number(words.get(i - 1)), year(words.get(i + 1)))
        {
            return ymd(y, m, d);
        }
    }
    None
}

fn month(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS
        .iter()
        .position(|m| *m == word || (word.len() == 3 && m.starts_with(&word)))
        .or_else(|| (word == "sept").then_some(8))
        .map(|i| i as u32 + 1)
}

/// `YYYY-MM-DD` if that day exists.
fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&d)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The date a dateline or an article's first words give in full
/// ("DUBLIN, Ga., March 3, 2024 —"); none without a year.
pub fn date_from_dateline(text: &str) -> Option<String> {
    let head: String = text.chars().take(120).collect();
    let head = head.split(['—', '–']).next().unwrap_or(&head);
    written_date(head).or_else(|| {
        head.split_whitespace().find_map(|w| {
            iso_date(w.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-'))
        })
    })
}

/// Where an article's date came from, as its card says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFrom {
    /// The archive's `date`, or the page's own metadata.
    Source,
    Dateline,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_written_in_the_usual_ways_become_iso_8601() {
        for (text, iso) in [
            ("2025-01-28", "2025-01-28"),
            ("2025-01-28T10:15:00Z", "2025-01-28T10:15:00Z"),
            ("2025-01-28T10:15:00+03:00", "2025-01-28T10:15:00+03:00"),
            ("20250128", "2025-01-28"),
            ("January 28, 2025", "2025-01-28"),
            ("Jan. 28, 2025", "2025-01-28"),
            ("28 January 2025", "2025-01-28"),
            ("Tuesday, Sept. 3, 2024", "2024-09-03"),
            ("March 3rd, 2024", "2024-03-03"),
            ("Feb 29, 2024", "2024-02-29"),
        ] {
            assert_eq!(normalize_date(text).as_deref(), Some(iso), "{text}");
        }
    }

    #[test]
    fn what_is_not_a_whole_date_is_no_date() {
        for text in [
            "",
            "yesterday",
            "March 3",
            "Feb 30, 2024",
            "2025-13-01",
            "2025-02-29",
            "May the fourth",
            "12345678x",
        ] {
            assert_eq!(normalize_date(text), None, "{text}");
        }
    }

    #[test]
    fn a_dateline_with_a_full_date_dates_its_article() {
        assert_eq!(
            date_from_dateline("DUBLIN, Ga., March 3, 2024 — Heavy rain").as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(date_from_dateline("MOSCOW — Russian President"), None);
        assert_eq!(
            date_from_dateline("MOSCOW, Jan 28 (Reuters) - Talks"),
            None,
            "no year, no date"
        );
    }
}
