//! Map shapes made small for a page: simplified for the zoom they are seen
//! at (Douglas–Peucker), clipped to the part of the world the page shows,
//! and written as SVG path data in whole units of a patch's own grid, each
//! point relative to the last, so a coast costs a few bytes a point.

use crate::map::projection::WorldPos;

/// A box in world units (0..1 on both axes, y south).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WorldBox {
    pub min: WorldPos,
    pub max: WorldPos,
}

impl WorldBox {
    pub fn new(min: WorldPos, max: WorldPos) -> Self {
        Self { min, max }
    }

    pub fn around(center: WorldPos, half_width: f64, half_height: f64) -> Self {
        Self::new(
            WorldPos {
                x: center.x - half_width,
                y: center.y - half_height,
            },
            WorldPos {
                x: center.x + half_width,
                y: center.y + half_height,
            },
        )
    }

    pub fn of_points(points: &[WorldPos]) -> Option<Self> {
        let first = *points.first()?;
        Some(
            points
                .iter()
                .fold(Self::new(first, first), |b, p| b.including(*p)),
        )
    }

    pub fn including(self, p: WorldPos) -> Self {
        Self::new(
            WorldPos {
                x: self.min.x.min(p.x),
                y: self.min.y.min(p.y),
            },
            WorldPos {
                x: self.max.x.max(p.x),
                y: self.max.y.max(p.y),
            },
        )
    }

    pub fn union(self, other: Self) -> Self {
        self.including(other.min).including(other.max)
    }

    pub fn intersection(self, other: Self) -> Option<Self> {
        let b = Self::new(
            WorldPos {
                x: self.min.x.max(other.min.x),
                y: self.min.y.max(other.min.y),
            },
            WorldPos {
                x: self.max.x.min(other.max.x),
                y: self.max.y.min(other.max.y),
            },
        );
        (b.min.x < b.max.x && b.min.y < b.max.y).then_some(b)
    }

    pub fn intersects(&self, min: WorldPos, max: WorldPos) -> bool {
        min.x <= self.max.x && self.min.x <= max.x && min.y <= self.max.y && self.min.y <= max.y
    }

    pub fn contains(&self, p: WorldPos) -> bool {
        (self.min.x..=self.max.x).contains(&p.x) && (self.min.y..=self.max.y).contains(&p.y)
    }

    pub fn width(&self) -> f64 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f64 {
        self.max.y - self.min.y
    }

    pub fn center(&self) -> WorldPos {
        WorldPos {
            x: (self.min.x + self.max.x) / 2.0,
            y: (self.min.y + self.max.y) / 2.0,
        }
    }

    pub fn grown(&self, by_x: f64, by_y: f64) -> Self {
        Self::around(
            self.center(),
            self.width() / 2.0 + by_x,
            self.height() / 2.0 + by_y,
        )
    }
}

/// Douglas–Peucker: the points of `line` needed to keep it within
/// `tolerance` world units of itself. The ends always stay.
pub fn simplify(line: &[WorldPos], tolerance: f64) -> Vec<WorldPos> {
    if line.len() <= 2 {
        return line.to_vec();
    }
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    let mut stack = vec![(0, line.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let mut far = (0.0, 0);
        for i in a + 1..b {
            let d = distance_to_segment(line[i], line[a], line[b]);
            if d > far.0 {
                far = (d, i);
            }
        }
        if far.0 > tolerance {
            keep[far.1] = true;
            stack.push((a, far.1));
            stack.push((far.1, b));
        }
    }
    line.iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

fn distance_to_segment(p: WorldPos, a: WorldPos, b: WorldPos) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let length_sq = dx * dx + dy * dy;
    let t = if length_sq == 0.0 {
        0.0
    } else {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / length_sq).clamp(0.0, 1.0)
    };
    (p.x - (a.x + t * dx)).hypot(p.y - (a.y + t * dy))
}

/// A closed ring cut to `bounds` (Sutherland–Hodgman): what lies outside
/// is replaced by runs along the box's edges, which a fill does not show.
pub fn clip_ring(ring: &[WorldPos], bounds: &WorldBox) -> Vec<WorldPos> {
    let mut out = ring.to_vec();
    for edge in [Edge::Left, Edge::Right, Edge::Top, Edge::Bottom] {
        let inside = |p: WorldPos, b: &WorldBox| edge.keeps(p, b);
        if out.is_empty() {
            break;
        }
        let input = std::mem::take(&mut out);
        let mut previous = input[input.len() - 1];
        for &current in &input {
            match (inside(current, bounds), inside(previous, bounds)) {
                (true, true) => out.push(current),
                (true, false) => {
                    out.push(edge.crossing(previous, current, bounds));
                    out.push(current);
                }
                (false, true) => out.push(edge.crossing(previous, current, bounds)),
                (false, false) => {}
            }
            previous = current;
        }
    }
    out
}

#[derive(Clone, Copy)]
enum Edge {
    Left,
    Right,
    Top,
    Bottom,
}

impl Edge {
    fn keeps(self, p: WorldPos, b: &WorldBox) -> bool {
        match self {
            Edge::Left => p.x >= b.min.x,
            Edge::Right => p.x <= b.max.x,
            Edge::Top => p.y >= b.min.y,
            Edge::Bottom => p.y <= b.max.y,
        }
    }

    fn crossing(self, a: WorldPos, b: WorldPos, bounds: &WorldBox) -> WorldPos {
        let at_x = |x: f64| {
            let t = (x - a.x) / (b.x - a.x);
            WorldPos {
                x,
                y: a.y + t * (b.y - a.y),
            }
        };
        let at_y = |y: f64| {
            let t = (y - a.y) / (b.y - a.y);
            WorldPos {
                x: a.x + t * (b.x - a.x),
                y,
            }
        };
        match self {
            Edge::Left => at_x(bounds.min.x),
            Edge::Right => at_x(bounds.max.x),
            Edge::Top => at_y(bounds.min.y),
            Edge::Bottom => at_y(bounds.max.y),
        }
    }
}

