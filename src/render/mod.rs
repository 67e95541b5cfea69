//! Pictures of the map without a window: the map widget run in a headless
//! egui context, tessellated, and painted by a small software rasterizer.
//! `geobrief export --png` and File ▸ Export use it, on any machine, with or
//! without a display.

pub mod raster;

use std::path::{Path, PathBuf};

use egui::{ColorImage, Pos2, Rect, vec2};

use crate::brief::Brief;
use crate::export::{ExportRequest, PNG_SIDE_PX, write_text_exports};
use crate::map::memory::MapMemory;
use crate::selection::Selection;
use crate::ui;
use raster::{Canvas, Textures};

/// Frames run before the picture is taken: egui settles text layout over
/// a few.
const SETTLE_FRAMES: usize = 4;

/// A picture of the map, and the places it could not show.
pub struct MapPicture {
    pub image: ColorImage,
    /// Names of the places that lie outside the picture.
    pub left_out: Vec<String>,
}

/// The map of `brief` fitted to its story, `size_px` pixels, as the app
/// draws it (without the zoom buttons).
pub fn map_image(brief: &Brief, size_px: [u32; 2], dark: bool) -> ColorImage {
    map_picture(brief, size_px, dark).image
}

/// The map of `brief` fitted to its story, as the app draws it at that view:
/// every context layer (boundaries, rivers, towns) is loaded before the
/// picture is taken, and the places that fall outside it are named.
pub fn map_picture(brief: &Brief, size_px: [u32; 2], dark: bool) -> MapPicture {
    // The app loads these on a thread after its first frame; a picture
    // waits for them (this runs on a worker, or in the command line).
    crate::map::world_context::WorldContext::load_now();
    let [w, h] = size_px.map(|s| s.clamp(*PNG_SIDE_PX.start(), *PNG_SIDE_PX.end()));
    let ctx = egui::Context::default();
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    ui::theme::apply_reading_style(&ctx);
    let screen = Rect::from_min_size(Pos2::ZERO, vec2(w as f32, h as f32));
    let mut memory = MapMemory::default();
    let mut cache = ui::map::MapCache::default();
    let selection = Selection::default();
    let mut textures = Textures::default();
    let mut output = None;
    for frame in 0..SETTLE_FRAMES {
        let input = egui::RawInput {
            screen_rect: Some(screen),
            time: Some(frame as f64 / 60.0),
            ..Default::default()
        };
        let out = ctx.run_ui(input, |ui| {
            let reading = ui::Reading {
                brief,
                article: brief.first_article(),
                filter: None,
                compare: None,
                selection: &selection,
                hovered: None,
                scroll_to_mention: false,
                scroll_to_words: false,
                busy: None,
                busy_done: None,
                gesture: None,
            };
            let _ = ui::map::map_picture_ui(ui, &reading, &mut memory, &mut cache);
        });
        let mut out = out;
        textures.apply(&out.textures_delta);
        out.textures_delta.clear();
        output = Some(out);
    }
    let left_out = memory
        .visible_area()
        .map(|area| places_outside(brief, area))
        .unwrap_or_default();
    let Some(output) = output else {
        return MapPicture {
            image: ColorImage::new([w as usize, h as usize], Vec::new()),
            left_out,
        };
    };
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    let background = ctx.global_style().visuals.panel_fill;
    let mut canvas = Canvas::new(w as usize, h as usize, background);
    canvas.paint(&primitives, &textures, output.pixels_per_point);
    MapPicture {
        image: canvas.into_image(),
        left_out,
    }
}

/// The names of the places no part of which lies in `area`.
fn places_outside(brief: &Brief, area: crate::map::memory::LonLatBox) -> Vec<String> {
    let ((west, south), (east, north)) = area;
    let inside =
        |(lon, lat): (f64, f64)| (west..=east).contains(&lon) && (south..=north).contains(&lat);
    brief
        .places()
        .filter(|p| {
            let country = (p.kind == crate::brief::PlaceKind::Country)
                .then(|| crate::basemap::Basemap::embedded().country_named(&p.name))
                .flatten();
            match country {
                Some(c) => {
                    let b = c.bbox;
                    b.max.lon_deg < west
                        || b.min.lon_deg > east
                        || b.max.lat_deg < south
                        || b.min.lat_deg > north
                }
                None => !inside(p.anchor_lon_lat()),
            }
        })
        .map(|p| p.name.clone())
        .collect()
}

/// What an export wrote, and what the reader should know about it.
#[derive(Debug, Default)]
pub struct Exported {
    pub files: Vec<PathBuf>,
    /// "The map leaves out 2 places: …".
    pub notes: Vec<String>,
}

/// Writes an RGBA image as PNG, through a temporary file renamed into place.
pub fn write_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let [width, height] = image.size;
    let rgba: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|c| c.to_srgba_unmultiplied())
        .collect();
    let tmp = path.with_extension("png.tmp");
    let write = || -> Result<(), Box<dyn std::error::Error>> {
        let file = std::fs::File::create(&tmp)?;
        let mut encoder =
            png::Encoder::new(std::io::BufWriter::new(file), width as u32, height as u32);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.write_header()?.write_image_data(&rgba)?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    };
    write().map_err(|e| format!("{}: cannot write the picture: {e}", path.display()))
}

