//! Time in a story: each article's day (from its ISO 8601 date), each
//! place's days (those of the dated articles that name it), and what a
//! range of days leaves on the map, in the place list and in the article
//! list. The index is built once per change of the brief; a range is then
//! applied with two binary searches a place, never a walk over the links.
//! Undated articles lie outside every range.

use std::ops::RangeInclusive;

use crate::brief::Brief;

/// Days since 1970-01-01 (negative before).
pub type Day = i32;

/// The day of an ISO 8601 date ("2025-01-28", or with a time after it).
pub fn day_of(iso: &str) -> Option<Day> {
    let date = iso.get(..10)?;
    let mut parts = date.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i32 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The ISO 8601 date of a day ("2025-01-28").
pub fn iso_of(day: Day) -> String {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i32::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The days of a story's articles and places.
#[derive(Clone, Debug, Default)]
pub struct TimeIndex {
    /// What it was built for: (articles, links, places) versions.
    key: (u64, u64, u64),
    /// Each article's day, in the story's order.
    pub article_days: Vec<Option<Day>>,
    /// For each place (by position), the days of the dated articles naming
    /// it, sorted, one an article; and how many undated articles name it.
    place_days: Vec<Vec<Day>>,
    place_named: Vec<bool>,
    /// The first and last day of the dated articles.
    pub span: Option<(Day, Day)>,
}

impl TimeIndex {
    /// Builds the index again if the brief changed since it was built.
    pub fn update(&mut self, brief: &Brief) {
        let key = (
            brief.articles_version(),
            brief.links_version(),
            brief.places_version(),
        );
        if self.key == key && self.article_days.len() == brief.article_count() {
            return;
        }
        *self = Self::build(brief);
        self.key = key;
    }

    pub fn build(brief: &Brief) -> Self {
        let article_days: Vec<Option<Day>> = brief
            .articles()
            .iter()
            .map(|a| a.info.date.as_deref().and_then(day_of))
            .collect();
        let mut place_days = vec![Vec::new(); brief.place_count()];
        let mut place_named = vec![false; brief.place_count()];
        for (pos, place) in brief.places().enumerate() {
            let articles = brief.articles_naming(&place.id);
            place_named[pos] = !articles.is_empty();
            let mut days: Vec<Day> = articles.iter().filter_map(|&i| article_days[i]).collect();
            days.sort_unstable();
            place_days[pos] = days;
        }
        let span = article_days
            .iter()
            .flatten()
            .fold(None, |span: Option<(Day, Day)>, &d| {
                Some(span.map_or((d, d), |(a, b)| (a.min(d), b.max(d))))
            });
        Self {
            key: (0, 0, 0),
            article_days,
            place_days,
            place_named,
            span,
        }
    }

    /// Whether the story has dated articles on two days or more: a timeline
    /// has something to show.
    pub fn has_time(&self) -> bool {
        self.span.is_some_and(|(a, b)| a < b)
    }

    /// How many articles dated in `range` name the place at `pos`.
    pub fn articles_in(&self, pos: usize, range: &RangeInclusive<Day>) -> usize {
        let days = self.place_days.get(pos).map_or(&[][..], Vec::as_slice);
        let from = days.partition_point(|d| d < range.start());
        let to = days.partition_point(|d| d <= range.end());
        to - from
    }

    /// What `range` leaves shown: places named in an article of the range
    /// (a place no article names stays), and the articles of the range.
    pub fn filter(&self, range: RangeInclusive<Day>, version: u64) -> TimeFilter {
        let counts: Vec<u32> = (0..self.place_days.len())
            .map(|pos| self.articles_in(pos, &range) as u32)
            .collect();
        let places_shown = counts
            .iter()
            .zip(&self.place_named)
            .map(|(&n, &named)| n > 0 || !named)
            .collect();
        let articles_shown = self
            .article_days
            .iter()
            .map(|d| d.is_some_and(|d| range.contains(&d)))
            .collect();
        TimeFilter {
            version,
            most: counts.iter().copied().max().unwrap_or(0),
            range,
            places_shown,
            counts,
            articles_shown,
        }
    }
}

/// A time range applied to a story: what it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeFilter {
    /// Changes with every range: caches key on it.
    pub version: u64,
    pub range: RangeInclusive<Day>,
    places_shown: Vec<bool>,
    /// Articles of the range naming each place.
    counts: Vec<u32>,
    most: u32,
    articles_shown: Vec<bool>,
}

impl TimeFilter {
    pub fn shows_place(&self, pos: usize) -> bool {
        self.places_shown.get(pos).copied().unwrap_or(true)
    }

    pub fn shows_article(&self, index: usize) -> bool {
        self.articles_shown.get(index).copied().unwrap_or(true)
    }

    /// A place's share of the range's articles, 0 to 1, against the place
    /// named in the most of them: what its marker's shade says.
    pub fn weight(&self, pos: usize) -> f32 {
        match (self.counts.get(pos), self.most) {
            (Some(&n), most) if most > 0 => n as f32 / most as f32,
            _ => 1.0,
        }
    }

    pub fn articles_naming(&self, pos: usize) -> u32 {
        self.counts.get(pos).copied().unwrap_or(0)
    }

    pub fn article_count(&self) -> usize {
        self.articles_shown.iter().filter(|&&s| s).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::parse_brief;

    #[test]
    fn days_and_dates_convert_both_ways() {
        assert_eq!(day_of("1970-01-01"), Some(0));
        assert_eq!(day_of("2025-01-28T10:00:00Z"), day_of("2025-01-28"));
        assert_eq!(
            day_of("2024-03-01").unwrap() - day_of("2024-02-28").unwrap(),
            2
        );
        for day in [-1000, 0, 19_000, 20_116, 30_000] {
            assert_eq!(day_of(&iso_of(day)), Some(day));
        }
        assert_eq!(day_of("2025-13-01"), None);
        assert_eq!(day_of("soon"), None);
    }

    const STORY: &str = r#"{"format": "geobrief/2", "articles": [
        {"id": "jan", "title": "Jan", "date": "2025-01-10", "paragraphs": ["Tartus and Moscow."]},
        {"id": "mar", "title": "Mar", "date": "2025-03-10", "paragraphs": ["Tartus."]},
        {"id": "und", "title": "Undated", "paragraphs": ["Homs."]}],
      "places": [
        {"id": "tartus", "name": "Tartus", "kind": "city", "geometry": {"type": "Point", "coordinates": [35.9, 34.9]}},
        {"id": "moscow", "name": "Moscow", "kind": "capital", "geometry": {"type": "Point", "coordinates": [37.6, 55.8]}},
        {"id": "homs", "name": "Homs", "kind": "city", "geometry": {"type": "Point", "coordinates": [36.7, 34.7]}},
        {"id": "pin", "name": "A pin", "kind": "city", "geometry": {"type": "Point", "coordinates": [36.0, 35.0]}}],
      "links": [
        {"place": "tartus", "target": {"article": "jan", "paragraph": 0, "selector": [{"type": "TextQuoteSelector", "exact": "Tartus"}]}},
        {"place": "moscow", "target": {"article": "jan", "paragraph": 0, "selector": [{"type": "TextQuoteSelector", "exact": "Moscow"}]}},
        {"place": "tartus", "target": {"article": "mar", "paragraph": 0, "selector": [{"type": "TextQuoteSelector", "exact": "Tartus"}]}},
        {"place": "homs", "target": {"article": "und", "paragraph": 0, "selector": [{"type": "TextQuoteSelector", "exact": "Homs"}]}}]}"#;

    #[test]
    fn a_range_of_days_leaves_the_places_and_articles_it_names() {
        let brief = parse_brief(STORY.as_bytes()).unwrap();
        let mut index = TimeIndex::default();
        index.update(&brief);
        assert!(index.has_time());
        let march = day_of("2025-02-01").unwrap()..=day_of("2025-12-31").unwrap();
        let filter = index.filter(march, 1);
        let shown: Vec<&str> = brief
            .places()
            .enumerate()
            .filter(|(i, _)| filter.shows_place(*i))
            .map(|(_, p)| p.id.as_str())
            .collect();
        assert_eq!(
            shown,
            ["tartus", "pin"],
            "Moscow leaves, undated Homs leaves, an unnamed pin stays"
        );
        assert_eq!(filter.article_count(), 1);
        assert!(
            !filter.shows_article(2),
            "an undated article is in no range"
        );
        let all = index.filter(index.span.map(|(a, b)| a..=b).unwrap(), 2);
        assert_eq!(all.articles_naming(0), 2);
        assert_eq!(all.weight(1), 0.5, "Moscow in one article of Tartus's two");
    }
}

