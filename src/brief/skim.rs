//! A first, cheap pass over a brief's JSON, before it is parsed for real:
//! its format tag, and how many positions each place's area has, read
//! without building anything. A future version then gets a clear message
//! rather than a type error deep inside, and an area of a million corners
//! is refused in the time it takes to read it, not to build it three times
//! over (serde's buffering, the GeoJSON value, the geometry).

use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, SeqAccess, Visitor};

#[derive(Deserialize)]
pub(super) struct Skim {
    pub format: Option<serde_json::Value>,
    #[serde(default)]
    pub places: Vec<PlaceSkim>,
}

#[derive(Deserialize)]
pub(super) struct PlaceSkim {
    #[serde(default)]
    pub geometry: Option<GeometrySkim>,
}

#[derive(Deserialize)]
pub(super) struct GeometrySkim {
    #[serde(default)]
    pub coordinates: Positions,
}

/// The positions of a geometry's coordinates: the lengths of its rings
/// added up (a point's numbers count none).
#[derive(Default)]
pub(super) struct Positions(pub usize);

impl<'de> Deserialize<'de> for Positions {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CountVisitor { rings: true })
            .map(Positions)
    }
}

/// A ring's length, or none for a number.
struct RingLength(usize);

impl<'de> Deserialize<'de> for RingLength {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CountVisitor { rings: false })
            .map(RingLength)
    }
}

/// Counts a sequence: the lengths of its rings (`rings`), or its elements.
struct CountVisitor {
    rings: bool,
}

impl<'de> Visitor<'de> for CountVisitor {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("coordinates")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let mut count = 0usize;
        if self.rings {
            while let Some(RingLength(n)) = seq.next_element()? {
                count = count.saturating_add(n);
            }
        } else {
            while seq.next_element::<IgnoredAny>()?.is_some() {
                count += 1;
            }
        }
        Ok(count)
    }

    fn visit_f64<E>(self, _: f64) -> Result<usize, E> {
        Ok(0)
    }

    fn visit_i64<E>(self, _: i64) -> Result<usize, E> {
        Ok(0)
    }

    fn visit_u64<E>(self, _: u64) -> Result<usize, E> {
        Ok(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_polygon_counts_the_positions_of_all_its_rings_and_a_point_none() {
        let skim: Skim = serde_json::from_str(
            r#"{"format": "geobrief/1", "article": {"x": [1, [2]]}, "places": [
                {"id": "a", "geometry": {"type": "Point", "coordinates": [1, 2]}},
                {"geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]], [[0,0],[0,0],[0,0]]]}}]}"#,
        )
        .unwrap();
        let counts: Vec<usize> = skim
            .places
            .iter()
            .map(|p| p.geometry.as_ref().map_or(0, |g| g.coordinates.0))
            .collect();
        assert_eq!(counts, vec![0, 7]);
    }
}
