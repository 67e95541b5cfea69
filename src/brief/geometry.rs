//! A place's geometry: read from GeoJSON with every fault named by its JSON
//! path, checked again when an edit brings a new one, and written back.
//! A brief holds a `Point` or a `Polygon`; x = longitude, y = latitude.

use geo_types::{Coord, Geometry, LineString, Point, Polygon};
use geojson::GeometryValue;

use super::BriefError;
use super::load::MAX_POSITIONS_PER_PLACE;

/// The geometry of a GeoJSON value, or `None` with the faults pushed.
pub(super) fn geometry_from_geojson(
    value: &GeometryValue,
    at: &str,
    errors: &mut Vec<BriefError>,
) -> Option<Geometry<f64>> {
    match value {
        GeometryValue::Point { coordinates } => {
            coord_from_position(coordinates, || format!("{at}.coordinates"), errors)
                .map(|c| Geometry::Point(Point(c)))
        }
        GeometryValue::Polygon { coordinates } => {
            let positions: usize = coordinates.iter().map(Vec::len).sum();
            if positions > MAX_POSITIONS_PER_PLACE {
                // Refused before any position is looked at: the work of
                // checking (and later drawing) it is what the limit bounds.
                errors.push(BriefError::TooManyPositions {
                    at: format!("{at}.coordinates"),
                    count: positions,
                    limit: MAX_POSITIONS_PER_PLACE,
                });
                return None;
            }
            let before = errors.len();
            let rings: Vec<LineString<f64>> = coordinates
                .iter()
                .enumerate()
                .map(|(r, ring)| {
                    let ring_at = || format!("{at}.coordinates[{r}]");
                    check_ring_shape(ring.len(), ring.first() == ring.last(), &ring_at(), errors);
                    ring.iter()
                        .enumerate()
                        .filter_map(|(k, pos)| {
                            coord_from_position(pos, || format!("{}[{k}]", ring_at()), errors)
                        })
                        .collect()
                })
                .collect();
            if rings.is_empty() {
                errors.push(BriefError::RingTooShort {
                    at: format!("{at}.coordinates"),
                    count: 0,
                });
            }
            if errors.len() > before {
                return None;
            }
            let mut rings = rings.into_iter();
            let exterior = rings.next()?;
            Some(Geometry::Polygon(Polygon::new(exterior, rings.collect())))
        }
        other => {
            errors.push(BriefError::UnsupportedGeometry {
                at: at.to_string(),
                found: other.type_name().to_string(),
            });
            None
        }
    }
}

fn check_ring_shape(len: usize, closed: bool, at: &str, errors: &mut Vec<BriefError>) {
    if len < 4 {
        errors.push(BriefError::RingTooShort {
            at: at.to_string(),
            count: len,
        });
    } else if !closed {
        errors.push(BriefError::UnclosedRing { at: at.to_string() });
    }
}

/// `at` makes the JSON path, only when there is a fault to name (a ring
/// has many positions and most are fine).
fn coord_from_position(
    position: &geojson::Position,
    at: impl Fn() -> String,
    errors: &mut Vec<BriefError>,
) -> Option<Coord<f64>> {
    let numbers: &[f64] = position.as_slice();
    let &[x, y, ..] = numbers else {
        errors.push(BriefError::BadPosition {
            at: at(),
            count: numbers.len(),
        });
        return None;
    };
    let coord = Coord { x, y };
    if coord_is_valid(coord) {
        return Some(coord);
    }
    check_coord(coord, &at(), errors);
    None
}

fn coord_is_valid(c: Coord<f64>) -> bool {
    c.x.is_finite()
        && c.y.is_finite()
        && (-180.0..=180.0).contains(&c.x)
        && (-90.0..=90.0).contains(&c.y)
}

/// GeoJSON order: longitude first, then latitude.
fn check_coord(c: Coord<f64>, at: &str, errors: &mut Vec<BriefError>) -> bool {
    const AXES: [(&str, f64, &str); 2] = [
        ("longitude", 180.0, "a number from -180 to 180"),
        ("latitude", 90.0, "a number from -90 to 90"),
    ];
    let mut ok = true;
    for (k, (axis, limit, expected)) in AXES.into_iter().enumerate() {
        let value = if k == 0 { c.x } else { c.y };
        if !(value.is_finite() && (-limit..=limit).contains(&value)) {
            errors.push(BriefError::CoordinateOutOfRange {
                at: format!("{at}[{k}]"),
                axis,
                found: value,
                expected,
            });
            ok = false;
        }
    }
    ok
}

