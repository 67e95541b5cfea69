//! The offline world map under every brief: country shapes, borders, coastlines
//! and sea labels from Natural Earth's 1:50m admin-0 countries, read from the
//! compact binary `assets/basemap.bin` that `tools/build_basemap.sh` writes. This
//! module decodes that file, never panicking on bad bytes, and answers which
//! country holds a point. It knows nothing of drawing.
//!
//! All positions are WGS84 degrees with x = longitude (east positive) and
//! y = latitude (north positive). Every polygon and line lies within longitude
//! [-180, 180]: the build script cuts shapes that cross the antimeridian and closes
//! Antarctica along the South Pole, so they can be filled in a flat projection.
//!
//! # File format, version 1
//!
//! Little-endian throughout. A coordinate is an `i32` pair (longitude, latitude)
//! in micro-degrees (1e-6 degree, about 0.1 m). `str` is a `u16` byte length then
//! UTF-8. `points` is a `u32` count then that many coordinates.
//!
//! ```text
//! magic    "GBMP"             4 bytes
//! version  u32                = 1
//! countries: u32 count, then per country
//!     name     str            Natural Earth's short name, e.g. "Syria"
//!     id       str            ISO 3166-1 numeric code, e.g. "760"; empty when missing
//!     bbox     4 × i32        min lon, min lat, max lon, max lat
//!     label    coordinate     pole of inaccessibility of the largest polygon
//!     polygons: u32 count, then per polygon
//!         rings: u32 count, then `points` per ring; the exterior first, then
//!                holes; rings are open (the last vertex does not repeat the first)
//!         triangles: u32 count, then 3 × u16 per triangle, indices into the
//!                ring vertices taken one ring after another
//! borders     u32 count, then `points` per polyline (land borders between countries)
//! coastlines  u32 count, then `points` per polyline
//! sea labels  u32 count, then per label: name str, position coordinate
//! ```

pub mod context;
pub mod layer;

use std::sync::OnceLock;

// The crate's one position and box types live in `crate::geo`; they are
// named here too so that code written against `basemap::LonLat` still builds.
pub use crate::geo::{GeoBox, LonLat};

const FORMAT_MAGIC: &[u8; 4] = b"GBMP";
const FORMAT_VERSION: u32 = 1;
const MICRO_DEG_PER_DEG: f64 = 1e6;
const BYTES_PER_COORDINATE: usize = 8;

/// The basemap built from Natural Earth and compiled into the binary.
static EMBEDDED_BASEMAP_BYTES: &[u8] = include_bytes!("../../assets/basemap.bin");

#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// Natural Earth's short English name, e.g. "Syria", "Dem. Rep. Congo".
    pub name: String,
    /// ISO 3166-1 numeric code as a string ("760"); `None` for places without
    /// one, such as Kosovo or Somaliland.
    pub id: Option<String>,
    pub bbox: GeoBox,
    /// Where a name label fits best: the point of the largest polygon farthest
    /// from its edges.
    pub label: LonLat,
    pub polygons: Vec<CountryPolygon>,
}

