//! The timeline under the map of a story: its articles as ticks by date,
//! the range the reader keeps (drag across the strip, or its handles; or
//! type the dates), a play button that steps the range through time, and
//! what the range leaves ("12 of 40 articles"). The range filters the map,
//! the place list and the article list together (see `crate::timeline`).

use std::ops::RangeInclusive;

use egui::{Pos2, Rect, RichText, Sense, Stroke, pos2, vec2};

use crate::action::Action;
use crate::timeline::{Day, TimeFilter, TimeIndex, day_of, iso_of};

/// Height of the strip of ticks, in points.
const STRIP_HEIGHT: f32 = 34.0;
/// Points either side of a handle that still grab it.
const HANDLE_GRAB: f32 = 6.0;

/// The dates typed in the From and To fields, kept while they are edited.
#[derive(Default)]
pub struct TimelineDrafts {
    from: String,
    to: String,
    /// The range the drafts were taken from (`None`: not taken yet).
    shown: Option<Option<RangeInclusive<Day>>>,
    /// A drag in progress: the day it started on, and which end it moves
    /// (`None`: a new range from the start day).
    drag: Option<(Day, Option<bool>)>,
}

/// What the strip reads.
pub struct TimelineView<'a> {
    pub index: &'a TimeIndex,
    pub range: Option<&'a RangeInclusive<Day>>,
    pub filter: Option<&'a TimeFilter>,
    pub playing: bool,
    pub article_count: usize,
}

pub fn timeline_ui(
    ui: &mut egui::Ui,
    view: &TimelineView,
    drafts: &mut TimelineDrafts,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some((first, last)) = view.index.span else {
        return actions;
    };
    if drafts.shown.as_ref().map(Option::as_ref) != Some(view.range) {
        drafts.shown = Some(view.range.cloned());
        let (a, b) = view.range.map_or((first, last), |r| (*r.start(), *r.end()));
        drafts.from = iso_of(a);
        drafts.to = iso_of(b);
    }
    ui.horizontal(|ui| {
        let (play, name) = if view.playing {
            ("Pause", "Pause")
        } else {
            ("▶ Play", "Play")
        };
        if super::button_named(ui, true, play, name)
            .on_hover_text("Step the range through the story's time")
            .clicked()
        {
            actions.push(Action::PlayTimeline(!view.playing));
        }
        let typed = |ui: &mut egui::Ui, label: &str, text: &mut String| {
            let label = ui.label(label);
            let response = ui
                .add(egui::TextEdit::singleline(text).desired_width(96.0))
                .labelled_by(label.id);
            response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
        };
        let from_entered = typed(ui, "From", &mut drafts.from);
        let to_entered = typed(ui, "to", &mut drafts.to);
        if from_entered || to_entered {
            match (day_of(drafts.from.trim()), day_of(drafts.to.trim())) {
                (Some(a), Some(b)) => actions.push(Action::SetTimeRange(Some((a, b)))),
                _ => drafts.shown = None,
            }
        }
        if view.range.is_some() && ui.button("All dates").clicked() {
            actions.push(Action::SetTimeRange(None));
        }
        let shown = view
            .filter
            .map_or(view.article_count, TimeFilter::article_count);
        let dated = view.index.article_days.iter().flatten().count();
        let undated = view.article_count - dated;
        let mut text = format!(
            "{} of {} articles",
            crate::collect::thousands(shown),
            crate::collect::thousands(view.article_count)
        );
        if undated > 0 {
            text.push_str(&format!(" · {undated} undated"));
        }
        ui.label(RichText::new(text).small().weak());
    });
    let (rect, response) = ui.allocate_exact_size(
        vec2(ui.available_width(), STRIP_HEIGHT),
        Sense::click_and_drag(),
    );
    let pad = ((last - first) / 40).max(1);
    let axis = Axis {
        rect: rect.shrink2(vec2(10.0, 0.0)),
        first: first - pad,
        last: last + pad,
    };
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Slider,
            true,
            format!(
                "Timeline: {} to {}",
                iso_of(view.range.map_or(first, |r| *r.start())),
                iso_of(view.range.map_or(last, |r| *r.end()))
            ),
        )
    });
    paint_strip(ui, &axis, view);
    if let Some(range) = drag_range(ui, &response, &axis, view.range, drafts) {
        actions.push(Action::SetTimeRange(Some(range)));
    }
    if response.double_clicked() {
        actions.push(Action::SetTimeRange(None));
    }
    actions
}

/// Days to points along the strip.
struct Axis {
    rect: Rect,
    first: Day,
    last: Day,
}

impl Axis {
    fn x(&self, day: Day) -> f32 {
        let t = (day - self.first) as f32 / (self.last - self.first).max(1) as f32;
        self.rect.left() + t * self.rect.width()
    }

    fn day(&self, x: f32) -> Day {
        let t = ((x - self.rect.left()) / self.rect.width()).clamp(0.0, 1.0);
        self.first + (t * (self.last - self.first) as f32).round() as Day
    }
}

