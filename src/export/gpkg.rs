//! The brief as a GeoPackage (OGC 12-128r18, version 1.3), the format QGIS
//! saves in: one SQLite file holding a point layer `places`, a polygon layer
//! `areas` (QGIS splits a GeoJSON that mixes the two into sublayers), and two
//! tables a GIS user joins with them: `articles` (one row an article) and
//! `mentions` (one row a link, naming its article and place by id).
//!
//! Geometries are standard GeoPackage binaries: the `GP` header (version 0,
//! little-endian, an envelope of min x, max x, min y, max y) then ISO WKB,
//! in WGS 84 (EPSG:4326), x = longitude.

use std::path::{Path, PathBuf};

use geo_types::{Coord, Geometry, LineString};
use rusqlite::{Connection, params};

use super::geojson::{right_handed, round_degrees};
use super::rows::{kind_name, mention_rows};
use crate::brief::save::SaveError;
use crate::brief::{Brief, Place};

/// `PRAGMA application_id`: the ASCII bytes "GPKG".
pub const APPLICATION_ID: i32 = 0x4750_4B47;
/// `PRAGMA user_version`: GeoPackage 1.3.0.
pub const USER_VERSION: i32 = 10300;
const WGS84: i32 = 4326;

/// Writes the GeoPackage to a temporary file beside `path`, then renames it
/// over `path`: a reader never sees half a database.
pub fn write_geopackage(brief: &Brief, path: &Path) -> Result<(), SaveError> {
    let tmp = temp_path_beside(path);
    let _ = std::fs::remove_file(&tmp);
    let result = Connection::open(&tmp)
        .and_then(|db| fill(&db, brief).and_then(|()| db.close().map_err(|(_, e)| e)))
        .map_err(|e| SaveError {
            path: path.to_path_buf(),
            what: "write the GeoPackage",
            reason: e.to_string(),
        })
        .and_then(|()| {
            std::fs::rename(&tmp, path).map_err(|e| SaveError {
                path: path.to_path_buf(),
                what: "replace the file",
                reason: e.to_string(),
            })
        });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn temp_path_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "brief.gpkg".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// The GeoPackage's own tables, as the standard gives them (annex C).
const SCHEMA: &str = "
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326,
   'GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]',
   'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
";

/// The columns both layers share, after `fid` and `geom`.
const PLACE_COLUMNS: &str = "id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL, \
    note TEXT, approximate BOOLEAN NOT NULL, mentions INTEGER NOT NULL, \
    articles INTEGER NOT NULL, first_date TEXT, last_date TEXT, gazetteer_uri TEXT, sources TEXT";

fn fill(db: &Connection, brief: &Brief) -> rusqlite::Result<()> {
    db.pragma_update(None, "application_id", APPLICATION_ID)?;
    db.pragma_update(None, "user_version", USER_VERSION)?;
    db.execute_batch("BEGIN")?;
    db.execute_batch(SCHEMA)?;
    let (points, areas): (Vec<&Place>, Vec<&Place>) = brief.places().partition(|p| !p.is_area());
    feature_layer(
        db,
        brief,
        "places",
        "POINT",
        "The story's places that are points",
        &points,
    )?;
    feature_layer(
        db,
        brief,
        "areas",
        "POLYGON",
        "The story's places that are areas",
        &areas,
    )?;
    articles_table(db, brief)?;
    mentions_table(db, brief)?;
    db.execute_batch("COMMIT")
}

fn feature_layer(
    db: &Connection,
    brief: &Brief,
    table: &str,
    geometry_type: &str,
    description: &str,
    places: &[&Place],
) -> rusqlite::Result<()> {
    db.execute_batch(&format!(
        "CREATE TABLE {table} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom {geometry_type}, \
         {PLACE_COLUMNS});"
    ))?;
    let mut extent: Option<Envelope> = None;
    let mut insert = db.prepare(&format!(
        "INSERT INTO {table} (geom, id, name, kind, note, approximate, mentions, articles, \
         first_date, last_date, gazetteer_uri, sources) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    ))?;
    for place in places {
        let geometry = right_handed(&place.geometry);
        let Some(envelope) = Envelope::of(&geometry) else {
            continue;
        };
        extent = Some(extent.map_or(envelope, |e| e.union(&envelope)));
        let naming = brief.articles_naming(&place.id);
        let dates: Vec<&str> = naming
            .iter()
            .filter_map(|&i| brief.articles()[i].info.date.as_deref())
            .collect();
        let sources: Vec<String> = place
            .sources
            .iter()
            .map(crate::brief::Source::cited)
            .collect();
        insert.execute(params![
            geometry_blob(&geometry, &envelope),
            place.id.as_str(),
            place.name,
            kind_name(place),
            place.note,
            place.approximate,
            brief.mentions_of(&place.id).len() as i64,
            naming.len() as i64,
            dates.iter().min(),
            dates.iter().max(),
            super::geonames_uri(place),
            sources.join("\n"),
        ])?;
    }
    let (min_x, min_y, max_x, max_y) = match extent {
        Some(e) => (Some(e.min_x), Some(e.min_y), Some(e.max_x), Some(e.max_y)),
        None => (None, None, None, None),
    };
    db.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, \
         min_x, min_y, max_x, max_y, srs_id) VALUES (?1, 'features', ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![table, description, min_x, min_y, max_x, max_y, WGS84],
    )?;
    db.execute(
        "INSERT INTO gpkg_geometry_columns VALUES (?1, 'geom', ?2, ?3, 0, 0)",
        params![table, geometry_type, WGS84],
    )?;
    Ok(())
}

fn articles_table(db: &Connection, brief: &Brief) -> rusqlite::Result<()> {
    db.execute_batch(
        "CREATE TABLE articles (fid INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, \
         title TEXT NOT NULL, outlet TEXT, date TEXT, url TEXT);",
    )?;
    let mut insert = db.prepare(
        "INSERT INTO articles (id, title, outlet, date, url) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for article in brief.articles() {
        let info = &article.info;
        let outlet = info.outlet.as_deref().or(info.source.as_deref());
        insert.execute(params![
            article.id.as_str(),
            info.title,
            outlet,
            info.date,
            info.url
        ])?;
    }
    attributes_contents(db, "articles", "One row an article of the brief")
}

fn mentions_table(db: &Connection, brief: &Brief) -> rusqlite::Result<()> {
    db.execute_batch(
        "CREATE TABLE mentions (fid INTEGER PRIMARY KEY AUTOINCREMENT, link TEXT NOT NULL, \
         article TEXT NOT NULL REFERENCES articles(id), paragraph INTEGER NOT NULL, \
         start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, words TEXT NOT NULL, \
         quote TEXT NOT NULL, place TEXT NOT NULL);",
    )?;
    let mut insert = db.prepare(
        "INSERT INTO mentions (link, article, paragraph, start, \"end\", words, quote, place) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for row in mention_rows(brief) {
        insert.execute(params![
            row.mention.link.as_str(),
            row.article.id.as_str(),
            row.paragraph as i64,
            row.quote.start as i64,
            row.quote.end as i64,
            row.quote.exact,
            row.passage,
            row.place.id.as_str(),
        ])?;
    }
    attributes_contents(
        db,
        "mentions",
        "One row a passage linked to a place: start and end count Unicode code points in the \
         article's paragraphs joined by a blank line",
    )
}

fn attributes_contents(db: &Connection, table: &str, description: &str) -> rusqlite::Result<()> {
    db.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) \
         VALUES (?1, 'attributes', ?1, ?2)",
        params![table, description],
    )?;
    Ok(())
}

