//! Where the first frame's time goes, headless: basemap decoding and
//! projection, then the first UI pass and its tessellation.
//!
//!     cargo run --release --example first_frame_parts

use std::time::Instant;

fn main() {
    let t = Instant::now();
    let _ = geobrief::basemap::Basemap::embedded();
    println!(
        "basemap decode      {:>6.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let _ = geobrief::map::world_basemap::WorldBasemap::embedded();
    println!(
        "basemap projection  {:>6.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let mut app = geobrief::GeobriefApp::default();
    println!(
        "default brief       {:>6.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let ctx = egui::Context::default();
    for frame in 0..3 {
        let raw = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            ..Default::default()
        };
        let t = Instant::now();
        let output = ctx.run_ui(raw, |ui| app.ui(ui));
        let ui_ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
        println!(
            "frame {frame}: ui {ui_ms:>6.1} ms, tessellate {:>6.1} ms",
            t.elapsed().as_secs_f64() * 1e3
        );
    }
}