impl Country {
    /// Whether `point`, with its longitude already in [-180, 180], lies on this
    /// country's land; [`Basemap::country_at`] wraps longitudes first.
    pub fn contains(&self, point: LonLat) -> bool {
        self.bbox.contains(point) && self.polygons.iter().any(|polygon| polygon.contains(point))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct CountryPolygon {
    /// The exterior ring, then any holes; each ring is implicitly closed.
    pub rings: Vec<Vec<LonLat>>,
    /// A fill of the polygon, holes left out: indices into [`Self::vertices`].
    pub triangles: Vec<[u32; 3]>,
}

impl CountryPolygon {
    /// The ring vertices one ring after another, as [`Self::triangles`] counts them.
    pub fn vertices(&self) -> impl Iterator<Item = LonLat> + '_ {
        self.rings.iter().flatten().copied()
    }

    /// Even-odd rule over all rings, so a point in a hole is outside.
    pub fn contains(&self, point: LonLat) -> bool {
        self.rings
            .iter()
            .filter(|ring| ring_crossings_are_odd(ring, point))
            .count()
            % 2
            == 1
    }
}

/// A name to set in open water, e.g. "Mediterranean Sea".
#[derive(Clone, Debug, PartialEq)]
pub struct SeaLabel {
    pub name: String,
    pub pos: LonLat,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Basemap {
    pub countries: Vec<Country>,
    /// Land borders between two countries, each drawn once.
    pub borders: Vec<Vec<LonLat>>,
    /// Outlines that no two countries share: sea coasts and the Caspian's shore.
    pub coastlines: Vec<Vec<LonLat>>,
    pub sea_labels: Vec<SeaLabel>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BasemapError {
    #[error("not a geobrief basemap: it does not start with the bytes \"GBMP\"")]
    NotABasemap,
    #[error(
        "basemap format version {found} is not supported; this build reads version {FORMAT_VERSION}"
    )]
    UnsupportedVersion { found: u32 },
    #[error(
        "the basemap ends early: {what} at byte {offset} needs {needed} bytes, {available} remain"
    )]
    Truncated {
        what: &'static str,
        offset: usize,
        needed: u64,
        available: usize,
    },
    #[error("{what} at byte {offset} is not valid UTF-8")]
    InvalidUtf8 { what: &'static str, offset: usize },
    #[error(
        "{what} at byte {offset} lies off the globe: ({lon_micro_deg}, {lat_micro_deg}) micro-degrees"
    )]
    CoordinateOutOfRange {
        what: &'static str,
        offset: usize,
        lon_micro_deg: i32,
        lat_micro_deg: i32,
    },
    #[error(
        "triangle index {index} at byte {offset} is past the {vertex_count} vertices of its polygon"
    )]
    TriangleIndexOutOfRange {
        offset: usize,
        index: u32,
        vertex_count: usize,
    },
    #[error("{count} unexpected bytes after the end of the basemap")]
    TrailingBytes { count: usize },
}

impl Basemap {
    /// The Natural Earth basemap shipped inside the binary, decoded on first use.
    pub fn embedded() -> &'static Basemap {
        static EMBEDDED: OnceLock<Basemap> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            // Our own build artefact, checked by the tests below; not user data.
            Basemap::from_bytes(EMBEDDED_BASEMAP_BYTES)
                .expect("assets/basemap.bin should decode; rebuild it with tools/build_basemap.sh")
        })
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Basemap, BasemapError> {
        let mut reader = Reader { bytes, offset: 0 };
        if reader.take(FORMAT_MAGIC.len(), "magic")? != FORMAT_MAGIC {
            return Err(BasemapError::NotABasemap);
        }
        let version = reader.u32("format version")?;
        if version != FORMAT_VERSION {
            return Err(BasemapError::UnsupportedVersion { found: version });
        }

        // Smallest encodings, so a garbage count fails before it allocates.
        const MIN_COUNTRY_BYTES: usize = 2 + 2 + 16 + BYTES_PER_COORDINATE + 4;
        let country_count = reader.count("country count", MIN_COUNTRY_BYTES)?;
        let countries = (0..country_count)
            .map(|_| reader.country())
            .collect::<Result<_, _>>()?;
        let borders = reader.polylines("border")?;
        let coastlines = reader.polylines("coastline")?;
        let sea_label_count = reader.count("sea label count", 2 + BYTES_PER_COORDINATE)?;
        let sea_labels = (0..sea_label_count)
            .map(|_| {
                Ok(SeaLabel {
                    name: reader.str("sea label name")?.to_owned(),
                    pos: reader.lon_lat("sea label position")?,
                })
            })
            .collect::<Result<_, _>>()?;

        let trailing = bytes.len() - reader.offset;
        if trailing > 0 {
            return Err(BasemapError::TrailingBytes { count: trailing });
        }
        Ok(Basemap {
            countries,
            borders,
            coastlines,
            sea_labels,
        })
    }

    /// The country holding `point`, if any. Longitudes outside [-180, 180) are
    /// wrapped first, so a map that repeats the world east and west still hits.
    pub fn country_at(&self, point: LonLat) -> Option<&Country> {
        let point = point.with_wrapped_lon();
        self.countries
            .iter()
            .find(|country| country.contains(point))
    }

    /// The country with this Natural Earth name, ignoring case ("côte d'ivoire").
    pub fn country_named(&self, name: &str) -> Option<&Country> {
        let lowercase = |text: &str| {
            text.chars()
                .flat_map(char::to_lowercase)
                .collect::<String>()
        };
        let wanted = lowercase(name);
        self.countries
            .iter()
            .find(|country| lowercase(&country.name) == wanted)
    }
}