/// A bounding box in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Envelope {
    min_x: f64,
    min_y: f64,
    max_x: f64,
    max_y: f64,
}

impl Envelope {
    fn of(geometry: &Geometry<f64>) -> Option<Self> {
        let coords: Vec<Coord<f64>> = match geometry {
            Geometry::Point(p) => vec![p.0],
            Geometry::Polygon(poly) => poly.exterior().0.clone(),
            _ => return None,
        };
        let mut e = Envelope {
            min_x: f64::INFINITY,
            min_y: f64::INFINITY,
            max_x: f64::NEG_INFINITY,
            max_y: f64::NEG_INFINITY,
        };
        for c in coords {
            e.min_x = e.min_x.min(round_degrees(c.x));
            e.max_x = e.max_x.max(round_degrees(c.x));
            e.min_y = e.min_y.min(round_degrees(c.y));
            e.max_y = e.max_y.max(round_degrees(c.y));
        }
        e.min_x.is_finite().then_some(e)
    }

    fn union(&self, other: &Self) -> Self {
        Envelope {
            min_x: self.min_x.min(other.min_x),
            min_y: self.min_y.min(other.min_y),
            max_x: self.max_x.max(other.max_x),
            max_y: self.max_y.max(other.max_y),
        }
    }
}

/// A GeoPackage geometry blob: `GP`, version 0, flags (little-endian, an
/// envelope of four doubles), the SRS id, the envelope (min x, max x, min y,
/// max y), then the geometry as little-endian WKB.
fn geometry_blob(geometry: &Geometry<f64>, envelope: &Envelope) -> Vec<u8> {
    const LITTLE_ENDIAN: u8 = 1;
    const ENVELOPE_XY: u8 = 1 << 1;
    let mut blob = Vec::with_capacity(64);
    blob.extend_from_slice(b"GP");
    blob.push(0);
    blob.push(ENVELOPE_XY | LITTLE_ENDIAN);
    blob.extend_from_slice(&WGS84.to_le_bytes());
    for v in [
        envelope.min_x,
        envelope.max_x,
        envelope.min_y,
        envelope.max_y,
    ] {
        blob.extend_from_slice(&v.to_le_bytes());
    }
    wkb(&mut blob, geometry);
    blob
}

