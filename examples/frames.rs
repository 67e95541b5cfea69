//! Runs frames of one scenario headless, for counting instructions under
//! callgrind, which a noisy shared machine does not disturb:
//!
//!     cargo build --release --example frames
//!     valgrind --tool=callgrind target/release/examples/frames BRIEF.json idle 100
//!
//! Scenarios: `idle`, `pointer` (a place selected, pointer sweeping the
//! map), `pan` (dragging the map), `scroll` (the text). The gazetteer is
//! warmed before the frames, and the first frames (layout) are run before
//! the counted ones; compare `GeobriefApp::ui` and `Context::tessellate`
//! inclusive counts divided by the frames.

use geobrief::GeobriefApp;
use geobrief::brief::{Brief, parse_brief_file};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let brief = match args.get(1).map(String::as_str) {
        None | Some("default") => Brief::default_brief(),
        Some(path) => match parse_brief_file(std::path::Path::new(path)) {
            Ok(brief) => brief,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        },
    };
    let scenario = args.get(2).map_or("idle", String::as_str).to_string();
    let frames: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(100);
    let gaz = geobrief::gazetteer::Gazetteer::embedded();
    let _ = gaz.name_finder();
    let ctx = egui::Context::default();
    let mut app = GeobriefApp::new(brief.clone(), None);
    if scenario == "pointer"
        && let Some(p) = brief
            .places()
            .max_by_key(|p| brief.mentions_of(&p.id).len())
    {
        app.select_by_id(&p.id);
    }
    for f in 0..frames + 10 {
        let t = (f % 120) as f32 / 120.0;
        let mut events = Vec::new();
        match scenario.as_str() {
            "pointer" => events.push(egui::Event::PointerMoved(egui::pos2(
                560.0 + 300.0 * t,
                100.0 + 600.0 * t,
            ))),
            "pan" => {
                let p = egui::pos2(700.0 + (f % 60) as f32, 400.0);
                events.push(egui::Event::PointerMoved(p));
                if f == 0 {
                    events.push(egui::Event::PointerButton {
                        pos: p,
                        button: egui::PointerButton::Primary,
                        pressed: true,
                        modifiers: egui::Modifiers::NONE,
                    });
                }
            }
            "scroll" => {
                events.push(egui::Event::PointerMoved(egui::pos2(200.0, 400.0)));
                events.push(egui::Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta: egui::vec2(0.0, if (f / 200) % 2 == 0 { -60.0 } else { 60.0 }),
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Wheel,
                    modifiers: egui::Modifiers::NONE,
                });
            }
            _ => {}
        }
        let raw = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            time: Some(f as f64 / 60.0),
            events,
            ..Default::default()
        };
        let mut out = ctx.run_ui(raw, |ui| app.ui(ui));
        let primitives = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
        std::hint::black_box(primitives);
        out.textures_delta.clear();
    }
}
