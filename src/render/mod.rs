//! Pictures of the map without a window: the map widget run in a headless
//! egui context, tessellated, and painted by a small software rasterizer.
//! `geobrief export --png` and File ▸ Export use it, on any machine, with or
//! without a display.

pub mod raster;

use std::path::PathBuf;

use egui::{ColorImage, Pos2, Rect, vec2};

use crate::brief::Brief;
use crate::export::{ExportRequest, write_text_exports};
use crate::map::memory::MapMemory;
use crate::selection::Selection;
use crate::ui;
use raster::{Canvas, Textures};

/// Frames run before the picture is taken: egui settles text layout over
/// a few.
const SETTLE_FRAMES: usize = 4;

/// Sizes a picture may have, in pixels a side.
pub const PNG_SIDE_PX: std::ops::RangeInclusive<u32> = 64..=8192;

/// The map of `brief` fitted to its story, `size_px` pixels, as the app
/// draws it (without the zoom buttons).
pub fn map_image(brief: &Brief, size_px: [u32; 2], dark: bool) -> ColorImage {
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
    let mut cache = ui::map_view::MapCache::default();
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
                selection: &selection,
                hovered: None,
                scroll_to_mention: false,
                busy: None,
                gesture: None,
            };
            let _ = ui::map_view::map_picture_ui(ui, &reading, &mut memory, &mut cache);
        });
        let mut out = out;
        textures.apply(&out.textures_delta);
        out.textures_delta.clear();
        output = Some(out);
    }
    let Some(output) = output else {
        return ColorImage::new([w as usize, h as usize], Vec::new());
    };
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    let background = ctx.global_style().visuals.panel_fill;
    let mut canvas = Canvas::new(w as usize, h as usize, background);
    canvas.paint(&primitives, &textures, output.pixels_per_point);
    canvas.into_image()
}

/// Writes every file `request` asks for; the errors name the file.
pub fn export_all(
    brief: &Brief,
    request: &ExportRequest,
    dark: bool,
) -> Result<Vec<PathBuf>, String> {
    let mut written = write_text_exports(brief, request).map_err(|e| e.to_string())?;
    if let Some((path, size)) = &request.png {
        let image = map_image(brief, *size, dark);
        crate::screenshot::write_png(path, &image)?;
        written.push(path.clone());
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

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