/// One side of a comparison: an article, or the story before or from a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Side {
    Article(crate::brief::ArticleId),
    /// The articles dated before this day.
    Before(Day),
    /// The articles dated on or after this day.
    From(Day),
}

impl Side {
    /// "Ships leave Tartus", "before 2025-03-01".
    pub fn describe(&self, brief: &Brief) -> String {
        match self {
            Side::Article(id) => brief
                .article(id)
                .map_or_else(|| id.to_string(), |a| a.info.title.clone()),
            Side::Before(day) => format!("before {}", iso_of(*day)),
            Side::From(day) => format!("from {}", iso_of(*day)),
        }
    }

    fn holds(&self, brief: &Brief, index: usize, days: &[Option<Day>]) -> bool {
        match self {
            Side::Article(id) => brief.articles().get(index).is_some_and(|a| a.id == *id),
            Side::Before(day) => days.get(index).copied().flatten().is_some_and(|d| d < *day),
            Side::From(day) => days
                .get(index)
                .copied()
                .flatten()
                .is_some_and(|d| d >= *day),
        }
    }
}

/// Where a place stands in a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compared {
    OnlyA,
    OnlyB,
    Both,
}

/// Two sides of a story compared: each place's standing (`None`: in
/// neither), by its position in the brief.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub a: Side,
    pub b: Side,
    pub version: u64,
    places: Vec<Option<Compared>>,
}