/// Whether a ray from `point` towards +longitude crosses the ring an odd number of times.
fn ring_crossings_are_odd(ring: &[LonLat], point: LonLat) -> bool {
    let Some(&last) = ring.last() else {
        return false;
    };
    let mut is_odd = false;
    let mut prev = last;
    for &cur in ring {
        if (cur.lat_deg > point.lat_deg) != (prev.lat_deg > point.lat_deg) {
            let crossing_lon_deg = prev.lon_deg
                + (point.lat_deg - prev.lat_deg) * (cur.lon_deg - prev.lon_deg)
                    / (cur.lat_deg - prev.lat_deg);
            if point.lon_deg < crossing_lon_deg {
                is_odd = !is_odd;
            }
        }
        prev = cur;
    }
    is_odd
}

/// A cursor over the file that checks every read against the bytes left.
struct Reader<'a> {
    bytes: &'a [u8],
    offset: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize, what: &'static str) -> Result<&'a [u8], BasemapError> {
        let available = self.bytes.len() - self.offset;
        if len > available {
            return Err(BasemapError::Truncated {
                what,
                offset: self.offset,
                needed: len as u64,
                available,
            });
        }
        let taken = &self.bytes[self.offset..self.offset + len];
        self.offset += len;
        Ok(taken)
    }

    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], BasemapError> {
        let mut array = [0; N];
        array.copy_from_slice(self.take(N, what)?);
        Ok(array)
    }

    fn u16(&mut self, what: &'static str) -> Result<u16, BasemapError> {
        self.array(what).map(u16::from_le_bytes)
    }

    fn u32(&mut self, what: &'static str) -> Result<u32, BasemapError> {
        self.array(what).map(u32::from_le_bytes)
    }

    /// A `u32` count of items that each take at least `min_item_bytes`,
    /// rejected at once if the rest of the file could not hold them.
    fn count(&mut self, what: &'static str, min_item_bytes: usize) -> Result<usize, BasemapError> {
        let count = self.u32(what)?;
        let needed = u64::from(count) * min_item_bytes as u64;
        let available = self.bytes.len() - self.offset;
        if needed > available as u64 {
            return Err(BasemapError::Truncated {
                what,
                offset: self.offset,
                needed,
                available,
            });
        }
        Ok(count as usize)
    }

    fn str(&mut self, what: &'static str) -> Result<&'a str, BasemapError> {
        let len = usize::from(self.u16(what)?);
        let offset = self.offset;
        std::str::from_utf8(self.take(len, what)?)
            .map_err(|_| BasemapError::InvalidUtf8 { what, offset })
    }

    fn lon_lat(&mut self, what: &'static str) -> Result<LonLat, BasemapError> {
        let offset = self.offset;
        let raw: [u8; BYTES_PER_COORDINATE] = self.array(what)?;
        lon_lat_from_raw(raw, what, offset)
    }

    fn points(&mut self, what: &'static str) -> Result<Vec<LonLat>, BasemapError> {
        let count = self.count(what, BYTES_PER_COORDINATE)?;
        let offset = self.offset;
        self.take(count * BYTES_PER_COORDINATE, what)?
            .chunks_exact(BYTES_PER_COORDINATE)
            .enumerate()
            .map(|(i, chunk)| {
                let mut raw = [0; BYTES_PER_COORDINATE];
                raw.copy_from_slice(chunk);
                lon_lat_from_raw(raw, what, offset + i * BYTES_PER_COORDINATE)
            })
            .collect()
    }

    fn polylines(&mut self, what: &'static str) -> Result<Vec<Vec<LonLat>>, BasemapError> {
        let count = self.count(what, 4)?;
        (0..count).map(|_| self.points(what)).collect()
    }

    fn country(&mut self) -> Result<Country, BasemapError> {
        let name = self.str("country name")?.to_owned();
        let id = Some(self.str("country id")?)
            .filter(|id| !id.is_empty())
            .map(str::to_owned);
        let bbox = GeoBox {
            min: self.lon_lat("country bounding box")?,
            max: self.lon_lat("country bounding box")?,
        };
        let label = self.lon_lat("country label")?;
        let polygon_count = self.count("polygon count", 8)?;
        let polygons = (0..polygon_count)
            .map(|_| self.polygon())
            .collect::<Result<_, _>>()?;
        Ok(Country {
            name,
            id,
            bbox,
            label,
            polygons,
        })
    }

    fn polygon(&mut self) -> Result<CountryPolygon, BasemapError> {
        let ring_count = self.count("ring count", 4)?;
        let rings: Vec<Vec<LonLat>> = (0..ring_count)
            .map(|_| self.points("ring"))
            .collect::<Result<_, _>>()?;
        let vertex_count: usize = rings.iter().map(Vec::len).sum();

        const TRIANGLE_BYTES: usize = 3 * 2;
        let triangle_count = self.count("triangle count", TRIANGLE_BYTES)?;
        let offset = self.offset;
        let triangles = self
            .take(triangle_count * TRIANGLE_BYTES, "triangles")?
            .chunks_exact(2)
            .enumerate()
            .map(|(i, chunk)| {
                let index = u32::from(u16::from_le_bytes([chunk[0], chunk[1]]));
                if index as usize >= vertex_count {
                    return Err(BasemapError::TriangleIndexOutOfRange {
                        offset: offset + 2 * i,
                        index,
                        vertex_count,
                    });
                }
                Ok(index)
            })
            .collect::<Result<Vec<u32>, _>>()?
            .chunks_exact(3)
            .map(|corners| [corners[0], corners[1], corners[2]])
            .collect();
        Ok(CountryPolygon { rings, triangles })
    }
}

