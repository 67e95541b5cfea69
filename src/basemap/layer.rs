//! One context layer (1:10m countries, admin-1 divisions, counties, lakes,
//! rivers or towns) decoded from the compact binary that
//! `tools/build_context.mjs` writes under `assets/context/`. Every layer has the
//! same shape: a list of features, each with a name, a code, a parent, a
//! weight, a label point, polygons and lines. Decoding checks every count and
//! index against the bytes left, so a bad file gives an error, never a panic
//! or a huge allocation.
//!
//! # File format, version 1
//!
//! Little-endian. `varint` is an unsigned LEB128 integer of at most 32 bits;
//! `zigzag` is a varint holding a signed value (0, -1, 1, -2, ... as 0, 1, 2, 3).
//! Coordinates are in units of 1e-5 degree (about 1.1 m), x = longitude.
//! `str` is a varint byte length then UTF-8. `points` is a varint count, then
//! the first point as two zigzags (lon, lat) and every later point as its
//! difference from the one before.
//!
//! ```text
//! magic    "GBCX"             4 bytes
//! version  u32                = 1
//! layer    str                e.g. "admin1"
//! features: varint count, then per feature
//!     name     str            e.g. "Michigan"; empty for lakes
//!     code     str            e.g. ISO 3166-2 "US-MI", county FIPS "26045", "capital"
//!     parent   str            e.g. "United States of America", "Michigan", "US"
//!     weight   varint         population, importance rank or river level
//!     label    2 × zigzag     where a name goes (absolute)
//!     polygons: varint count, then per polygon
//!         rings: varint count, then `points` per ring (exterior first, then
//!                holes; open: the last vertex does not repeat the first)
//!         triangles: varint count, then 3 × zigzag per triangle, each the
//!                difference from the previous index (starting at 0), indices
//!                into the ring vertices taken one ring after another
//!     lines: varint count, then `points` per polyline
//! ```

use super::{GeoBox, LonLat, ring_crossings_are_odd};

const FORMAT_MAGIC: &[u8; 4] = b"GBCX";
const FORMAT_VERSION: u32 = 1;
const UNITS_PER_DEG: f64 = 1e5;

#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    pub name: String,
    pub features: Vec<Feature>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Feature {
    pub name: String,
    pub code: String,
    pub parent: String,
    pub weight: u32,
    pub label: LonLat,
    pub polygons: Vec<LayerPolygon>,
    pub lines: Vec<Vec<LonLat>>,
}

impl Feature {
    /// Whether `point` lies in one of the feature's polygons (even-odd rule).
    pub fn contains(&self, point: LonLat) -> bool {
        self.polygons.iter().any(|polygon| polygon.contains(point))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct LayerPolygon {
    pub rings: Vec<Vec<LonLat>>,
    /// Fill triangles over the ring vertices taken one ring after another;
    /// empty for layers that are only outlined or looked up.
    pub triangles: Vec<[u32; 3]>,
    pub bbox: GeoBox,
}

impl LayerPolygon {
    pub fn contains(&self, point: LonLat) -> bool {
        self.bbox.contains(point)
            && self
                .rings
                .iter()
                .filter(|ring| ring_crossings_are_odd(ring, point))
                .count()
                % 2
                == 1
    }

    pub fn vertices(&self) -> impl Iterator<Item = LonLat> + '_ {
        self.rings.iter().flatten().copied()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LayerError {
    #[error("not a geobrief context layer: it does not start with the bytes \"GBCX\"")]
    NotALayer,
    #[error(
        "context layer format version {found} is not supported; this build reads version {FORMAT_VERSION}"
    )]
    UnsupportedVersion { found: u32 },
    #[error("the layer ends early: {what} at byte {offset}")]
    Truncated { what: &'static str, offset: usize },
    #[error(
        "{what} at byte {offset} claims {count} items, more than the {available} bytes left could hold"
    )]
    CountTooLarge {
        what: &'static str,
        offset: usize,
        count: u32,
        available: usize,
    },
    #[error("the number at byte {offset} ({what}) is longer than 32 bits")]
    VarintTooLong { what: &'static str, offset: usize },
    #[error("{what} at byte {offset} is not valid UTF-8")]
    InvalidUtf8 { what: &'static str, offset: usize },
    #[error("{what} at byte {offset} lies off the globe: ({lon_units}, {lat_units}) × 1e-5 degree")]
    CoordinateOutOfRange {
        what: &'static str,
        offset: usize,
        lon_units: i64,
        lat_units: i64,
    },
    #[error(
        "triangle index {index} at byte {offset} is outside the {vertex_count} vertices of its polygon"
    )]
    TriangleIndexOutOfRange {
        offset: usize,
        index: i64,
        vertex_count: usize,
    },
    #[error("{count} unexpected bytes after the end of the layer")]
    TrailingBytes { count: usize },
}