/// ISO WKB, little-endian: a Point (type 1) or a Polygon (type 3).
fn wkb(out: &mut Vec<u8>, geometry: &Geometry<f64>) {
    let coord = |out: &mut Vec<u8>, c: &Coord<f64>| {
        out.extend_from_slice(&round_degrees(c.x).to_le_bytes());
        out.extend_from_slice(&round_degrees(c.y).to_le_bytes());
    };
    out.push(1);
    match geometry {
        Geometry::Point(p) => {
            out.extend_from_slice(&1u32.to_le_bytes());
            coord(out, &p.0);
        }
        Geometry::Polygon(poly) => {
            out.extend_from_slice(&3u32.to_le_bytes());
            let rings: Vec<&LineString<f64>> = std::iter::once(poly.exterior())
                .chain(poly.interiors())
                .collect();
            out.extend_from_slice(&(rings.len() as u32).to_le_bytes());
            for ring in rings {
                out.extend_from_slice(&(ring.0.len() as u32).to_le_bytes());
                for c in &ring.0 {
                    coord(out, c);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_s_blob_is_the_gp_header_its_envelope_and_wkb() {
        let point = Geometry::Point(geo_types::Point::new(35.8725, 34.9125));
        let envelope = Envelope::of(&point).unwrap();
        let blob = geometry_blob(&point, &envelope);
        assert_eq!(&blob[..4], b"GP\x00\x03");
        assert_eq!(i32::from_le_bytes(blob[4..8].try_into().unwrap()), 4326);
        let f = |at: usize| f64::from_le_bytes(blob[at..at + 8].try_into().unwrap());
        assert_eq!(
            [f(8), f(16), f(24), f(32)],
            [35.8725, 35.8725, 34.9125, 34.9125]
        );
        // WKB: byte order, type 1 (Point), x, y.
        assert_eq!(blob[40], 1);
        assert_eq!(u32::from_le_bytes(blob[41..45].try_into().unwrap()), 1);
        assert_eq!([f(45), f(53)], [35.8725, 34.9125]);
        assert_eq!(blob.len(), 61);
    }
}
