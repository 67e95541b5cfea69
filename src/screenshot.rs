//! `--screenshot`: runs the real app in a real window until its layout and
//! any camera move have settled, captures the frame, writes a PNG and exits.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::app::GeobriefApp;

/// Frames to draw before capturing: egui lays out text over a few frames.
const SETTLE_FRAMES: u32 = 10;

/// Where the capture reports back: empty until it is done.
pub type Outcome = Arc<Mutex<Option<Result<(), String>>>>;

pub struct ScreenshotApp {
    app: GeobriefApp,
    out: PathBuf,
    select: Option<String>,
    frames: u32,
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
            frames: 0,
            requested: false,
            result: result.clone(),
        };
        (this, result)
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
        // A file given on the command line is still opening: wait for it.
        let loading = self.app.is_working();
        if self.frames >= 2
            && !loading
            && let Some(id) = self.select.take()
            && !self.app.select_by_id(&id)
        {
            self.finish(ui.ctx(), Err(format!("no place has the id {id:?}")));
        }
        self.app.ui(ui);
        self.frames += 1;
        let settled = self.frames > SETTLE_FRAMES
            && !loading
            && self.select.is_none()
            && self.app.map.target.is_none();
        if settled && !self.requested {
            self.requested = true;
            let out = self.out.clone();
            let result = self.result.clone();
            let ctx = ui.ctx().clone();
            ui.ctx().request_screenshot(move |image| {
                let saved = write_png(&out, &image);
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
    write().map_err(|e| format!("{}: cannot write the screenshot: {e}", path.display()))
}