impl Layer {
    pub fn from_bytes(bytes: &[u8]) -> Result<Layer, LayerError> {
        let mut reader = Reader { bytes, offset: 0 };
        if bytes.get(..4) != Some(FORMAT_MAGIC.as_slice()) {
            return Err(LayerError::NotALayer);
        }
        reader.offset = 4;
        let version = u32::from_le_bytes(reader.array("format version")?);
        if version != FORMAT_VERSION {
            return Err(LayerError::UnsupportedVersion { found: version });
        }
        let name = reader.str("layer name")?;
        // A feature takes at least 9 bytes (3 empty strings, weight, label, 2 counts).
        let count = reader.count("feature count", 8)?;
        let features = (0..count)
            .map(|_| reader.feature())
            .collect::<Result<_, _>>()?;
        if reader.offset != bytes.len() {
            return Err(LayerError::TrailingBytes {
                count: bytes.len() - reader.offset,
            });
        }
        Ok(Layer { name, features })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    offset: usize,
}

impl Reader<'_> {
    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], LayerError> {
        let slice = self
            .bytes
            .get(self.offset..self.offset + N)
            .ok_or(LayerError::Truncated {
                what,
                offset: self.offset,
            })?;
        let mut array = [0; N];
        array.copy_from_slice(slice);
        self.offset += N;
        Ok(array)
    }

    fn varint(&mut self, what: &'static str) -> Result<u32, LayerError> {
        let start = self.offset;
        let mut value: u64 = 0;
        for shift in (0..35).step_by(7) {
            let Some(&byte) = self.bytes.get(self.offset) else {
                return Err(LayerError::Truncated {
                    what,
                    offset: start,
                });
            };
            self.offset += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return u32::try_from(value).map_err(|_| LayerError::VarintTooLong {
                    what,
                    offset: start,
                });
            }
        }
        Err(LayerError::VarintTooLong {
            what,
            offset: start,
        })
    }

    fn zigzag(&mut self, what: &'static str) -> Result<i64, LayerError> {
        let raw = i64::from(self.varint(what)?);
        Ok((raw >> 1) ^ -(raw & 1))
    }

    /// A count of items that each take at least `min_item_bytes`, rejected
    /// at once if the rest of the file could not hold them.
    fn count(&mut self, what: &'static str, min_item_bytes: usize) -> Result<usize, LayerError> {
        let offset = self.offset;
        let count = self.varint(what)?;
        let available = self.bytes.len() - self.offset;
        if count as usize > available / min_item_bytes.max(1) {
            return Err(LayerError::CountTooLarge {
                what,
                offset,
                count,
                available,
            });
        }
        Ok(count as usize)
    }

    fn str(&mut self, what: &'static str) -> Result<String, LayerError> {
        let len = self.count(what, 1)?;
        let offset = self.offset;
        let bytes = &self.bytes[offset..offset + len];
        self.offset += len;
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| LayerError::InvalidUtf8 { what, offset })
    }

    fn lon_lat(&mut self, what: &'static str, lon: i64, lat: i64) -> Result<LonLat, LayerError> {
        if lon.abs() > 180 * 100_000 || lat.abs() > 90 * 100_000 {
            return Err(LayerError::CoordinateOutOfRange {
                what,
                offset: self.offset,
                lon_units: lon,
                lat_units: lat,
            });
        }
        Ok(LonLat::new(
            lon as f64 / UNITS_PER_DEG,
            lat as f64 / UNITS_PER_DEG,
        ))
    }

    fn points(&mut self, what: &'static str) -> Result<Vec<LonLat>, LayerError> {
        let count = self.count(what, 2)?;
        let mut points = Vec::with_capacity(count);
        let (mut lon, mut lat) = (0i64, 0i64);
        for _ in 0..count {
            lon += self.zigzag(what)?;
            lat += self.zigzag(what)?;
            points.push(self.lon_lat(what, lon, lat)?);
        }
        Ok(points)
    }

    fn feature(&mut self) -> Result<Feature, LayerError> {
        let name = self.str("feature name")?;
        let code = self.str("feature code")?;
        let parent = self.str("feature parent")?;
        let weight = self.varint("feature weight")?;
        let (lon, lat) = (self.zigzag("label")?, self.zigzag("label")?);
        let label = self.lon_lat("label", lon, lat)?;
        let polygon_count = self.count("polygon count", 2)?;
        let polygons = (0..polygon_count)
            .map(|_| self.polygon())
            .collect::<Result<_, _>>()?;
        let line_count = self.count("line count", 1)?;
        let lines = (0..line_count)
            .map(|_| self.points("line"))
            .collect::<Result<_, _>>()?;
        Ok(Feature {
            name,
            code,
            parent,
            weight,
            label,
            polygons,
            lines,
        })
    }

    fn polygon(&mut self) -> Result<LayerPolygon, LayerError> {
        let ring_count = self.count("ring count", 1)?;
        let rings: Vec<Vec<LonLat>> = (0..ring_count)
            .map(|_| self.points("ring"))
            .collect::<Result<_, _>>()?;
        let vertex_count: usize = rings.iter().map(Vec::len).sum();
        let triangle_count = self.count("triangle count", 3)?;
        let mut triangles = Vec::with_capacity(triangle_count);
        let mut index = 0i64;
        for _ in 0..triangle_count {
            let mut corners = [0u32; 3];
            for corner in &mut corners {
                let offset = self.offset;
                index += self.zigzag("triangle index")?;
                if index < 0 || index as usize >= vertex_count {
                    return Err(LayerError::TriangleIndexOutOfRange {
                        offset,
                        index,
                        vertex_count,
                    });
                }
                *corner = index as u32;
            }
            triangles.push(corners);
        }
        let bbox = bounding_box(rings.first().map_or(&[][..], Vec::as_slice));
        Ok(LayerPolygon {
            rings,
            triangles,
            bbox,
        })
    }
}

