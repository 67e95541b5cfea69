//! `--screenshot`: runs the real app in a real window until its layout and
//! any camera move have settled, captures the frame, writes a PNG and exits.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::app::GeobriefApp;
use crate::map::camera::{Camera, MAX_ZOOM, MIN_ZOOM};
use crate::map::projection::world_from_lon_lat;
use crate::map::world_context::WorldContext;

/// A map view given on the command line: `--view LAT,LON,ZOOM`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapViewArg {
    pub lat_deg: f64,
    pub lon_deg: f64,
    pub zoom: f64,
}

impl MapViewArg {
    pub fn camera(&self) -> Camera {
        Camera {
            center: world_from_lon_lat(self.lon_deg, self.lat_deg),
            zoom: self.zoom,
        }
    }
}

/// Parses `42.56,-84.84,10` (latitude, longitude, zoom level).
pub fn parse_view(text: &str) -> Result<MapViewArg, String> {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    let [lat, lon, zoom] = parts.as_slice() else {
        return Err("expected LAT,LON,ZOOM, e.g. 42.56,-84.84,10".into());
    };
    let number = |s: &str, what: &str, range: std::ops::RangeInclusive<f64>| {
        s.parse::<f64>()
            .ok()
            .filter(|v| range.contains(v))
            .ok_or(format!(
                "{what} must be a number from {} to {}, not {s:?}",
                range.start(),
                range.end()
            ))
    };
    Ok(MapViewArg {
        lat_deg: number(lat, "latitude", -85.0..=85.0)?,
        lon_deg: number(lon, "longitude", -180.0..=180.0)?,
        zoom: number(zoom, "zoom", MIN_ZOOM..=MAX_ZOOM)?,
    })
}

/// Frames to draw before capturing: egui lays out text over a few frames.
const SETTLE_FRAMES: u32 = 10;

/// Where the capture reports back: empty until it is done.
pub type Outcome = Arc<Mutex<Option<Result<(), String>>>>;

pub struct ScreenshotApp {
    app: GeobriefApp,
    out: PathBuf,
    select: Option<String>,
    view: Option<MapViewArg>,
    frames: u32,
    /// Frames drawn since the context layers arrived.
    frames_with_context: u32,
    requested: bool,
    result: Outcome,
}

impl ScreenshotApp {
    pub fn new(app: GeobriefApp, out: PathBuf, select: Option<String>) -> (Self, Outcome) {
        let result = Arc::new(Mutex::new(None));
        let this = Self {
            app,
            out,
            select,
            view: None,
            frames: 0,
            frames_with_context: 0,
            requested: false,
            result: result.clone(),
        };
        (this, result)
    }

    /// Shows this view of the map instead of the one the app opens on.
    pub fn with_view(mut self, view: Option<MapViewArg>) -> Self {
        self.view = view;
        self
    }
}

impl eframe::App for ScreenshotApp {
    /// The picture shows the app as it opens, not wherever the system's
    /// pointer happens to rest: pointer and keyboard input are left out.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        raw_input.events.retain(|e| {
            !matches!(
                e,
                egui::Event::PointerMoved(_)
                    | egui::Event::PointerButton { .. }
                    | egui::Event::MouseMoved(_)
                    | egui::Event::MouseWheel { .. }
                    | egui::Event::Key { .. }
                    | egui::Event::Text(_)
            )
        });
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // Once the picture is written the window closes without asking: a
        // brief made from a text counts as unsaved, but a scripted run made
        // nothing a reader would lose, and must exit.
        if self.result.lock().is_ok_and(|r| r.is_some()) {
            self.app.files.quit_confirmed = true;
        }
        // A file given on the command line is still opening: wait for it.
        let loading = self.app.is_working();
        if self.frames >= 2
            && !loading
            && let Some(id) = self.select.take()
            && !self.app.select_by_id(&id)
        {
            self.finish(ui.ctx(), Err(format!("no place has the id {id:?}")));
        }
        // After the selection, which flies the map to it: the view wins.
        if self.frames >= 2
            && !loading
            && self.select.is_none()
            && let Some(view) = self.view.take()
        {
            self.app.map.camera = Some(view.camera());
            self.app.map.target = None;
        }
        self.app.ui(ui);
        self.frames += 1;
        if WorldContext::loaded().is_some() {
            self.frames_with_context += 1;
        }
        let settled = self.frames > SETTLE_FRAMES
            && self.frames_with_context > 3
            && !loading
            && self.select.is_none()
            && self.view.is_none()
            && self.app.map.target.is_none();
        if settled && !self.requested {
            self.requested = true;
            let out = self.out.clone();
            let result = self.result.clone();
            let ctx = ui.ctx().clone();
            ui.ctx().request_screenshot(move |image| {
                let saved = crate::render::write_png(&out, &image);
                if let Ok(mut slot) = result.lock() {
                    *slot = Some(saved);
                }
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                ctx.request_repaint();
            });
        }
        ui.ctx().request_repaint();
    }
}

impl ScreenshotApp {
    fn finish(&self, ctx: &egui::Context, result: Result<(), String>) {
        if let Ok(mut slot) = self.result.lock() {
            *slot = Some(result);
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_is_latitude_then_longitude_then_zoom() {
        let view = parse_view("42.56, -84.84, 10").expect("parses");
        assert_eq!(
            (view.lat_deg, view.lon_deg, view.zoom),
            (42.56, -84.84, 10.0)
        );
        let camera = view.camera();
        assert_eq!(camera.zoom, 10.0);
        assert!(camera.center.x < 0.5, "west of Greenwich");
    }

    #[test]
    fn a_bad_view_says_what_is_wrong() {
        assert!(parse_view("42.5,-84.8").is_err());
        let error = parse_view("95,0,3").expect_err("off the map");
        assert!(error.contains("latitude"), "{error}");
        assert!(parse_view("1,2,zoom").is_err());
        assert!(parse_view("1,2,40").is_err());
    }
}