fn paint_strip(ui: &egui::Ui, axis: &Axis, view: &TimelineView) {
    let painter = ui.painter_at(axis.rect.expand2(vec2(10.0, 0.0)));
    let visuals = ui.visuals();
    let rect = axis.rect;
    painter.rect_filled(rect, 3.0, visuals.extreme_bg_color);
    // The range kept, and its handles.
    if let Some(range) = view.range {
        let band = Rect::from_x_y_ranges(
            axis.x(*range.start())..=axis.x(*range.end()),
            rect.y_range(),
        );
        painter.rect_filled(band, 2.0, visuals.selection.bg_fill.gamma_multiply(0.5));
        for x in [band.left(), band.right()] {
            painter.rect_filled(
                Rect::from_center_size(pos2(x, rect.center().y), vec2(4.0, rect.height() - 4.0)),
                2.0,
                visuals.selection.stroke.color,
            );
        }
    }
    // Month marks and their names, a few of them.
    let months = month_starts(axis.first, axis.last);
    let every = (months.len() / 8).max(1);
    for (k, (day, label)) in months.iter().enumerate() {
        let x = axis.x(*day);
        painter.line_segment(
            [pos2(x, rect.bottom() - 6.0), pos2(x, rect.bottom())],
            Stroke::new(1.0, visuals.weak_text_color()),
        );
        if k % every == 0 {
            painter.text(
                pos2(x + 2.0, rect.bottom() - 1.0),
                egui::Align2::LEFT_BOTTOM,
                label,
                egui::FontId::proportional(10.0),
                visuals.weak_text_color(),
            );
        }
    }
    // An article a tick; several on one day stack up.
    let mut stacked: std::collections::HashMap<i32, u32> = std::collections::HashMap::new();
    for (i, day) in view.index.article_days.iter().enumerate() {
        let Some(day) = day else { continue };
        let x = axis.x(*day).round();
        let level = stacked.entry(x as i32).or_insert(0);
        let y = rect.top() + 4.0 + (*level as f32 * 4.0).min(rect.height() - 16.0);
        *level += 1;
        let shown = view.filter.is_none_or(|f| f.shows_article(i));
        let color = if shown {
            visuals.strong_text_color()
        } else {
            visuals.weak_text_color().gamma_multiply(0.5)
        };
        painter.line_segment([pos2(x, y), pos2(x, y + 8.0)], Stroke::new(2.0, color));
    }
}

/// The first day of each month between two days, with a short name.
fn month_starts(first: Day, last: Day) -> Vec<(Day, String)> {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut out = Vec::new();
    let start = iso_of(first);
    let (Ok(mut y), Ok(mut m)) = (start[..4].parse::<i32>(), start[5..7].parse::<usize>()) else {
        return out;
    };
    loop {
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
        let Some(day) = day_of(&format!("{y:04}-{m:02}-01")) else {
            break;
        };
        if day > last || out.len() > 600 {
            break;
        }
        let name = if m == 1 {
            format!("{y}")
        } else {
            NAMES[m - 1].to_string()
        };
        out.push((day, name));
    }
    out
}

/// A drag on the strip: a handle moves its end of the range, anywhere else
/// draws a new range from where the drag began.
fn drag_range(
    ui: &egui::Ui,
    response: &egui::Response,
    axis: &Axis,
    range: Option<&RangeInclusive<Day>>,
    drafts: &mut TimelineDrafts,
) -> Option<(Day, Day)> {
    let pointer: Option<Pos2> = response.interact_pointer_pos();
    if response.drag_started()
        && let Some(origin) = ui.input(|i| i.pointer.press_origin())
    {
        let handle = range.and_then(|r| {
            let near = |day: Day| (axis.x(day) - origin.x).abs() <= HANDLE_GRAB;
            if near(*r.start()) {
                Some(false)
            } else if near(*r.end()) {
                Some(true)
            } else {
                None
            }
        });
        drafts.drag = Some((axis.day(origin.x), handle));
    }
    if response.hovered() && range.is_some() {
        let on_handle = response.hover_pos().is_some_and(|p| {
            range.is_some_and(|r| {
                [*r.start(), *r.end()]
                    .iter()
                    .any(|d| (axis.x(*d) - p.x).abs() <= HANDLE_GRAB)
            })
        });
        if on_handle {
            ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
        }
    }
    let (start, handle) = drafts.drag?;
    let at = axis.day(pointer?.x);
    let result = match (handle, range) {
        (Some(false), Some(r)) => (at, *r.end()),
        (Some(true), Some(r)) => (*r.start(), at),
        _ => (start, at),
    };
    if response.drag_stopped() || !response.dragged() {
        drafts.drag = None;
    }
    Some((result.0.min(result.1), result.0.max(result.1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_marked_from_the_first_after_the_start_with_years_at_january() {
        let marks = month_starts(day_of("2024-11-15").unwrap(), day_of("2025-03-02").unwrap());
        let names: Vec<&str> = marks.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(names, ["Dec", "2025", "Feb", "Mar"]);
        let axis = Axis {
            rect: Rect::from_min_size(Pos2::ZERO, vec2(100.0, 10.0)),
            first: 0,
            last: 100,
        };
        assert_eq!(axis.day(axis.x(37)), 37);
    }
}