fn lon_lat_from_raw(
    raw: [u8; BYTES_PER_COORDINATE],
    what: &'static str,
    offset: usize,
) -> Result<LonLat, BasemapError> {
    let lon_micro_deg = i32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]);
    let lat_micro_deg = i32::from_le_bytes([raw[4], raw[5], raw[6], raw[7]]);
    if lon_micro_deg.unsigned_abs() > 180_000_000 || lat_micro_deg.unsigned_abs() > 90_000_000 {
        return Err(BasemapError::CoordinateOutOfRange {
            what,
            offset,
            lon_micro_deg,
            lat_micro_deg,
        });
    }
    Ok(LonLat::new(
        f64::from(lon_micro_deg) / MICRO_DEG_PER_DEG,
        f64::from(lat_micro_deg) / MICRO_DEG_PER_DEG,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn basemap() -> &'static Basemap {
        Basemap::embedded()
    }

    fn country_name_at(lon_deg: f64, lat_deg: f64) -> Option<&'static str> {
        basemap()
            .country_at(LonLat::new(lon_deg, lat_deg))
            .map(|country| country.name.as_str())
    }

    fn triangle_area_deg2(corners: [LonLat; 3]) -> f64 {
        let [a, b, c] = corners;
        ((b.lon_deg - a.lon_deg) * (c.lat_deg - a.lat_deg)
            - (c.lon_deg - a.lon_deg) * (b.lat_deg - a.lat_deg))
            .abs()
            / 2.0
    }

    fn ring_area_deg2(ring: &[LonLat]) -> f64 {
        let twice_signed: f64 = ring
            .iter()
            .zip(ring.iter().cycle().skip(1))
            .map(|(a, b)| a.lon_deg * b.lat_deg - b.lon_deg * a.lat_deg)
            .sum();
        twice_signed.abs() / 2.0
    }

    fn triangle_corners(polygon: &CountryPolygon) -> Vec<[LonLat; 3]> {
        let vertices: Vec<LonLat> = polygon.vertices().collect();
        polygon
            .triangles
            .iter()
            .map(|triangle| triangle.map(|index| vertices[index as usize]))
            .collect()
    }

    /// One square country with a single fill triangle, encoded by hand.
    fn tiny_basemap_bytes(triangle: [u16; 3]) -> Vec<u8> {
        fn u32(bytes: &mut Vec<u8>, value: u32) {
            bytes.extend(value.to_le_bytes());
        }
        let mut bytes = b"GBMP".to_vec();
        u32(&mut bytes, FORMAT_VERSION);
        u32(&mut bytes, 1); // countries
        bytes.extend(4u16.to_le_bytes());
        bytes.extend(b"Tiny");
        bytes.extend(0u16.to_le_bytes()); // no id
        for micro_deg in [0i32, 0, 1_000_000, 1_000_000, 500_000, 500_000] {
            bytes.extend(micro_deg.to_le_bytes()); // bbox, then label
        }
        u32(&mut bytes, 1); // polygons
        u32(&mut bytes, 1); // rings
        u32(&mut bytes, 4); // vertices
        for micro_deg in [0i32, 0, 1_000_000, 0, 1_000_000, 1_000_000, 0, 1_000_000] {
            bytes.extend(micro_deg.to_le_bytes());
        }
        u32(&mut bytes, 1); // triangles
        for index in triangle {
            bytes.extend(index.to_le_bytes());
        }
        for _lists in ["borders", "coastlines", "sea labels"] {
            u32(&mut bytes, 0);
        }
        bytes
    }

    #[test]
    fn the_embedded_basemap_loads_with_about_240_countries() {
        let basemap = basemap();
        assert!(
            (230..=250).contains(&basemap.countries.len()),
            "{}",
            basemap.countries.len()
        );
        assert!(basemap.borders.len() > 100);
        assert!(basemap.coastlines.len() > 1000);
        assert!(
            basemap
                .sea_labels
                .iter()
                .any(|label| label.name == "Mediterranean Sea")
        );
        let syria = basemap.country_named("Syria").expect("Syria");
        assert_eq!(syria.id.as_deref(), Some("760"));
        assert!(syria.contains(syria.label));
    }

    #[test]
    fn a_point_in_damascus_is_in_syria() {
        assert_eq!(country_name_at(36.29, 33.51), Some("Syria"));
    }

    #[test]
    fn a_point_in_moscow_is_in_russia() {
        assert_eq!(country_name_at(37.62, 55.75), Some("Russia"));
    }

    #[test]
    fn chukotka_east_of_the_antimeridian_is_in_russia_and_alaska_is_not() {
        assert_eq!(country_name_at(-175.0, 67.0), Some("Russia"));
        assert_eq!(country_name_at(185.0, 67.0), Some("Russia"));
        assert_eq!(
            country_name_at(-155.0, 65.0),
            Some("United States of America")
        );
    }

    #[test]
    fn the_south_pole_is_in_antarctica() {
        assert_eq!(country_name_at(0.0, -89.9), Some("Antarctica"));
        assert_eq!(country_name_at(135.0, -75.0), Some("Antarctica"));
    }

    #[test]
    fn a_point_in_the_mediterranean_is_in_no_country() {
        assert_eq!(country_name_at(18.0, 34.5), None);
    }

    #[test]
    fn maseru_is_in_lesotho_not_in_the_south_african_hole_around_it() {
        assert_eq!(country_name_at(27.48, -29.31), Some("Lesotho"));
        let south_africa = basemap()
            .country_named("South Africa")
            .expect("South Africa");
        assert!(!south_africa.contains(LonLat::new(27.48, -29.31)));
        assert!(south_africa.contains(LonLat::new(25.0, -30.0)));
    }

    #[test]
    fn every_sea_label_lies_in_no_country() {
        for label in &basemap().sea_labels {
            let country = basemap().country_at(label.pos).map(|country| &country.name);
            assert_eq!(country, None, "{} at {:?}", label.name, label.pos);
        }
    }

    #[test]
    fn country_names_are_found_whatever_their_case() {
        assert_eq!(
            basemap().country_named("syria").map(|c| c.name.as_str()),
            Some("Syria")
        );
        let ivory_coast = basemap()
            .country_named("CÔTE D'IVOIRE")
            .map(|c| c.name.as_str());
        assert_eq!(ivory_coast, Some("Côte d'Ivoire"));
        assert_eq!(basemap().country_named("Atlantis"), None);
    }

    #[test]
    fn every_triangle_index_is_in_range() {
        for polygon in basemap().countries.iter().flat_map(|c| &c.polygons) {
            let vertex_count = polygon.vertices().count();
            assert!(!polygon.triangles.is_empty());
            assert!(
                polygon
                    .triangles
                    .iter()
                    .flatten()
                    .all(|&i| (i as usize) < vertex_count)
            );
        }
    }

    #[test]
    fn no_fill_triangle_or_line_streaks_across_the_antimeridian() {
        // Antarctica alone is closed along the pole line, which spans all longitudes.
        for country in basemap()
            .countries
            .iter()
            .filter(|c| c.name != "Antarctica")
        {
            for corners in country.polygons.iter().flat_map(triangle_corners) {
                let lons = corners.map(|corner| corner.lon_deg);
                let span_deg = lons.iter().copied().fold(f64::MIN, f64::max)
                    - lons.iter().copied().fold(f64::MAX, f64::min);
                assert!(span_deg < 180.0, "{} triangle {corners:?}", country.name);
            }
        }
        let lines = basemap().borders.iter().chain(&basemap().coastlines);
        for segment in lines.flat_map(|line| line.windows(2)) {
            assert!(
                (segment[1].lon_deg - segment[0].lon_deg).abs() < 180.0,
                "{segment:?}"
            );
        }
    }

    #[test]
    fn the_triangles_of_syria_cover_its_area() {
        let syria = basemap().country_named("Syria").expect("Syria");
        let polygon_area_deg2: f64 = syria
            .polygons
            .iter()
            .flat_map(|p| p.rings.iter().enumerate())
            .map(|(i, ring)| if i == 0 { 1.0 } else { -1.0 } * ring_area_deg2(ring))
            .sum();
        let triangle_area_deg2: f64 = syria
            .polygons
            .iter()
            .flat_map(triangle_corners)
            .map(triangle_area_deg2)
            .sum();
        assert!(polygon_area_deg2 > 15.0, "{polygon_area_deg2}");
        let relative_error = (triangle_area_deg2 - polygon_area_deg2).abs() / polygon_area_deg2;
        assert!(
            relative_error < 1e-6,
            "{triangle_area_deg2} vs {polygon_area_deg2}"
        );
    }

    #[test]
    fn a_hand_made_file_decodes_to_its_one_country() {
        let basemap = Basemap::from_bytes(&tiny_basemap_bytes([0, 1, 2])).expect("decodes");
        let tiny = &basemap.countries[0];
        assert_eq!((tiny.name.as_str(), tiny.id.as_deref()), ("Tiny", None));
        assert_eq!(tiny.polygons[0].triangles, vec![[0, 1, 2]]);
        assert_eq!(
            basemap.country_at(LonLat::new(0.5, 0.5)).map(|c| &*c.name),
            Some("Tiny")
        );
        assert_eq!(basemap.country_at(LonLat::new(1.5, 0.5)), None);
    }

    #[test]
    fn truncated_bytes_give_an_error_not_a_panic() {
        let tiny = tiny_basemap_bytes([0, 1, 2]);
        for len in 0..tiny.len() {
            assert!(Basemap::from_bytes(&tiny[..len]).is_err(), "{len} bytes");
        }
        let embedded = EMBEDDED_BASEMAP_BYTES;
        for len in (0..embedded.len()).step_by(embedded.len() / 50 + 1) {
            let result = Basemap::from_bytes(&embedded[..len]);
            assert!(
                matches!(result, Err(BasemapError::Truncated { .. })),
                "{len} bytes"
            );
        }
    }

    #[test]
    fn garbage_gives_an_error_not_a_panic_or_a_huge_allocation() {
        assert_eq!(
            Basemap::from_bytes(b"PK\x03\x04zip!"),
            Err(BasemapError::NotABasemap)
        );
        let mut huge_count = tiny_basemap_bytes([0, 1, 2]);
        huge_count[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(matches!(
            Basemap::from_bytes(&huge_count),
            Err(BasemapError::Truncated {
                what: "country count",
                ..
            })
        ));
        let mut newer = tiny_basemap_bytes([0, 1, 2]);
        newer[4] = 2;
        assert_eq!(
            Basemap::from_bytes(&newer),
            Err(BasemapError::UnsupportedVersion { found: 2 })
        );
        let mut trailing = tiny_basemap_bytes([0, 1, 2]);
        trailing.push(0);
        assert_eq!(
            Basemap::from_bytes(&trailing),
            Err(BasemapError::TrailingBytes { count: 1 })
        );
    }

    #[test]
    fn a_triangle_index_past_its_polygon_is_rejected() {
        let result = Basemap::from_bytes(&tiny_basemap_bytes([0, 1, 4]));
        assert!(matches!(
            result,
            Err(BasemapError::TriangleIndexOutOfRange {
                index: 4,
                vertex_count: 4,
                ..
            })
        ));
    }
}
