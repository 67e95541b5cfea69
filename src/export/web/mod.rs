//! The brief as one self-contained web page that opens from disk in any
//! browser with no network: the article with its linked names, the map, the
//! place list and the place card, as the app shows them. The map is made
//! from the app's own scene data: its basemap layers projected, clipped to
//! the page's extent and simplified for the zooms the page shows
//! (`basemap`), and its names placed by the app's rules at each level
//! (`labels`). Everything from the brief goes into the page as JSON inside
//! a `<script type="application/json">` with `<` written `\u003c`, and the
//! page's script (hand-written, in `assets/web/`) only ever sets text, so
//! no text of a brief can run as code.

pub mod basemap;
pub mod data;
pub mod labels;
pub mod paths;
pub mod text_width;
pub mod view;

use serde_json::{Value, json};

use super::markup::escape;
use crate::brief::Brief;
use crate::map::framing::{FIT_MARGIN, focus_country};
use crate::map::world_context::WorldContext;

/// Places and names are written on a grid of this many units across the
/// world (a point at zoom 12): whole numbers, precise past any zoom a page shows.
pub const GRID_UNITS: f64 = 1_048_576.0;

const PAGE_HTML: &str = include_str!("../../../assets/web/page.html");
const PAGE_CSS: &str = include_str!("../../../assets/web/page.css");
const PAGE_JS: &str = include_str!("../../../assets/web/page.js");