/// The app's map palettes as the web page's CSS colours.
pub fn page_colours() -> crate::export::web::PageColours {
    let css = |c: egui::Color32| {
        let [r, g, b, a] = c.to_srgba_unmultiplied();
        if a == 255 {
            format!("#{r:02x}{g:02x}{b:02x}")
        } else {
            format!("rgba({r}, {g}, {b}, {:.3})", f32::from(a) / 255.0)
        }
    };
    let named = |p: &ui::theme::Palette| {
        vec![
            ("sea", css(p.sea)),
            ("land", css(p.land)),
            ("focus_land", css(p.focus_land)),
            ("story_land", css(p.story_land)),
            ("selected_land", css(p.selected_land)),
            ("border", css(p.border)),
            ("coast", css(p.coast)),
            ("admin1_line", css(p.admin1_line)),
            ("county_line", css(p.county_line)),
            ("river", css(p.river)),
            ("town_label", css(p.town_label)),
            ("region_label", css(p.region_label)),
            ("country_label", css(p.country_label)),
            ("sea_label", css(p.sea_label)),
            ("marker", css(p.marker)),
            ("marker_outline", css(p.marker_outline)),
            ("area_fill", css(p.area_fill)),
            ("area_stroke", css(p.area_stroke)),
            ("halo", css(p.halo)),
            ("hover_halo", css(p.hover_halo)),
            ("label", css(p.label)),
            ("label_halo", css(p.label_halo)),
            ("mention_selected", css(p.mention_selected)),
            ("mention_current", css(p.mention_current)),
            ("mention_hovered", css(p.mention_hovered)),
            ("mention_linked", css(p.mention_linked)),
        ]
    };
    crate::export::web::PageColours {
        light: named(ui::theme::Palette::for_dark_mode(false)),
        dark: named(ui::theme::Palette::for_dark_mode(true)),
    }
}

/// Writes every file `request` asks for; the errors name the file.
pub fn export_all(brief: &Brief, request: &ExportRequest, dark: bool) -> Result<Exported, String> {
    let mut exported = Exported {
        files: write_text_exports(brief, request).map_err(|e| e.to_string())?,
        notes: Vec::new(),
    };
    if let Some(path) = &request.html {
        let page = crate::export::web::web_page(brief, &page_colours());
        crate::brief::save::write_atomically(path, page.as_bytes()).map_err(|e| e.to_string())?;
        exported.files.push(path.clone());
    }
    if let Some((path, size)) = &request.png {
        let picture = map_picture(brief, *size, dark);
        write_png(path, &picture.image)?;
        exported.files.push(path.clone());
        if !picture.left_out.is_empty() {
            exported.notes.push(format!(
                "{}: the map fits the story's places and leaves out {} that lie beyond them: {}",
                path.display(),
                picture.left_out.len(),
                picture.left_out.join(", ")
            ));
        }
    }
    Ok(exported)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pixels within `tolerance` of `colour` on every channel.
    fn pixels_near(image: &ColorImage, colour: egui::Color32, tolerance: u8) -> usize {
        let [r, g, b, _] = colour.to_array();
        image
            .pixels
            .iter()
            .filter(|p| {
                let [pr, pg, pb, _] = p.to_array();
                pr.abs_diff(r) <= tolerance
                    && pg.abs_diff(g) <= tolerance
                    && pb.abs_diff(b) <= tolerance
            })
            .count()
    }

    #[test]
    fn a_local_story_s_picture_holds_its_counties_rivers_and_towns_and_every_place() {
        let text = "Flooding near Dublin\n\nDUBLIN, Ga. — Rain swelled rivers across Laurens County, \
            and crews from Dexter, Rentz and Wrightsville joined deputies. Volunteers came from \
            Macon and Soperton.";
        let brief = crate::compose::brief_from_text(
            text,
            "t",
            crate::gazetteer::Gazetteer::embedded(),
            &crate::geoparse::Options::default(),
        );
        assert!(
            brief.place_count() >= 5,
            "{:?}",
            brief.places().map(|p| &p.name).collect::<Vec<_>>()
        );
        let picture = map_picture(&brief, [800, 500], false);
        assert!(
            picture.left_out.is_empty(),
            "left out: {:?}",
            picture.left_out
        );
        let palette = crate::ui::theme::Palette::for_dark_mode(false);
        let county_lines = pixels_near(&picture.image, palette.county_line, 6);
        let town_names = pixels_near(&picture.image, palette.town_label, 10);
        let rivers = pixels_near(&picture.image, palette.river, 8);
        assert!(county_lines > 100, "{county_lines} pixels of county lines");
        assert!(town_names > 100, "{town_names} pixels of town names");
        assert!(rivers > 50, "{rivers} pixels of rivers");
    }

    #[test]
    fn a_picture_names_the_places_it_leaves_out() {
        let brief = Brief::default_brief();
        let picture = map_picture(&brief, [400, 300], false);
        let outside = places_outside(&brief, ((35.0, 34.0), (36.5, 36.0)));
        assert!(outside.contains(&"Moscow".to_string()), "{outside:?}");
        assert!(!outside.contains(&"Tartus naval facility".to_string()));
        assert!(
            !outside.contains(&"Syria".to_string()),
            "a country in view is shown"
        );
        assert!(
            !picture.left_out.contains(&"Moscow".to_string()),
            "{:?}",
            picture.left_out
        );
    }

    #[test]
    fn the_map_picture_has_the_size_asked_for_and_shows_land_and_sea() {
        let image = map_image(&Brief::default_brief(), [320, 240], false);
        assert_eq!(image.size, [320, 240]);
        let mut colours: Vec<[u8; 4]> = image.pixels.iter().map(|c| c.to_array()).collect();
        colours.sort_unstable();
        colours.dedup();
        assert!(
            colours.len() > 50,
            "only {} colours: an empty picture",
            colours.len()
        );
    }
}
