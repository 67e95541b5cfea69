//! Label placement: each label tries a few spots around its anchor and takes
//! the first that overlaps neither a placed label nor a marker; the less
//! important label gives way, and a label with no free spot is hidden.

use super::{ScreenPos, ScreenRect};

/// A label to place: its anchor, its text size, how far from the anchor it
/// must stay (a marker's radius) and its rank (lower is more important).
#[derive(Clone, Debug)]
pub struct LabelRequest {
    pub anchor: ScreenPos,
    pub width: f64,
    pub height: f64,
    pub gap: f64,
    pub rank: u32,
    /// Centred on the anchor instead of beside it (areas, seas, regions).
    pub centered: bool,
}

/// Places labels; the result has one entry per request, `None` when hidden.
pub fn place_labels(
    requests: &[LabelRequest],
    obstacles: &[ScreenRect],
    bounds: &ScreenRect,
) -> Vec<Option<ScreenRect>> {
    let mut order: Vec<usize> = (0..requests.len()).collect();
    order.sort_by_key(|&i| requests[i].rank);
    let mut placed: Vec<ScreenRect> = Vec::new();
    let mut result = vec![None; requests.len()];
    for i in order {
        let spot = candidates(&requests[i]).into_iter().find(|rect| {
            bounds_contains(bounds, rect)
                && !placed.iter().any(|p| p.intersects(rect))
                && !obstacles.iter().any(|o| o.intersects(rect))
        });
        if let Some(rect) = spot {
            placed.push(rect);
            result[i] = Some(rect);
        }
    }
    result
}

fn bounds_contains(bounds: &ScreenRect, rect: &ScreenRect) -> bool {
    bounds.contains(rect.min) && bounds.contains(rect.max)
}

fn candidates(r: &LabelRequest) -> Vec<ScreenRect> {
    let (w, h, g) = (r.width, r.height, r.gap);
    let a = r.anchor;
    let at = |cx: f64, cy: f64| ScreenRect::from_center_size(ScreenPos::new(cx, cy), w, h);
    if r.centered {
        return vec![at(a.x, a.y), at(a.x, a.y - h), at(a.x, a.y + h)];
    }
    vec![
        at(a.x + g + w / 2.0, a.y),     // right
        at(a.x - g - w / 2.0, a.y),     // left
        at(a.x, a.y - g - h / 2.0),     // above
        at(a.x, a.y + g + h / 2.0),     // below
        at(a.x + g + w / 2.0, a.y - h), // upper right
        at(a.x - g - w / 2.0, a.y + h), // lower left
        at(a.x + g + w / 2.0, a.y + h), // lower right
        at(a.x - g - w / 2.0, a.y - h), // upper left
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(x: f64, y: f64, rank: u32) -> LabelRequest {
        LabelRequest {
            anchor: ScreenPos::new(x, y),
            width: 60.0,
            height: 14.0,
            gap: 8.0,
            rank,
            centered: false,
        }
    }

    fn bounds() -> ScreenRect {
        ScreenRect {
            min: ScreenPos::new(0.0, 0.0),
            max: ScreenPos::new(500.0, 500.0),
        }
    }

    #[test]
    fn placed_labels_never_overlap_each_other() {
        let requests: Vec<_> = (0..6)
            .map(|i| request(200.0 + i as f64 * 5.0, 200.0, i))
            .collect();
        let placed: Vec<_> = place_labels(&requests, &[], &bounds())
            .into_iter()
            .flatten()
            .collect();
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!a.intersects(b), "{a:?} overlaps {b:?}");
            }
        }
        assert!(placed.len() >= 4, "only {} of 6 placed", placed.len());
    }

    #[test]
    fn the_less_important_label_gives_way() {
        let requests = vec![request(200.0, 200.0, 5), request(200.0, 200.0, 1)];
        let obstacles = [ScreenRect::from_center_size(
            ScreenPos::new(200.0, 200.0),
            400.0,
            10.0,
        )];
        // Only the spots above and below are free: the important one gets "above".
        let placed = place_labels(&requests, &obstacles, &bounds());
        assert!(placed[1].is_some());
        assert!(placed[1].unwrap().max.y < 200.0);
    }

    #[test]
    fn a_label_does_not_cover_a_marker() {
        let marker = ScreenRect::from_center_size(ScreenPos::new(240.0, 200.0), 12.0, 12.0);
        let placed = place_labels(&[request(200.0, 200.0, 0)], &[marker], &bounds());
        assert!(!placed[0].unwrap().intersects(&marker));
    }

    #[test]
    fn a_label_that_would_leave_the_map_goes_to_the_other_side() {
        let placed = place_labels(&[request(480.0, 200.0, 0)], &[], &bounds());
        assert!(placed[0].unwrap().max.x < 480.0);
    }
}
