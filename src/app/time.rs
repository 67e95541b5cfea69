//! A story's time in the app: the range the reader set on the timeline
//! (none: the whole story), the filter it makes (built again only when the
//! range or the story changes), and the play button, which steps the range
//! through the story's time a second at a time.

use std::ops::RangeInclusive;
use std::sync::Arc;

use crate::brief::Brief;
use crate::timeline::{Comparison, Day, Side, TimeFilter, TimeIndex};

/// A range steps on by this share of itself each tick of play.
const PLAY_STEP_SHARE: i32 = 2;
/// Seconds between steps of play.
pub const PLAY_TICK_SECS: f64 = 1.0;

#[derive(Default)]
pub struct TimeState {
    pub index: TimeIndex,
    pub range: Option<RangeInclusive<Day>>,
    pub filter: Option<Arc<TimeFilter>>,
    pub playing: bool,
    /// Seconds since the last step of play.
    since_step: f64,
    versions: u64,
    /// What the filter was built for: the story's versions and the range.
    built_for: Option<((u64, u64, u64), RangeInclusive<Day>)>,
    /// The two sides the reader compares, and what they make.
    pub sides: Option<(Side, Side)>,
    pub compare: Option<Arc<Comparison>>,
    compared_for: Option<(u64, u64, u64)>,
}

impl TimeState {
    /// Keeps the index, the filter and the comparison up to date with the
    /// story, the range and the sides.
    pub fn update(&mut self, brief: &Brief) {
        self.index.update(brief);
        self.update_comparison(brief);
        let Some(range) = self.range.clone() else {
            self.filter = None;
            self.built_for = None;
            return;
        };
        let versions = (
            brief.articles_version(),
            brief.links_version(),
            brief.places_version(),
        );
        let key = (versions, range.clone());
        if self.built_for.as_ref() != Some(&key) || self.filter.is_none() {
            self.versions += 1;
            self.filter = Some(Arc::new(self.index.filter(range, self.versions)));
            self.built_for = Some(key);
        }
    }

    fn update_comparison(&mut self, brief: &Brief) {
        let Some((a, b)) = self.sides.clone() else {
            self.compare = None;
            self.compared_for = None;
            return;
        };
        let versions = (
            brief.articles_version(),
            brief.links_version(),
            brief.places_version(),
        );
        if self.compared_for != Some(versions) || self.compare.is_none() {
            self.versions += 1;
            self.compare = Some(Arc::new(Comparison::new(brief, a, b, self.versions)));
            self.compared_for = Some(versions);
        }
    }

    /// Compares two sides of the story (`None`: stops comparing).
    pub fn set_sides(&mut self, sides: Option<(Side, Side)>) {
        self.sides = sides;
        self.compared_for = None;
    }

    pub fn set_range(&mut self, range: Option<RangeInclusive<Day>>) {
        self.range = range.map(|r| {
            let (a, b) = (*r.start(), *r.end());
            a.min(b)..=a.max(b)
        });
        if self.range.is_none() {
            self.playing = false;
        }
    }

    /// Starts or stops play; play starts from the story's first days with
    /// a sixth of its span when no range is set.
    pub fn play(&mut self, on: bool) {
        self.playing = on;
        self.since_step = 0.0;
        if on && let Some((first, last)) = self.index.span {
            let width = self
                .range
                .as_ref()
                .map_or(((last - first) / 6).max(1), |r| r.end() - r.start());
            let at_end = self.range.as_ref().is_some_and(|r| *r.end() >= last);
            if self.range.is_none() || at_end {
                self.range = Some(first..=first + width);
            }
        }
    }

    /// Advances play by `dt` seconds; true if the range moved (and stops at
    /// the end of the story).
    pub fn tick(&mut self, dt: f64) -> bool {
        if !self.playing {
            return false;
        }
        self.since_step += dt;
        if self.since_step < PLAY_TICK_SECS {
            return false;
        }
        self.since_step = 0.0;
        let (Some(range), Some((_, last))) = (self.range.clone(), self.index.span) else {
            self.playing = false;
            return false;
        };
        let width = range.end() - range.start();
        let step = (width / PLAY_STEP_SHARE).max(1);
        if *range.end() >= last {
            self.playing = false;
            return false;
        }
        let start = range.start() + step;
        self.range = Some(start..=(start + width).min(last.max(start)));
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::day_of;

    #[test]
    fn play_steps_the_range_to_the_end_of_the_story_and_stops() {
        let mut time = TimeState::default();
        let first = day_of("2025-01-01").unwrap();
        let last = day_of("2025-12-31").unwrap();
        // An index with a span of a year, by hand.
        time.index.span = Some((first, last));
        time.play(true);
        let range = time.range.clone().unwrap();
        assert_eq!(*range.start(), first);
        let mut steps = 0;
        while time.playing && steps < 100 {
            if time.tick(PLAY_TICK_SECS) {
                steps += 1;
            }
        }
        assert!(!time.playing, "play stops at the end");
        assert!(*time.range.clone().unwrap().end() >= last - 1);
        assert!(steps > 5, "{steps} steps through a year");
    }
}
