//! Frame-time benchmark: the whole UI run headless (`Context::run_ui` plus
//! tessellation) on the default brief, next to a bare egui frame measured the
//! same way in the same run. Prints the median and 99th percentile.
//!
//!     cargo bench --bench frame

use std::time::{Duration, Instant};

use geobrief::GeobriefApp;
use geobrief::map::world_context::WorldContext;

const WARMUP_FRAMES: usize = 30;
const MEASURED_FRAMES: usize = 400;
const SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

fn input(events: Vec<egui::Event>, time: f64) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
        time: Some(time),
        predicted_dt: 1.0 / 60.0,
        events,
        ..Default::default()
    }
}

/// Runs `frames` frames and returns the time of each (UI pass + tessellation).
fn measure(
    ctx: &egui::Context,
    mut ui: impl FnMut(&mut egui::Ui),
    mut events_for: impl FnMut(usize) -> Vec<egui::Event>,
) -> Vec<Duration> {
    let mut times = Vec::with_capacity(MEASURED_FRAMES);
    for frame in 0..WARMUP_FRAMES + MEASURED_FRAMES {
        let raw = input(events_for(frame), frame as f64 / 60.0);
        let start = Instant::now();
        let output = ctx.run_ui(raw, &mut ui);
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        std::hint::black_box(primitives);
        if frame >= WARMUP_FRAMES {
            times.push(start.elapsed());
        }
    }
    times
}

fn report(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let pick = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name:<44} median {:>7.3} ms   p99 {:>7.3} ms   ({} frames)",
        pick(0.5).as_secs_f64() * 1e3,
        pick(0.99).as_secs_f64() * 1e3,
        times.len()
    );
}

fn pointer_path(frame: usize) -> egui::Pos2 {
    // Sweeps the map back and forth over the Syrian coast and Moscow.
    let t = (frame % 120) as f32 / 120.0;
    egui::pos2(560.0 + 300.0 * t, 100.0 + 600.0 * t)
}

fn drag_events(f: usize) -> Vec<egui::Event> {
    let p = egui::pos2(700.0 + (f % 60) as f32, 400.0);
    let mut events = vec![egui::Event::PointerMoved(p)];
    if f == 0 {
        events.push(egui::Event::PointerButton {
            pos: p,
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: egui::Modifiers::NONE,
        });
    }
    events
}

/// The app with its map looking at a place, settled there.
fn app_at(lat_deg: f64, lon_deg: f64, zoom: f64) -> (egui::Context, GeobriefApp) {
    let ctx = egui::Context::default();
    let mut app = GeobriefApp::default();
    let _ = ctx.run_ui(input(Vec::new(), 0.0), |ui| app.ui(ui));
    app.map.camera = Some(geobrief::map::camera::Camera {
        center: geobrief::map::projection::world_from_lon_lat(lon_deg, lat_deg),
        zoom,
    });
    app.map.target = None;
    (ctx, app)
}

/// The same scenarios with the 1:50m map alone (as before the context
/// layers) or with every layer, labelled so.
fn scenarios(layers: &str) {
    let ctx = egui::Context::default();
    let mut app = GeobriefApp::default();
    report(
        &format!("{layers}: idle frame, default brief"),
        measure(&ctx, |ui| app.ui(ui), |_| Vec::new()),
    );

    let mut app = GeobriefApp::default();
    app.select_by_id("tartus");
    let ctx = egui::Context::default();
    report(
        &format!("{layers}: Tartus selected, pointer moving"),
        measure(
            &ctx,
            |ui| app.ui(ui),
            |f| vec![egui::Event::PointerMoved(pointer_path(f))],
        ),
    );

    let ctx = egui::Context::default();
    let mut app = GeobriefApp::default();
    report(
        &format!("{layers}: dragging the opening view"),
        measure(&ctx, |ui| app.ui(ui), drag_events),
    );

    let (ctx, mut app) = app_at(42.56, -84.84, 9.5);
    report(
        &format!("{layers}: dragging Charlotte, Michigan (z9.5)"),
        measure(&ctx, |ui| app.ui(ui), drag_events),
    );

    let (ctx, mut app) = app_at(36.6, 38.0, 7.0);
    report(
        &format!("{layers}: dragging northern Syria (z7)"),
        measure(&ctx, |ui| app.ui(ui), drag_events),
    );
}

fn main() {
    let bare = egui::Context::default();
    report(
        "baseline: bare egui frame (one label)",
        measure(
            &bare,
            |ui| {
                egui::CentralPanel::default().show(ui, |ui| ui.label("Hello"));
            },
            |_| Vec::new(),
        ),
    );
    // First the map as it was (1:50m only), then with every context layer.
    WorldContext::set_background_loading(false);
    scenarios("1:50m only");
    let started = Instant::now();
    WorldContext::load_now();
    println!(
        "context layers decoded and projected in {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    scenarios("all layers");
}