/// The faults of a geometry an edit or an import brings (the same rules as
/// loading).
pub fn check_geometry(geometry: &Geometry<f64>, at: &str) -> Vec<BriefError> {
    let mut errors = Vec::new();
    if let Geometry::Polygon(poly) = geometry {
        let positions =
            poly.exterior().0.len() + poly.interiors().iter().map(|r| r.0.len()).sum::<usize>();
        if positions > MAX_POSITIONS_PER_PLACE {
            errors.push(BriefError::TooManyPositions {
                at: format!("{at}.coordinates"),
                count: positions,
                limit: MAX_POSITIONS_PER_PLACE,
            });
            return errors;
        }
    }
    match geometry {
        Geometry::Point(p) => {
            check_coord(p.0, &format!("{at}.coordinates"), &mut errors);
        }
        Geometry::Polygon(poly) => {
            let rings = std::iter::once(poly.exterior()).chain(poly.interiors());
            for (r, ring) in rings.enumerate() {
                let ring_at = format!("{at}.coordinates[{r}]");
                let coords = &ring.0;
                check_ring_shape(
                    coords.len(),
                    coords.first() == coords.last(),
                    &ring_at,
                    &mut errors,
                );
                for (k, c) in coords.iter().enumerate() {
                    check_coord(*c, &format!("{ring_at}[{k}]"), &mut errors);
                }
            }
        }
        _ => errors.push(BriefError::UnsupportedGeometry {
            at: at.to_string(),
            found: "another geometry".into(),
        }),
    }
    errors
}

/// Pairs of segments compared, at most, when looking for a ring that
/// crosses itself. Real areas come nowhere near it; a hostile ring whose
/// segments all overlap in x is not checked past it.
const CROSSING_PAIRS_BUDGET: usize = 20_000_000;

/// The first two segments of `ring` found to cross (by the index of their
/// first position), if any. Segments that share a corner do not count, nor
/// do segments that only touch or lie on one line. A sweep over x: each
/// segment is compared only with those whose x extent overlaps its own.
pub fn ring_crossing(ring: &[Coord<f64>]) -> Option<(usize, usize)> {
    let n = ring.len().checked_sub(1)?; // segments; the ring is closed
    let x_range = |i: usize| {
        let (a, b) = (ring[i].x, ring[i + 1].x);
        (a.min(b), a.max(b))
    };
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| x_range(i).0.total_cmp(&x_range(j).0));
    let mut pairs = 0usize;
    for (k, &i) in order.iter().enumerate() {
        let (_, right) = x_range(i);
        for &j in &order[k + 1..] {
            if x_range(j).0 > right {
                break;
            }
            pairs += 1;
            if pairs > CROSSING_PAIRS_BUDGET {
                return None;
            }
            let adjacent = i.abs_diff(j) == 1 || i.abs_diff(j) == n - 1;
            if !adjacent && segments_cross(ring[i], ring[i + 1], ring[j], ring[j + 1]) {
                return Some((i.min(j), i.max(j)));
            }
        }
    }
    None
}

/// The first side of `ring` (by the index of its first position) that
/// spans more than 180° of longitude, with its span. GeoJSON takes such a
/// side the long way round (RFC 7946 asks that an area across the 180th
/// meridian be cut in two there), so the ring is drawn as a band round the
/// world: meant or not, a reader should be told.
pub fn ring_side_across_the_antimeridian(ring: &[Coord<f64>]) -> Option<(usize, f64)> {
    ring.windows(2)
        .map(|w| (w[1].x - w[0].x).abs())
        .enumerate()
        .find(|&(_, span)| span > 180.0)
}

