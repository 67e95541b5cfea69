//! The places as KML 2.2 for Google Earth (and GDAL): one Placemark a
//! place, a point or a polygon (holes kept), its name, and a description
//! that lists its passages. In a story each place has a `TimeSpan` from
//! the first to the last dated article that names it, so Google Earth's
//! time slider plays the story.
//!
//! Google Earth reads a description as HTML, so each text is escaped twice:
//! once for the HTML the description is, once for the XML that carries it.
//! A passage that says `<b>` shows `<b>`.

use std::collections::HashMap;
use std::fmt::Write;

use geo_types::{Coord, Geometry, LineString};

use super::geojson::{right_handed, round_degrees};
use super::markup::escape;
use super::rows::{MentionRow, kind_name, mention_rows};
use crate::brief::{Brief, Place};

/// The whole KML document.
pub fn kml_document(brief: &Brief) -> String {
    let rows = mention_rows(brief);
    let mut by_place: HashMap<&str, Vec<&MentionRow>> = HashMap::new();
    for row in &rows {
        by_place.entry(row.place.id.as_str()).or_default().push(row);
    }
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n");
    let _ = writeln!(out, "  <name>{}</name>", escape(brief.title()));
    out.push_str(STYLES);
    for place in brief.places() {
        let rows = by_place.remove(place.id.as_str()).unwrap_or_default();
        placemark(&mut out, brief, place, &rows);
    }
    out.push_str("</Document>\n</kml>\n");
    out
}

/// A point's icon and an area's fill: the map's dark red, the fill see-through
/// (KML colours are aabbggrr).
const STYLES: &str = r##"  <Style id="place">
    <IconStyle><color>ff1c1c9b</color><scale>1.0</scale></IconStyle>
  </Style>
  <Style id="area">
    <LineStyle><color>ff1c1c9b</color><width>2</width></LineStyle>
    <PolyStyle><color>38181860</color></PolyStyle>
  </Style>
"##;

fn placemark(out: &mut String, brief: &Brief, place: &Place, rows: &[&MentionRow]) {
    let _ = writeln!(out, "  <Placemark id=\"{}\">", escape(&xml_id(&place.id)));
    let _ = writeln!(out, "    <name>{}</name>", escape(&place.name));
    let description = description_html(brief, place, rows);
    let _ = writeln!(
        out,
        "    <description>{}</description>",
        escape(&description)
    );
    if brief.is_story()
        && let Some((first, last)) = date_span(rows)
    {
        let _ = writeln!(
            out,
            "    <TimeSpan><begin>{}</begin><end>{}</end></TimeSpan>",
            escape(first),
            escape(last)
        );
    }
    let style = if place.is_area() { "area" } else { "place" };
    let _ = writeln!(out, "    <styleUrl>#{style}</styleUrl>");
    out.push_str("    <ExtendedData>\n");
    let mut data = |name: &str, value: &str| {
        let _ = writeln!(
            out,
            "      <Data name=\"{name}\"><value>{}</value></Data>",
            escape(value)
        );
    };
    data("id", &place.id);
    data("kind", &kind_name(place));
    data("mentions", &rows.len().to_string());
    if let Some(uri) = super::geonames_uri(place) {
        data("gazetteer_uri", &uri);
    }
    out.push_str("    </ExtendedData>\n");
    geometry(out, &place.geometry);
    out.push_str("  </Placemark>\n");
}

/// An XML id (a name, not starting with a digit) made from a place's id.
fn xml_id(id: &str) -> String {
    format!("place-{id}")
}

/// The first and last date of the dated articles among `rows`.
fn date_span<'a>(rows: &[&'a MentionRow]) -> Option<(&'a str, &'a str)> {
    let dates = rows.iter().filter_map(|r| r.article.info.date.as_deref());
    let first = dates.clone().min()?;
    let last = dates.max()?;
    Some((first, last))
}

/// The place's description as HTML, every text escaped: its kind and note,
/// then its passages (in a story, headed by their article).
fn description_html(brief: &Brief, place: &Place, rows: &[&MentionRow]) -> String {
    let mut html = String::new();
    let _ = write!(html, "<p><i>{}</i></p>", escape(place.kind.label()));
    if !place.note.is_empty() {
        let _ = write!(html, "<p>{}</p>", escape(&place.note));
    }
    let mut article = None;
    for row in rows {
        if brief.is_story() && article != Some(&row.article.id) {
            article = Some(&row.article.id);
            let date = row.article.info.date.as_deref().unwrap_or("undated");
            let _ = write!(
                html,
                "<h4>{} ({})</h4>",
                escape(&row.article.info.title),
                escape(date)
            );
        }
        let _ = write!(html, "<p>{}</p>", escape(&row.passage));
    }
    html
}

fn geometry(out: &mut String, geometry: &Geometry<f64>) {
    match right_handed(geometry) {
        Geometry::Point(p) => {
            let _ = writeln!(
                out,
                "    <Point><coordinates>{}</coordinates></Point>",
                position(p.0)
            );
        }
        Geometry::Polygon(poly) => {
            out.push_str("    <Polygon><tessellate>1</tessellate>\n");
            ring(out, "outerBoundaryIs", poly.exterior());
            for hole in poly.interiors() {
                ring(out, "innerBoundaryIs", hole);
            }
            out.push_str("    </Polygon>\n");
        }
        _ => {}
    }
}

fn ring(out: &mut String, boundary: &str, ring: &LineString<f64>) {
    let positions: Vec<String> = ring.0.iter().map(|c| position(*c)).collect();
    let _ = writeln!(
        out,
        "      <{boundary}><LinearRing><coordinates>{}</coordinates></LinearRing></{boundary}>",
        positions.join(" ")
    );
}

/// `longitude,latitude` as KML writes a position, 7 decimals at most.
fn position(c: Coord<f64>) -> String {
    format!("{},{}", round_degrees(c.x), round_degrees(c.y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_is_a_placemark_and_the_default_brief_has_no_time_span() {
        let brief = Brief::default_brief();
        let kml = kml_document(&brief);
        assert_eq!(kml.matches("<Placemark ").count(), brief.place_count());
        assert!(kml.contains("<name>Tartus naval facility</name>"));
        assert!(kml.contains("<coordinates>35.8725,34.9125</coordinates>"));
        assert!(kml.contains("<Polygon>"), "northeastern Syria is an area");
        assert!(
            !kml.contains("<TimeSpan>"),
            "one article has no time to play"
        );
    }
}
