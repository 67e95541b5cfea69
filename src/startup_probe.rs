//! `--startup-probe`: measures launch-to-first-frame time and resident memory,
//! prints them and exits. The bare-window example uses the same probe, so the
//! two figures in BENCHMARKS.md are measured the same way.

use std::time::Instant;

pub struct StartupProbe {
    start: Instant,
    frames: u32,
    /// Milliseconds from start to the beginning of the first UI pass.
    first_ui_ms: f64,
    first_ui_end_ms: f64,
}

impl StartupProbe {
    /// Call first thing in `main`.
    pub fn start() -> Self {
        Self {
            start: Instant::now(),
            frames: 0,
            first_ui_ms: 0.0,
            first_ui_end_ms: 0.0,
        }
    }

    /// Call at the start of each frame's UI code.
    pub fn before_ui(&mut self) {
        if self.frames == 0 {
            self.first_ui_ms = self.start.elapsed().as_secs_f64() * 1e3;
        }
    }

    fn first_ui_end_ms(&self) -> f64 {
        self.first_ui_end_ms
    }

    /// Call once per frame. The first frame has been presented when the second
    /// begins; then the figures are printed and the window is closed.
    pub fn on_frame(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        if self.frames == 1 {
            self.first_ui_end_ms = self.start.elapsed().as_secs_f64() * 1e3;
        }
        if self.frames == 2 {
            let (rss_kib, peak_kib) = resident_memory_kib();
            println!(
                "first_frame_ms={:.1} rss_kib={rss_kib} peak_rss_kib={peak_kib} first_ui_start_ms={:.1} first_ui_end_ms={:.1}",
                self.start.elapsed().as_secs_f64() * 1e3,
                self.first_ui_ms,
                self.first_ui_end_ms()
            );
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ctx.request_repaint();
    }
}

/// Current and peak resident set size from /proc (0 where unavailable).
pub fn resident_memory_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}