/// True when segments ab and cd cross at a point inside both.
fn segments_cross(a: Coord<f64>, b: Coord<f64>, c: Coord<f64>, d: Coord<f64>) -> bool {
    let side = |p: Coord<f64>, q: Coord<f64>, r: Coord<f64>| {
        ((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)).signum()
    };
    let (d1, d2) = (side(a, b, c), side(a, b, d));
    let (d3, d4) = (side(c, d, a), side(c, d, b));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// The GeoJSON form of a brief's geometry, rings as they are.
pub(super) fn geojson_from_geometry(geometry: &Geometry<f64>) -> geojson::Geometry {
    let ring = |ls: &LineString<f64>| -> Vec<geojson::Position> {
        ls.coords().map(|c| vec![c.x, c.y].into()).collect()
    };
    let value = match geometry {
        Geometry::Polygon(poly) => GeometryValue::Polygon {
            coordinates: std::iter::once(poly.exterior())
                .chain(poly.interiors())
                .map(ring)
                .collect(),
        },
        Geometry::Point(p) => GeometryValue::new_point([p.x(), p.y()]),
        // A brief holds nothing else (loading and edits refuse it).
        _ => GeometryValue::new_point([0.0, 0.0]),
    };
    geojson::Geometry::new(value)
}

/// Twice the signed area of a ring in degrees² (the shoelace formula):
/// positive when the ring runs counter-clockwise with x east and y north.
pub fn signed_area(ring: &[Coord<f64>]) -> f64 {
    ring.windows(2)
        .map(|w| w[0].x * w[1].y - w[1].x * w[0].y)
        .sum::<f64>()
        + ring
            .last()
            .zip(ring.first())
            .map_or(0.0, |(a, b)| a.x * b.y - b.x * a.y)
}

/// RFC 7946's right-hand rule asks exterior rings to run counter-clockwise.
pub fn ring_is_counter_clockwise(ring: &[Coord<f64>]) -> bool {
    signed_area(ring) > 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(clockwise: bool) -> Vec<Coord<f64>> {
        let mut c = vec![
            Coord { x: 0.0, y: 0.0 },
            Coord { x: 1.0, y: 0.0 },
            Coord { x: 1.0, y: 1.0 },
            Coord { x: 0.0, y: 1.0 },
            Coord { x: 0.0, y: 0.0 },
        ];
        if clockwise {
            c.reverse();
        }
        c
    }

    #[test]
    fn a_bow_tie_crosses_itself_and_a_square_does_not() {
        assert_eq!(ring_crossing(&square(false)), None);
        let bow_tie = [(0.0, 0.0), (1.0, 1.0), (1.0, 0.0), (0.0, 1.0), (0.0, 0.0)]
            .map(|(x, y)| Coord { x, y });
        assert_eq!(ring_crossing(&bow_tie), Some((0, 2)));
        assert_eq!(ring_side_across_the_antimeridian(&bow_tie), None);
        let fiji: Vec<Coord<f64>> = [
            (177.0, -16.0),
            (-179.0, -16.0),
            (-179.0, -18.0),
            (177.0, -18.0),
            (177.0, -16.0),
        ]
        .into_iter()
        .map(|(x, y)| Coord { x, y })
        .collect();
        assert_eq!(ring_side_across_the_antimeridian(&fiji), Some((0, 356.0)));
    }

    #[test]
    fn a_long_ring_is_checked_for_crossings_quickly() {
        // A circle of 100,000 corners: the sweep compares neighbours only.
        let n = 100_000;
        let mut ring: Vec<Coord<f64>> = (0..n)
            .map(|k| {
                let t = k as f64 / n as f64 * std::f64::consts::TAU;
                Coord {
                    x: 10.0 * t.cos(),
                    y: 10.0 * t.sin(),
                }
            })
            .collect();
        ring.push(ring[0]);
        let started = std::time::Instant::now();
        assert_eq!(ring_crossing(&ring), None);
        assert!(
            started.elapsed().as_secs_f64() < 1.0,
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn a_counter_clockwise_ring_has_a_positive_area() {
        assert!(ring_is_counter_clockwise(&square(false)));
        assert!(!ring_is_counter_clockwise(&square(true)));
        assert!((signed_area(&square(false)) - 2.0).abs() < 1e-12);
    }

    #[test]
    fn an_edit_cannot_bring_a_latitude_past_the_pole_or_a_ring_of_two_corners() {
        let mut ring = square(false);
        ring[2] = Coord { x: 0.5, y: 95.0 };
        let poly = Geometry::Polygon(Polygon::new(LineString(ring), vec![]));
        let errors = check_geometry(&poly, "places[0].geometry");
        assert!(
            matches!(
                errors.as_slice(),
                [BriefError::CoordinateOutOfRange {
                    axis: "latitude",
                    ..
                }]
            ),
            "{errors:?}"
        );
        let sliver = LineString(vec![Coord { x: 0.0, y: 0.0 }, Coord { x: 1.0, y: 0.0 }]);
        let errors = check_geometry(&Geometry::Polygon(Polygon::new(sliver, vec![])), "g");
        assert!(
            errors
                .iter()
                .any(|e| matches!(e, BriefError::RingTooShort { .. })),
            "{errors:?}"
        );
    }
}
