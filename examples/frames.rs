//! Runs frames of one scenario headless, for counting instructions under
//! callgrind, which a noisy shared machine does not disturb:
//!
//!     cargo build --release --example frames
//!     valgrind --tool=callgrind --collect-atstart=no \
//!         --toggle-collect='*counted_frames*' \
//!         target/release/examples/frames BRIEF.json idle 100
//!
//! `target/release/examples/frames BRIEF.json SCENARIO 400 times` prints each
//! frame's wall-clock time instead (frame, milliseconds, vertices). It says
//! the view it measured in as `FRAMES_VIEW=LAT,LON,ZOOM`; set that variable
//! to measure another brief in the same view.
//!
//! Scenarios: `idle`, `pointer` (a place selected, then Fit: the story's
//! whole view, the same for briefs of every size; pointer sweeping the map),
//! `pointer-at-place` (the same with the map left at the place, a different
//! view for each brief), `pan` (dragging the map), `scroll` (the text),
//! and for a story `timeline` (a time range a month wide moved a day each
//! frame, as a drag does) and `articles` (the next article every frame).
//! The gazetteer is
//! warmed and the context layers loaded before the frames, and ten frames
//! (layout, the first scene) run before the counted ones: the total divided
//! by the frames is the steady cost of one frame (`GeobriefApp::ui` and
//! `Context::tessellate` split it).

use geobrief::brief::{Brief, parse_brief_file};
use geobrief::map::memory::MapAction;
use geobrief::{Action, GeobriefApp};

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
    geobrief::map::world_context::WorldContext::load_now();
    let ctx = egui::Context::default();
    let mut app = GeobriefApp::new(brief.clone(), None);
    let selects = scenario == "pointer" || scenario == "pointer-at-place";
    if selects
        && let Some(p) = brief
            .places()
            .max_by_key(|p| brief.mentions_of(&p.id).len())
    {
        app.select_by_id(&p.id);
    }
    // Warm-up frames first (layout, the first scene), then the counted ones.
    let mut f = 0;
    let warmup = std::env::var("FRAMES_WARMUP")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    let arrive = |app: &mut GeobriefApp, f: &mut usize| {
        // A selection flies the map to the place: let it arrive.
        while app.map.target.is_some() && *f < 600 {
            run_frames(&ctx, app, &scenario, f, 1);
        }
    };
    run_frames(&ctx, &mut app, &scenario, &mut f, warmup);
    if app.map.target.is_some() {
        arrive(&mut app, &mut f);
        // The view where it stops is built once more: not a steady frame.
        run_frames(&ctx, &mut app, &scenario, &mut f, warmup);
    }
    if scenario == "pointer" {
        // Then Fit: the story's whole view, the same for briefs of every
        // size (at the place, each brief's view is somewhere else).
        app.apply(Action::Map(MapAction::FitAll));
        run_frames(&ctx, &mut app, &scenario, &mut f, 1);
        arrive(&mut app, &mut f);
        run_frames(&ctx, &mut app, &scenario, &mut f, warmup);
    }
    if let Some(view) = std::env::var("FRAMES_VIEW")
        .ok()
        .and_then(|v| parse_view(&v))
    {
        // Another view, to compare briefs in one view: set, then settled.
        app.map.camera = Some(view);
        app.map.target = None;
        run_frames(&ctx, &mut app, &scenario, &mut f, warmup);
    }
    if let Some(camera) = app.map.camera {
        let (lon, lat) = geobrief::map::projection::lon_lat_from_world(camera.center);
        eprintln!("view: FRAMES_VIEW={lat:.4},{lon:.4},{:.3}", camera.zoom);
    }
    if args.get(4).map(String::as_str) == Some("times") {
        // Wall-clock time of each frame, to find the slow ones.
        for _ in 0..frames {
            let start = std::time::Instant::now();
            let vertices = frame(&ctx, &mut app, &scenario, f);
            println!(
                "{f}\t{:.3}\t{vertices}",
                start.elapsed().as_secs_f64() * 1e3
            );
            f += 1;
        }
    } else {
        counted_frames(&ctx, &mut app, &scenario, &mut f, frames);
    }
    let vertices = frame(&ctx, &mut app, &scenario, f);
    eprintln!("{vertices} vertices tessellated in the last frame");
}

/// `LAT,LON,ZOOM` as a camera.
fn parse_view(view: &str) -> Option<geobrief::map::camera::Camera> {
    let parts: Vec<f64> = view
        .split(',')
        .map(|p| p.trim().parse().ok())
        .collect::<Option<_>>()?;
    let [lat, lon, zoom] = parts[..] else {
        return None;
    };
    Some(geobrief::map::camera::Camera {
        center: geobrief::map::projection::world_from_lon_lat(lon, lat),
        zoom,
    })
}

/// The frames callgrind counts (`--toggle-collect=*counted_frames*`).
#[inline(never)]
fn counted_frames(
    ctx: &egui::Context,
    app: &mut GeobriefApp,
    scenario: &str,
    f: &mut usize,
    n: usize,
) {
    run_frames(ctx, app, scenario, f, n);
}

fn run_frames(ctx: &egui::Context, app: &mut GeobriefApp, scenario: &str, f: &mut usize, n: usize) {
    for _ in 0..n {
        std::hint::black_box(frame(ctx, app, scenario, *f));
        *f += 1;
    }
}

/// One frame; returns how many vertices it tessellated into.
fn frame(ctx: &egui::Context, app: &mut GeobriefApp, scenario: &str, f: usize) -> usize {
    let t = (f % 120) as f32 / 120.0;
    let mut events = Vec::new();
    match scenario {
        "timeline" => {
            if let Some((first, last)) = app.time.index.span {
                let span = (last - first).max(31);
                let start = first + (f as i32 % (span - 30).max(1));
                app.apply(Action::SetTimeRange(Some((start, start + 30))));
            }
        }
        "articles" => {
            let count = app.brief().article_count();
            if count > 1 && (f + 1).is_multiple_of(count) {
                app.apply(Action::ShowArticle(app.brief().articles()[0].id.clone()));
            } else {
                app.apply(Action::StepArticle(1));
            }
        }
        "pointer" => events.push(egui::Event::PointerMoved(egui::pos2(
            560.0 + 300.0 * t,
            100.0 + 600.0 * t,
        ))),
        "pan" => {
            let p = egui::pos2(700.0 + (f % 60) as f32, 400.0);
            events.push(egui::Event::PointerMoved(p));
            // Pressed once the map is on screen, then held.
            if f == 3 {
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
                delta: egui::vec2(
                    0.0,
                    if (f / 200).is_multiple_of(2) {
                        -60.0
                    } else {
                        60.0
                    },
                ),
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
    out.textures_delta.clear();
    if std::env::var_os("FRAMES_PRIMITIVES").is_some() {
        for p in &primitives {
            if let egui::epaint::Primitive::Mesh(mesh) = &p.primitive {
                eprintln!("{:?}\t{}", p.clip_rect, mesh.vertices.len());
            }
        }
    }
    primitives
        .iter()
        .map(|p| match &p.primitive {
            egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum()
}
