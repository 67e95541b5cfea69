//! Frame-time benchmark: the whole UI run headless (`Context::run_ui` plus
//! tessellation), next to a bare egui frame measured the same way in the same
//! run. Prints the median and 99th percentile of each scenario: idle, a place
//! selected with the pointer moving (in the story's whole view, as after
//! pressing Fit, so briefs of every size are compared in the same view; and
//! again with the map at the place, which is a different view for each
//! brief), panning the map, scrolling the text.
//!
//!     cargo bench --bench frame                  # the default brief
//!     cargo bench --bench frame -- BRIEF.json…   # your own briefs too
//!     cargo bench --bench frame -- --briefs-only BRIEF.json…

use std::time::{Duration, Instant};

use geobrief::GeobriefApp;
use geobrief::action::Action;
use geobrief::brief::{Brief, parse_brief_file};
use geobrief::map::memory::MapAction;
use geobrief::map::world_context::WorldContext;

const WARMUP_FRAMES: usize = 30;
const MEASURED_FRAMES: usize = 400;
const SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

/// Frames run so far: each frame is 1/60 s after the one before, across
/// every scenario of the run, so the clock never goes back.
static FRAMES_RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn input(events: Vec<egui::Event>) -> egui::RawInput {
    let n = FRAMES_RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
        time: Some(n as f64 / 60.0),
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
        let raw = input(events_for(frame));
        let start = Instant::now();
        let mut output = ctx.run_ui(raw, &mut ui);
        let primitives =
            ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
        std::hint::black_box(primitives);
        output.textures_delta.clear();
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
        "{name:<58} median {:>7.3} ms   p99 {:>7.3} ms",
        pick(0.5).as_secs_f64() * 1e3,
        pick(0.99).as_secs_f64() * 1e3,
    );
}

fn pointer_path(frame: usize) -> egui::Pos2 {
    // Sweeps the map back and forth.
    let t = (frame % 120) as f32 / 120.0;
    egui::pos2(560.0 + 300.0 * t, 100.0 + 600.0 * t)
}

fn app_on(brief: &Brief) -> (egui::Context, GeobriefApp) {
    let ctx = egui::Context::default();
    let mut app = GeobriefApp::new(brief.clone(), None);
    // Settle the first layouts before measuring.
    settle(&ctx, &mut app);
    (ctx, app)
}

/// Runs frames until the layout has settled and the map has arrived where
/// it was going (a selection flies it to the place).
fn settle(ctx: &egui::Context, app: &mut GeobriefApp) {
    for frame in 0..600 {
        let mut out = ctx.run_ui(input(Vec::new()), |ui| app.ui(ui));
        out.textures_delta.clear();
        if frame >= 3 && app.map.target.is_none() {
            break;
        }
    }
}

/// Selects the brief's most-named place and lets the map fly there; then,
/// if `fit`, presses Fit (the story's whole view, the selection kept).
fn select_most_named(ctx: &egui::Context, app: &mut GeobriefApp, brief: &Brief, fit: bool) {
    let Some(id) = brief
        .places()
        .max_by_key(|p| brief.mentions_of(&p.id).len())
        .map(|p| p.id.clone())
    else {
        return;
    };
    app.select_by_id(&id);
    // The map flies to the place first: measure once it has arrived.
    settle(ctx, app);
    if fit {
        app.apply(Action::Map(MapAction::FitAll));
        settle(ctx, app);
    }
}

fn scenarios(name: &str, brief: &Brief) {
    let (ctx, mut app) = app_on(brief);
    report(
        &format!("{name}: idle"),
        measure(&ctx, |ui| app.ui(ui), |_| Vec::new()),
    );

    // A place selected in the story's whole view: the map flies to the
    // place, then the reader presses Fit. Every brief is measured in its
    // opening view this way (the same view for briefs spread over the
    // world), where the view at the place itself differs from brief to
    // brief: each one's most-named place lies somewhere else.
    for (what, fit) in [("", true), (", map at the place (each brief's own)", false)] {
        let (ctx, mut app) = app_on(brief);
        select_most_named(&ctx, &mut app, brief, fit);
        report(
            &format!("{name}: a place selected{what}, pointer moving"),
            measure(
                &ctx,
                |ui| app.ui(ui),
                |f| vec![egui::Event::PointerMoved(pointer_path(f))],
            ),
        );
    }

    let (ctx, mut app) = app_on(brief);
    report(
        &format!("{name}: panning the map"),
        measure(
            &ctx,
            |ui| app.ui(ui),
            |f| {
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
            },
        ),
    );

    let (ctx, mut app) = app_on(brief);
    report(
        &format!("{name}: scrolling the text"),
        measure(
            &ctx,
            |ui| app.ui(ui),
            |f| {
                // Down for a while, then back up, over the article.
                let down = (f / 200) % 2 == 0;
                vec![
                    egui::Event::PointerMoved(egui::pos2(200.0, 400.0)),
                    egui::Event::MouseWheel {
                        unit: egui::MouseWheelUnit::Point,
                        delta: egui::vec2(0.0, if down { -60.0 } else { 60.0 }),
                        phase: egui::TouchPhase::Move,
                        source: egui::MouseWheelSource::Wheel,
                        modifiers: egui::Modifiers::NONE,
                    },
                ]
            },
        ),
    );
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

/// Local views of the map (set, then dragged every frame, so its meshes are
/// rebuilt each frame): where the context layers matter most.
fn local_views(layers: &str) {
    for (name, lat_deg, lon_deg, zoom) in [
        ("dragging Charlotte, Michigan (z9.5)", 42.56, -84.84, 9.5),
        ("dragging northern Syria (z7)", 36.6, 38.0, 7.0),
    ] {
        let (ctx, mut app) = app_on(&Brief::default_brief());
        app.map.camera = Some(geobrief::map::camera::Camera {
            center: geobrief::map::projection::world_from_lon_lat(lon_deg, lat_deg),
            zoom,
        });
        app.map.target = None;
        report(
            &format!("{layers}: {name}"),
            measure(&ctx, |ui| app.ui(ui), drag_events),
        );
    }
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
    // `--briefs-only`: skip the default brief's layer comparison.
    let briefs_only = std::env::args().any(|a| a == "--briefs-only");
    if briefs_only {
        WorldContext::load_now();
    } else {
        // First the map as it was (1:50m only), then with every context layer.
        WorldContext::set_background_loading(false);
        scenarios("1:50m only, default brief", &Brief::default_brief());
        local_views("1:50m only");
        let started = Instant::now();
        WorldContext::load_now();
        println!(
            "context layers decoded and projected in {:.0} ms",
            started.elapsed().as_secs_f64() * 1e3
        );
        scenarios("all layers, default brief", &Brief::default_brief());
        local_views("all layers");
    }
    // `cargo bench` passes `--bench`; the rest are briefs to measure.
    for path in std::env::args().skip(1).filter(|a| !a.starts_with("--")) {
        match parse_brief_file(std::path::Path::new(&path)) {
            Ok(brief) => {
                let label = format!(
                    "{} ({} places, {:.1} MB text)",
                    std::path::Path::new(&path)
                        .file_name()
                        .map_or(path.clone(), |n| n.to_string_lossy().into_owned()),
                    brief.place_count(),
                    brief.paragraphs().iter().map(String::len).sum::<usize>() as f64 / 1e6
                );
                scenarios(&label, &brief);
            }
            Err(e) => eprintln!("{e}"),
        }
    }
}
