//! Taking a brief to other tools: its places as a GeoJSON FeatureCollection
//! (QGIS, web maps), its mentions as W3C Web Annotations (Recogito and other
//! annotation tools), the article's text those annotations count in, and the
//! map as a PNG. Each writer is a pure function of the brief; files are
//! written atomically.

pub mod annotations;
pub mod geojson;

use std::path::PathBuf;

use crate::brief::Brief;
use crate::brief::candidates::geoparse_record;
use crate::brief::save::{SaveError, write_atomically};

/// What to export, and where.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExportRequest {
    pub geojson: Option<PathBuf>,
    pub annotations: Option<PathBuf>,
    /// The article's text as the annotations count it.
    pub text: Option<PathBuf>,
    /// The map as a picture, and its size in pixels.
    pub png: Option<(PathBuf, [u32; 2])>,
}

impl ExportRequest {
    pub fn is_empty(&self) -> bool {
        self.geojson.is_none()
            && self.annotations.is_none()
            && self.text.is_none()
            && self.png.is_none()
    }
}

/// The article as one text: its paragraphs joined by a blank line (`"\n\n"`).
/// The title, byline and dateline are not part of it. Annotation positions
/// count Unicode code points in this text.
pub fn article_text(brief: &Brief) -> String {
    brief.paragraphs().join(PARAGRAPH_SEPARATOR)
}

pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

/// Sizes a picture of the map may have, in pixels a side.
pub const PNG_SIDE_PX: std::ops::RangeInclusive<u32> = 64..=8192;

/// A place's GeoNames URI (`https://sws.geonames.org/ID/`), from its sources
/// or from the candidate place detection chose.
pub fn geonames_uri(place: &crate::brief::Place) -> Option<String> {
    let from_sources = place.sources.iter().find_map(|s| {
        let url = s.url.as_deref()?;
        let rest = url
            .strip_prefix("https://www.geonames.org/")
            .or_else(|| url.strip_prefix("http://www.geonames.org/"))
            .or_else(|| url.strip_prefix("https://sws.geonames.org/"))?;
        let id: String = rest.chars().take_while(char::is_ascii_digit).collect();
        (!id.is_empty()).then_some(id)
    });
    let from_record = || {
        let record = geoparse_record(place)?;
        record
            .candidates
            .get(record.chosen)?
            .geonames_id
            .map(|g| g.to_string())
    };
    from_sources
        .or_else(from_record)
        .map(|id| format!("https://sws.geonames.org/{id}/"))
}

/// Writes the text formats of `request` (GeoJSON, annotations, text); the
/// PNG needs a renderer and is written by the caller. Returns the files
/// written.
pub fn write_text_exports(
    brief: &Brief,
    request: &ExportRequest,
) -> Result<Vec<PathBuf>, SaveError> {
    let mut written = Vec::new();
    if let Some(path) = &request.geojson {
        write_atomically(path, geojson::feature_collection_json(brief).as_bytes())?;
        written.push(path.clone());
    }
    if let Some(path) = &request.annotations {
        write_atomically(path, annotations::collection_json(brief).as_bytes())?;
        written.push(path.clone());
    }
    if let Some(path) = &request.text {
        write_atomically(path, article_text(brief).as_bytes())?;
        written.push(path.clone());
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_brief_s_cities_carry_their_geonames_uri() {
        let brief = Brief::default_brief();
        let moscow = brief.place("moscow").unwrap();
        assert_eq!(
            geonames_uri(moscow).as_deref(),
            Some("https://sws.geonames.org/524901/")
        );
    }
}