/// The colours of the map in both themes, as CSS custom properties
/// (`--sea: #d4e4ef`): the app's palettes, handed in by the caller that
/// knows them (the page itself knows no egui).
#[derive(Clone, Debug, Default)]
pub struct PageColours {
    pub light: Vec<(&'static str, String)>,
    pub dark: Vec<(&'static str, String)>,
}

/// The whole page.
pub fn web_page(brief: &Brief, colours: &PageColours) -> String {
    let data = page_data(brief);
    let style = format!("{}\n{PAGE_CSS}", colour_rules(colours));
    fill_template(
        PAGE_HTML,
        &[
            ("title", &escape(brief.title())),
            ("style", &style),
            ("data", &script_json(&data)),
            ("script", PAGE_JS),
        ],
    )
}

/// The template with each `{{name}}` replaced by its value, in one pass: a
/// value is never searched for names, so a title that says `{{data}}` stays
/// as it is.
fn fill_template(template: &str, values: &[(&str, &str)]) -> String {
    let mut out =
        String::with_capacity(template.len() + values.iter().map(|(_, v)| v.len()).sum::<usize>());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let value = after.find("}}").and_then(|end| {
            let name = &after[..end];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, end + 2))
        });
        match value {
            Some((v, used)) => {
                out.push_str(v);
                rest = &after[used..];
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn colour_rules(colours: &PageColours) -> String {
    let vars = |set: &[(&str, String)]| {
        set.iter()
            .map(|(name, value)| format!("--{name}: {value};"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        ":root {{ {} }}\n@media (prefers-color-scheme: dark) {{ :root {{ {} }} }}\n@media print {{ :root {{ {} }} }}",
        vars(&colours.light),
        vars(&colours.dark),
        vars(&colours.light)
    )
}

/// JSON that may stand inside a `<script>` element: `<`, `>` and `&` are
/// written as `\u003c`, `\u003e`, `\u0026` (so no `</script>` or `<!--` can
/// end it early), and the line separators JavaScript once refused as `\u2028`
/// and `\u2029`.
pub fn script_json(value: &Value) -> String {
    let text = serde_json::to_string(value).unwrap_or_else(|_| "{}".into());
    let mut out = String::with_capacity(text.len() + 64);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Everything the page's script reads.
pub fn page_data(brief: &Brief) -> Value {
    WorldContext::load_now();
    let view = view::page_view(brief);
    let patches = basemap::patches(brief, &view);
    let focus = focus_country(brief);
    let tinted = basemap::tinted_countries(brief, focus);
    let grid = |v: f64| (v * GRID_UNITS).round();
    let patch_values: Vec<Value> = patches
        .iter()
        .map(|p| basemap::patch_json(p, &tinted))
        .collect();
    let map = json!({
        "grid_units": GRID_UNITS,
        "tile_points": view::TILE_POINTS,
        "fit_margin": FIT_MARGIN,
        "min_zoom": view.min_zoom,
        "max_zoom": view.max_zoom,
        "story": [grid(view.story.min.x), grid(view.story.min.y), grid(view.story.max.x), grid(view.story.max.y)],
        "extent": [grid(view.extent.min.x), grid(view.extent.min.y), grid(view.extent.max.x), grid(view.extent.max.y)],
        "focus_country": focus,
        "labels": labels::label_levels(brief, &view, &patches),
        "credits": credits(&patch_values),
        "patches": patch_values,
    });
    let mut data = data::brief_json(brief);
    data.insert("title".into(), json!(brief.title()));
    data.insert("story".into(), json!(brief.is_story()));
    data.insert("map".into(), map);
    Value::Object(data)
}

/// Where the map's data came from, for the line under the map: the layers
/// the page draws, and no others (no US counties under a map of Syria).
fn credits(patches: &[Value]) -> Vec<&'static str> {
    let draws = |class: &str| {
        patches.iter().any(|p| {
            p["layers"]["lines"]
                .as_array()
                .is_some_and(|lines| lines.iter().any(|l| l["class"] == class))
        })
    };
    let mut out = vec!["Map: Natural Earth (public domain)"];
    if draws("river") {
        out.push("rivers: GSHHG (LGPL-3.0)");
    }
    if draws("county") {
        out.push("US counties: US Census Bureau (public domain)");
    }
    out.push("towns: GeoNames (CC BY 4.0)");
    out.push("places and text: the brief and its sources");
    out.push("made with Geobrief, offline");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_credit_line_names_the_county_lines_only_where_the_page_draws_them() {
        let credits = |brief: &Brief| -> Vec<String> {
            page_data(brief)["map"]["credits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap().to_owned())
                .collect()
        };
        let syria = credits(&Brief::default_brief());
        assert!(
            syria.iter().all(|c| !c.contains("US counties")),
            "{syria:?}"
        );
        assert!(syria.iter().any(|c| c.starts_with("rivers")), "{syria:?}");
        let georgia = crate::compose::brief_from_text(
            "Flooding in Dublin\n\nDUBLIN, Ga. — The Oconee rose in Dublin and East Dublin, Laurens County, and in Dexter, Georgia.",
            "Flooding",
            crate::gazetteer::Gazetteer::embedded(),
            &crate::geoparse::Options::default(),
        );
        let local = credits(&georgia);
        assert!(local.iter().any(|c| c.contains("US counties")), "{local:?}");
    }

    #[test]
    fn a_template_is_filled_once_and_a_value_naming_a_field_stays_as_it_is() {
        let filled = fill_template(
            "<t>{{title}}</t>{{data}}{{unknown}}",
            &[("title", "{{data}}"), ("data", "D")],
        );
        assert_eq!(filled, "<t>{{data}}</t>D{{unknown}}");
    }

    #[test]
    fn the_default_brief_s_map_names_tartus_at_every_level_and_towns_only_from_the_town_zoom() {
        let brief = Brief::default_brief();
        let data = page_data(&brief);
        let map = &data["map"];
        let tartus = brief.place_position("tartus").unwrap();
        let levels = map["labels"]["levels"].as_array().unwrap();
        let zooms: Vec<f64> = levels.iter().map(|l| l["zoom"].as_f64().unwrap()).collect();
        assert!(zooms[0] <= map["min_zoom"].as_f64().unwrap());
        assert!(zooms.windows(2).all(|w| w[1] - w[0] == labels::LEVEL_STEP));
        let mut towns_seen = false;
        for level in levels {
            let zoom = level["zoom"].as_f64().unwrap();
            let labels = level["labels"].as_array().unwrap();
            let towns = labels.iter().filter(|l| l[0] == "t" || l[0] == "k").count();
            if zoom < crate::map::labels::TOWN_ZOOM {
                assert_eq!(towns, 0, "towns at zoom {zoom}");
            }
            towns_seen |= towns > 0;
            assert!(
                labels.iter().any(|l| l[0] == "p" && l[1] == json!(tartus)),
                "Tartus unnamed at zoom {zoom}"
            );
        }
        assert!(towns_seen);
        // Every name a label refers to is in the list of names.
        let names = map["labels"]["names"].as_array().unwrap().len() as u64;
        assert!(
            levels
                .iter()
                .flat_map(|l| l["labels"].as_array().unwrap())
                .all(|l| { l[0] == "p" || l[1].as_u64().is_some_and(|n| n < names) })
        );
    }

    #[test]
    fn json_in_a_script_cannot_close_it_or_open_a_comment() {
        let value = json!({"name": "</script><script>alert(1)</script><!-- & \u{2028}"});
        let text = script_json(&value);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
