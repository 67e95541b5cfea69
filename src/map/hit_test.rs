//! Which place is under the pointer. Markers win over labels, labels over
//! areas, and among markers the nearest wins, so a small base next to a big
//! region can always be picked.

use super::{ScreenPos, ScreenRect};

/// Something drawn on the map that selects a place when clicked.
#[derive(Clone, Debug, PartialEq)]
pub enum HitShape {
    Marker {
        place: usize,
        center: ScreenPos,
        radius: f64,
    },
    Label {
        place: usize,
        rect: ScreenRect,
    },
    /// A polygon's exterior ring on screen (closing point optional).
    Area {
        place: usize,
        ring: Vec<ScreenPos>,
    },
}

impl HitShape {
    /// The same shape moved by `(dx, dy)` screen points (the map panned).
    pub fn translated(&self, dx: f64, dy: f64) -> Self {
        let moved = |p: &ScreenPos| ScreenPos::new(p.x + dx, p.y + dy);
        match self {
            HitShape::Marker {
                place,
                center,
                radius,
            } => HitShape::Marker {
                place: *place,
                center: moved(center),
                radius: *radius,
            },
            HitShape::Label { place, rect } => HitShape::Label {
                place: *place,
                rect: ScreenRect {
                    min: moved(&rect.min),
                    max: moved(&rect.max),
                },
            },
            HitShape::Area { place, ring } => HitShape::Area {
                place: *place,
                ring: ring.iter().map(moved).collect(),
            },
        }
    }
}

/// Extra points around a marker that still count as a hit, for fingers and
/// tired hands.
pub const MARKER_SLOP: f64 = 4.0;

pub fn hit_test_places(shapes: &[HitShape], pos: ScreenPos) -> Option<usize> {
    let nearest_marker = shapes
        .iter()
        .filter_map(|s| match s {
            HitShape::Marker {
                place,
                center,
                radius,
            } => {
                let d = center.distance(pos);
                (d <= radius + MARKER_SLOP).then_some((*place, d))
            }
            _ => None,
        })
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((place, _)) = nearest_marker {
        return Some(place);
    }
    let label = shapes.iter().find_map(|s| match s {
        HitShape::Label { place, rect } if rect.contains(pos) => Some(*place),
        _ => None,
    });
    label.or_else(|| {
        shapes.iter().find_map(|s| match s {
            HitShape::Area { place, ring } if ring_contains(ring, pos) => Some(*place),
            _ => None,
        })
    })
}

/// Even-odd point-in-polygon test.
pub fn ring_contains(ring: &[ScreenPos], p: ScreenPos) -> bool {
    let mut inside = false;
    let n = ring.len();
    for i in 0..n {
        let a = ring[i];
        let b = ring[(i + n - 1) % n];
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panned_shape_is_hit_where_it_moved_to_and_not_where_it_was() {
        let shapes = [
            HitShape::Marker {
                place: 0,
                center: ScreenPos::new(100.0, 100.0),
                radius: 6.0,
            },
            HitShape::Area {
                place: 1,
                ring: vec![
                    ScreenPos::new(300.0, 300.0),
                    ScreenPos::new(340.0, 300.0),
                    ScreenPos::new(340.0, 340.0),
                    ScreenPos::new(300.0, 340.0),
                ],
            },
        ];
        let moved: Vec<HitShape> = shapes.iter().map(|s| s.translated(50.0, -20.0)).collect();
        assert_eq!(
            hit_test_places(&moved, ScreenPos::new(150.0, 80.0)),
            Some(0)
        );
        assert_eq!(hit_test_places(&moved, ScreenPos::new(100.0, 100.0)), None);
        assert_eq!(
            hit_test_places(&moved, ScreenPos::new(370.0, 300.0)),
            Some(1)
        );
        assert_eq!(hit_test_places(&moved, ScreenPos::new(310.0, 330.0)), None);
    }

    fn square(place: usize) -> HitShape {
        HitShape::Area {
            place,
            ring: vec![
                ScreenPos::new(0.0, 0.0),
                ScreenPos::new(100.0, 0.0),
                ScreenPos::new(100.0, 100.0),
                ScreenPos::new(0.0, 100.0),
            ],
        }
    }

    fn marker(place: usize, x: f64, y: f64) -> HitShape {
        HitShape::Marker {
            place,
            center: ScreenPos::new(x, y),
            radius: 6.0,
        }
    }

    #[test]
    fn a_click_inside_an_area_selects_it() {
        assert_eq!(
            hit_test_places(&[square(3)], ScreenPos::new(50.0, 50.0)),
            Some(3)
        );
        assert_eq!(
            hit_test_places(&[square(3)], ScreenPos::new(150.0, 50.0)),
            None
        );
    }

    #[test]
    fn a_marker_inside_an_area_wins_over_the_area() {
        let shapes = [square(0), marker(1, 50.0, 50.0)];
        assert_eq!(
            hit_test_places(&shapes, ScreenPos::new(52.0, 51.0)),
            Some(1)
        );
    }

    #[test]
    fn of_two_close_markers_the_nearer_one_is_hit() {
        let shapes = [marker(0, 10.0, 10.0), marker(1, 22.0, 10.0)];
        assert_eq!(
            hit_test_places(&shapes, ScreenPos::new(14.0, 10.0)),
            Some(0)
        );
        assert_eq!(
            hit_test_places(&shapes, ScreenPos::new(18.0, 10.0)),
            Some(1)
        );
    }

    #[test]
    fn a_click_on_a_label_selects_its_place() {
        let rect = ScreenRect::from_center_size(ScreenPos::new(200.0, 200.0), 60.0, 14.0);
        let shapes = [HitShape::Label { place: 7, rect }];
        assert_eq!(
            hit_test_places(&shapes, ScreenPos::new(225.0, 203.0)),
            Some(7)
        );
    }
}