/// The runs of a polyline whose segments touch `bounds`.
pub fn clip_line(line: &[WorldPos], bounds: &WorldBox) -> Vec<Vec<WorldPos>> {
    let mut runs = Vec::new();
    let mut run: Vec<WorldPos> = Vec::new();
    for pair in line.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let min = WorldPos {
            x: a.x.min(b.x),
            y: a.y.min(b.y),
        };
        let max = WorldPos {
            x: a.x.max(b.x),
            y: a.y.max(b.y),
        };
        if bounds.intersects(min, max) {
            if run.is_empty() {
                run.push(a);
            }
            run.push(b);
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if run.len() >= 2 {
        runs.push(run);
    }
    runs
}

/// Writes lines or rings on a grid of `units_per_world` as a compact
/// stream the page turns back into SVG path data: for each line its number
/// of points (a plain varint), its first point, then each step from the last (steps that
/// round to nothing are left out), every number a zigzag LEB128 varint, the
/// whole in base64. A coast costs about three bytes a point instead of the
/// seven or so of SVG text; `decodePath` in `assets/web/page.js` reads it.
pub struct PathWriter {
    units_per_world: f64,
    bytes: Vec<u8>,
}

impl PathWriter {
    pub fn new(units_per_world: f64) -> Self {
        Self {
            units_per_world,
            bytes: Vec::new(),
        }
    }

    fn unit(&self, p: WorldPos) -> (i64, i64) {
        (
            (p.x * self.units_per_world).round() as i64,
            (p.y * self.units_per_world).round() as i64,
        )
    }

    /// Adds one line (or ring, if `closed`; the page closes it); a ring
    /// that rounds to fewer than three points, or a line to one, is left out.
    pub fn add(&mut self, points: &[WorldPos], closed: bool) {
        let mut units: Vec<(i64, i64)> = Vec::with_capacity(points.len());
        for &p in points {
            let u = self.unit(p);
            if units.last() != Some(&u) {
                units.push(u);
            }
        }
        if closed && units.len() > 1 && units.first() == units.last() {
            units.pop();
        }
        if units.len() < if closed { 3 } else { 2 } {
            return;
        }
        push_unsigned(&mut self.bytes, units.len() as u64);
        let mut last = (0, 0);
        for &(x, y) in &units {
            push_varint(&mut self.bytes, x - last.0);
            push_varint(&mut self.bytes, y - last.1);
            last = (x, y);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn finish(self) -> String {
        base64(&self.bytes)
    }
}

/// A signed number as a zigzag LEB128 varint: 0, -1, 1, -2… become 0, 1,
/// 2, 3…, seven bits a byte, the high bit set on every byte but the last.
fn push_varint(out: &mut Vec<u8>, value: i64) {
    push_unsigned(out, ((value << 1) ^ (value >> 63)) as u64);
}

/// A count as an LEB128 varint.
fn push_unsigned(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Standard base64 with padding (RFC 4648), as the browser's `atob` reads.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> WorldPos {
        WorldPos { x, y }
    }

    #[test]
    fn a_nearly_straight_line_keeps_its_ends_and_its_corner() {
        let line = [p(0.0, 0.0), p(1.0, 0.001), p(2.0, 0.0), p(2.0, 1.0)];
        assert_eq!(
            simplify(&line, 0.01),
            [p(0.0, 0.0), p(2.0, 0.0), p(2.0, 1.0)]
        );
    }

    #[test]
    fn a_ring_across_the_box_edge_is_cut_along_it() {
        let square = [p(0.0, 0.0), p(2.0, 0.0), p(2.0, 2.0), p(0.0, 2.0)];
        let clipped = clip_ring(&square, &WorldBox::new(p(1.0, -1.0), p(3.0, 3.0)));
        assert!(clipped.iter().all(|q| q.x >= 1.0 && q.x <= 2.0));
        assert_eq!(clipped.len(), 4);
    }

    #[test]
    fn a_line_leaving_the_box_and_coming_back_is_two_runs() {
        let line = [
            p(0.0, 0.0),
            p(0.5, 0.0),
            p(5.0, 0.0),
            p(6.0, 0.0),
            p(0.2, 0.1),
            p(0.3, 0.1),
        ];
        let runs = clip_line(&line, &WorldBox::new(p(-1.0, -1.0), p(1.0, 1.0)));
        assert_eq!(runs.len(), 2);
    }

    #[test]
    fn a_path_is_counts_and_steps_as_zigzag_varints_and_drops_steps_that_round_to_nothing() {
        let mut writer = PathWriter::new(10.0);
        writer.add(
            &[p(1.0, 1.0), p(1.01, 1.0), p(2.0, 1.0), p(2.0, 0.5)],
            false,
        );
        writer.add(&[p(0.0, 0.0), p(1.0, 0.0), p(1.0, 1.0), p(0.0, 0.0)], true);
        // 3 points: (10,10) (+10,0) (0,-5); a ring of 3: (0,0) (+10,0) (0,+10);
        // zigzag: 10 -> 20, -5 -> 9.
        assert_eq!(
            writer.bytes,
            [3, 20, 20, 20, 0, 0, 9, 3, 0, 0, 20, 0, 0, 20]
        );
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
        let mut big = Vec::new();
        push_varint(&mut big, 300);
        assert_eq!(big, [0xd8, 0x04], "600 in two bytes");
    }
}