/// The box around some points; an empty list gives an empty box at (0, 0).
pub fn bounding_box(points: &[LonLat]) -> GeoBox {
    let mut min = LonLat::new(f64::MAX, f64::MAX);
    let mut max = LonLat::new(f64::MIN, f64::MIN);
    for p in points {
        min = LonLat::new(min.lon_deg.min(p.lon_deg), min.lat_deg.min(p.lat_deg));
        max = LonLat::new(max.lon_deg.max(p.lon_deg), max.lat_deg.max(p.lat_deg));
    }
    if points.is_empty() {
        let origin = LonLat::new(0.0, 0.0);
        return GeoBox {
            min: origin,
            max: origin,
        };
    }
    GeoBox { min, max }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Writes a layer the way tools/build_context.mjs does, for tests.
    pub(crate) struct LayerWriter(pub Vec<u8>);

    impl LayerWriter {
        pub fn new(name: &str, feature_count: u32) -> Self {
            let mut w = LayerWriter(b"GBCX".to_vec());
            w.0.extend(FORMAT_VERSION.to_le_bytes());
            w.str(name);
            w.varint(feature_count);
            w
        }
        pub fn varint(&mut self, mut value: u32) {
            while value >= 0x80 {
                self.0.push((value as u8 & 0x7f) | 0x80);
                value >>= 7;
            }
            self.0.push(value as u8);
        }
        pub fn zigzag(&mut self, value: i64) {
            self.varint(((value << 1) ^ (value >> 63)) as u32);
        }
        pub fn str(&mut self, text: &str) {
            self.varint(text.len() as u32);
            self.0.extend(text.as_bytes());
        }
        pub fn points(&mut self, points: &[(i64, i64)]) {
            self.varint(points.len() as u32);
            let mut prev = (0, 0);
            for &p in points {
                self.zigzag(p.0 - prev.0);
                self.zigzag(p.1 - prev.1);
                prev = p;
            }
        }
    }

    /// A layer of one square feature, 0..1 degree on both axes, filled with
    /// two triangles.
    fn square_layer(triangles: &[i64]) -> Vec<u8> {
        let mut w = LayerWriter::new("test", 1);
        w.str("Square");
        w.str("SQ");
        w.str("Nowhere");
        w.varint(7);
        w.zigzag(50_000);
        w.zigzag(50_000);
        w.varint(1); // polygons
        w.varint(1); // rings
        w.points(&[(0, 0), (100_000, 0), (100_000, 100_000), (0, 100_000)]);
        w.varint(triangles.len() as u32 / 3);
        let mut prev = 0;
        for &t in triangles {
            w.zigzag(t - prev);
            prev = t;
        }
        w.varint(1); // lines
        w.points(&[(-100, -100), (200, 300)]);
        w.0
    }

    #[test]
    fn a_hand_made_layer_decodes_to_its_square() {
        let layer = Layer::from_bytes(&square_layer(&[0, 1, 2, 0, 2, 3])).expect("decodes");
        assert_eq!(layer.name, "test");
        let square = &layer.features[0];
        assert_eq!(
            (
                square.name.as_str(),
                square.code.as_str(),
                square.parent.as_str()
            ),
            ("Square", "SQ", "Nowhere")
        );
        assert_eq!(square.weight, 7);
        assert_eq!(square.label, LonLat::new(0.5, 0.5));
        assert_eq!(square.polygons[0].triangles, vec![[0, 1, 2], [0, 2, 3]]);
        assert_eq!(
            square.lines[0],
            vec![LonLat::new(-0.001, -0.001), LonLat::new(0.002, 0.003)]
        );
        assert!(square.contains(LonLat::new(0.25, 0.75)));
        assert!(!square.contains(LonLat::new(1.25, 0.75)));
    }

    #[test]
    fn every_truncation_of_a_layer_is_an_error_not_a_panic() {
        let bytes = square_layer(&[0, 1, 2]);
        for len in 0..bytes.len() {
            assert!(Layer::from_bytes(&bytes[..len]).is_err(), "{len} bytes");
        }
    }

    #[test]
    fn garbage_is_rejected_with_a_reason() {
        assert_eq!(
            Layer::from_bytes(b"GBMP\x01\x00\x00\x00"),
            Err(LayerError::NotALayer)
        );
        let mut newer = square_layer(&[0, 1, 2]);
        newer[4] = 9;
        assert_eq!(
            Layer::from_bytes(&newer),
            Err(LayerError::UnsupportedVersion { found: 9 })
        );
        let mut huge = LayerWriter::new("test", u32::MAX);
        huge.0.extend([0; 16]);
        assert!(matches!(
            Layer::from_bytes(&huge.0),
            Err(LayerError::CountTooLarge { .. })
        ));
        let mut trailing = square_layer(&[0, 1, 2]);
        trailing.push(0);
        assert_eq!(
            Layer::from_bytes(&trailing),
            Err(LayerError::TrailingBytes { count: 1 })
        );
        let mut endless = LayerWriter::new("test", 1).0;
        endless.extend([0xff; 12]);
        assert!(matches!(
            Layer::from_bytes(&endless),
            Err(LayerError::VarintTooLong { .. })
        ));
    }

    #[test]
    fn a_triangle_index_outside_its_polygon_is_rejected() {
        let result = Layer::from_bytes(&square_layer(&[0, 1, 4]));
        assert!(matches!(
            result,
            Err(LayerError::TriangleIndexOutOfRange {
                index: 4,
                vertex_count: 4,
                ..
            })
        ));
        let result = Layer::from_bytes(&square_layer(&[0, -1, 2]));
        assert!(matches!(
            result,
            Err(LayerError::TriangleIndexOutOfRange { index: -1, .. })
        ));
    }

    #[test]
    fn a_point_off_the_globe_is_rejected() {
        let mut w = LayerWriter::new("test", 1);
        for _ in 0..3 {
            w.str("");
        }
        w.varint(0);
        w.zigzag(19_000_000);
        w.zigzag(0);
        w.varint(0);
        w.varint(0);
        assert!(matches!(
            Layer::from_bytes(&w.0),
            Err(LayerError::CoordinateOutOfRange {
                lon_units: 19_000_000,
                ..
            })
        ));
    }
}