impl Comparison {
    pub fn new(brief: &Brief, a: Side, b: Side, version: u64) -> Self {
        let days: Vec<Option<Day>> = brief
            .articles()
            .iter()
            .map(|x| x.info.date.as_deref().and_then(day_of))
            .collect();
        let places = brief
            .places()
            .map(|p| {
                let articles = brief.articles_naming(&p.id);
                let in_a = articles.iter().any(|&i| a.holds(brief, i, &days));
                let in_b = articles.iter().any(|&i| b.holds(brief, i, &days));
                match (in_a, in_b) {
                    (true, true) => Some(Compared::Both),
                    (true, false) => Some(Compared::OnlyA),
                    (false, true) => Some(Compared::OnlyB),
                    (false, false) => None,
                }
            })
            .collect();
        Self {
            a,
            b,
            version,
            places,
        }
    }

    pub fn place(&self, pos: usize) -> Option<Compared> {
        self.places.get(pos).copied().flatten()
    }

    /// How many places stand each way: (only A, only B, both).
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |c: Compared| self.places.iter().filter(|p| **p == Some(c)).count();
        (
            count(Compared::OnlyA),
            count(Compared::OnlyB),
            count(Compared::Both),
        )
    }
}

/// For each article (in the story's order), how many places it names that
/// no earlier article named: earlier by date, the undated after the dated,
/// the story's order between equals.
pub fn new_places_by_article(brief: &Brief) -> Vec<usize> {
    let days: Vec<Option<Day>> = brief
        .articles()
        .iter()
        .map(|a| a.info.date.as_deref().and_then(day_of))
        .collect();
    let mut order: Vec<usize> = (0..brief.article_count()).collect();
    order.sort_by_key(|&i| (days[i].is_none(), days[i], i));
    let mut rank = vec![0; order.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let mut new = vec![0; brief.article_count()];
    for place in brief.places() {
        if let Some(first) = brief
            .articles_naming(&place.id)
            .into_iter()
            .min_by_key(|&i| rank[i])
        {
            new[first] += 1;
        }
    }
    new
}

#[cfg(test)]
mod compare_tests {
    use super::*;
    use crate::brief::parse_brief;

    fn story() -> Brief {
        parse_brief(tests_story().as_bytes()).unwrap()
    }

    fn tests_story() -> &'static str {
        r#"{"format": "geobrief/2", "articles": [
        {"id": "jan", "title": "Jan", "date": "2025-01-10", "paragraphs": ["Tartus and Moscow."]},
        {"id": "mar", "title": "Mar", "date": "2025-03-10", "paragraphs": ["Tartus and Homs."]}],
      "places": [
        {"id": "tartus", "name": "Tartus", "kind": "city", "geometry": {"type": "Point", "coordinates": [35.9, 34.9]}},
        {"id": "moscow", "name": "Moscow", "kind": "capital", "geometry": {"type": "Point", "coordinates": [37.6, 55.8]}},
        {"id": "homs", "name": "Homs", "kind": "city", "geometry": {"type": "Point", "coordinates": [36.7, 34.7]}}],
      "links": [
        {"place": "tartus", "target": {"article": "jan", "paragraph": 0, "selector": [{"type": "TextQuoteSelector", "exact": "Tartus"}]}},
        {"place": "moscow", "target": {"article": "jan", "paragraph": 0, "selector": [{"type": "TextQuoteSelector", "exact": "Moscow"}]}},
        {"place": "tartus", "target": {"article": "mar", "paragraph": 0, "selector": [{"type": "TextQuoteSelector", "exact": "Tartus"}]}},
        {"place": "homs", "target": {"article": "mar", "paragraph": 0, "selector": [{"type": "TextQuoteSelector", "exact": "Homs"}]}}]}"#
    }

    #[test]
    fn two_articles_compared_mark_what_is_only_in_each_and_in_both() {
        let brief = story();
        let c = Comparison::new(
            &brief,
            Side::Article("jan".into()),
            Side::Article("mar".into()),
            1,
        );
        assert_eq!(c.place(0), Some(Compared::Both));
        assert_eq!(c.place(1), Some(Compared::OnlyA));
        assert_eq!(c.place(2), Some(Compared::OnlyB));
        assert_eq!(c.counts(), (1, 1, 1));
        let split = day_of("2025-02-01").unwrap();
        let c = Comparison::new(&brief, Side::Before(split), Side::From(split), 2);
        assert_eq!(
            c.place(1),
            Some(Compared::OnlyA),
            "Moscow only before February"
        );
        assert_eq!(Side::Before(split).describe(&brief), "before 2025-02-01");
    }

    #[test]
    fn an_article_s_new_places_are_those_no_earlier_article_named() {
        assert_eq!(new_places_by_article(&story()), [2, 1]);
    }
}
