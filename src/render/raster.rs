//! A small software rasterizer for egui's tessellated output, so the map can
//! be drawn to a PNG with no window and no GPU (`geobrief export --png`, and
//! tests that look at the picture). It does what egui's own OpenGL painter
//! does: textured triangles with premultiplied-alpha vertex colours, blended
//! in gamma space, clipped to each primitive's rectangle. egui feathers its
//! edges with vertex alpha, so no multisampling is needed.

use std::collections::HashMap;

use egui::epaint::textures::TexturesDelta;
use egui::epaint::{ClippedPrimitive, ImageData, Primitive, TextureId, Vertex};
use egui::{Color32, ColorImage};

/// Textures as egui last set them.
#[derive(Default)]
pub struct Textures {
    images: HashMap<TextureId, ColorImage>,
}

impl Textures {
    pub fn apply(&mut self, delta: &TexturesDelta) {
        for (id, image_delta) in delta
            .set
            .iter()
            .flat_map(|(id, d)| d.iter().map(move |d| (id, d)))
        {
            let ImageData::Color(patch) = &image_delta.image;
            match image_delta.pos {
                None => {
                    self.images.insert(*id, (**patch).clone());
                }
                Some([x0, y0]) => {
                    let Some(image) = self.images.get_mut(id) else {
                        continue;
                    };
                    let [w, h] = patch.size;
                    for y in 0..h {
                        for x in 0..w {
                            let (tx, ty) = (x0 + x, y0 + y);
                            if tx < image.size[0] && ty < image.size[1] {
                                image.pixels[ty * image.size[0] + tx] = patch.pixels[y * w + x];
                            }
                        }
                    }
                }
            }
        }
        for id in &delta.free {
            self.images.remove(id);
        }
    }

    /// Bilinear sample at normalised coordinates (premultiplied, 0..1).
    fn sample(&self, id: TextureId, u: f32, v: f32) -> [f32; 4] {
        let Some(image) = self.images.get(&id) else {
            return [1.0; 4];
        };
        let [w, h] = image.size;
        if w == 0 || h == 0 {
            return [1.0; 4];
        }
        let x = (u * w as f32 - 0.5).clamp(0.0, (w - 1) as f32);
        let y = (v * h as f32 - 0.5).clamp(0.0, (h - 1) as f32);
        let (x0, y0) = (x.floor() as usize, y.floor() as usize);
        let (x1, y1) = ((x0 + 1).min(w - 1), (y0 + 1).min(h - 1));
        let (fx, fy) = (x - x0 as f32, y - y0 as f32);
        let px = |x: usize, y: usize| to_f32(image.pixels[y * w + x]);
        let (a, b, c, d) = (px(x0, y0), px(x1, y0), px(x0, y1), px(x1, y1));
        let mut out = [0.0; 4];
        for k in 0..4 {
            let top = a[k] + (b[k] - a[k]) * fx;
            let bottom = c[k] + (d[k] - c[k]) * fx;
            out[k] = top + (bottom - top) * fy;
        }
        out
    }
}

fn to_f32(c: Color32) -> [f32; 4] {
    let [r, g, b, a] = c.to_array();
    [
        f32::from(r) / 255.0,
        f32::from(g) / 255.0,
        f32::from(b) / 255.0,
        f32::from(a) / 255.0,
    ]
}

/// A picture being painted: premultiplied RGBA in gamma space.
pub struct Canvas {
    pub width: usize,
    pub height: usize,
    pixels: Vec<[f32; 4]>,
}

impl Canvas {
    pub fn new(width: usize, height: usize, background: Color32) -> Self {
        Self {
            width,
            height,
            pixels: vec![to_f32(background); width * height],
        }
    }

    /// Paints egui's primitives (positions in points) at `pixels_per_point`.
    pub fn paint(
        &mut self,
        primitives: &[ClippedPrimitive],
        textures: &Textures,
        pixels_per_point: f32,
    ) {
        for clipped in primitives {
            let Primitive::Mesh(mesh) = &clipped.primitive else {
                continue;
            };
            let clip = clipped.clip_rect * pixels_per_point;
            let clip = [
                clip.min.x.max(0.0),
                clip.min.y.max(0.0),
                clip.max.x.min(self.width as f32),
                clip.max.y.min(self.height as f32),
            ];
            for tri in mesh.indices.chunks_exact(3) {
                let corner = |i: u32| mesh.vertices.get(i as usize).copied();
                if let (Some(a), Some(b), Some(c)) =
                    (corner(tri[0]), corner(tri[1]), corner(tri[2]))
                {
                    self.triangle([a, b, c], mesh.texture_id, textures, pixels_per_point, clip);
                }
            }
        }
    }

    fn triangle(
        &mut self,
        v: [Vertex; 3],
        texture: TextureId,
        textures: &Textures,
        ppp: f32,
        clip: [f32; 4],
    ) {
        let p: Vec<[f32; 2]> = v.iter().map(|v| [v.pos.x * ppp, v.pos.y * ppp]).collect();
        let area = edge(p[0], p[1], p[2]);
        if area.abs() < 1e-6 || !area.is_finite() {
            return;
        }
        let min_x = p.iter().map(|q| q[0]).fold(f32::MAX, f32::min).max(clip[0]);
        let max_x = p.iter().map(|q| q[0]).fold(f32::MIN, f32::max).min(clip[2]);
        let min_y = p.iter().map(|q| q[1]).fold(f32::MAX, f32::min).max(clip[1]);
        let max_y = p.iter().map(|q| q[1]).fold(f32::MIN, f32::max).min(clip[3]);
        if min_x >= max_x || min_y >= max_y {
            return;
        }
        let colors: Vec<[f32; 4]> = v.iter().map(|v| to_f32(v.color)).collect();
        let (x0, x1) = (
            min_x.floor() as usize,
            (max_x.ceil() as usize).min(self.width),
        );
        let (y0, y1) = (
            min_y.floor() as usize,
            (max_y.ceil() as usize).min(self.height),
        );
        for y in y0..y1 {
            let py = y as f32 + 0.5;
            if py < clip[1] || py > clip[3] {
                continue;
            }
            for x in x0..x1 {
                let px = x as f32 + 0.5;
                if px < clip[0] || px > clip[2] {
                    continue;
                }
                let q = [px, py];
                let w0 = edge(p[1], p[2], q) / area;
                let w1 = edge(p[2], p[0], q) / area;
                let w2 = 1.0 - w0 - w1;
                // A pixel on a shared edge belongs to one triangle only.
                if w0 < 0.0 || w1 < 0.0 || w2 < 0.0 {
                    continue;
                }
                let u = w0 * v[0].uv.x + w1 * v[1].uv.x + w2 * v[2].uv.x;
                let t = w0 * v[0].uv.y + w1 * v[1].uv.y + w2 * v[2].uv.y;
                let tex = textures.sample(texture, u, t);
                let mut src = [0.0; 4];
                for k in 0..4 {
                    src[k] = (w0 * colors[0][k] + w1 * colors[1][k] + w2 * colors[2][k]) * tex[k];
                }
                let dst = &mut self.pixels[y * self.width + x];
                for k in 0..4 {
                    dst[k] = src[k] + dst[k] * (1.0 - src[3]);
                }
            }
        }
    }

    pub fn into_image(self) -> ColorImage {
        let pixels = self
            .pixels
            .into_iter()
            .map(|[r, g, b, a]| {
                let c = |x: f32| (x.clamp(0.0, 1.0) * 255.0).round() as u8;
                Color32::from_rgba_premultiplied(c(r), c(g), c(b), c(a))
            })
            .collect();
        ColorImage {
            size: [self.width, self.height],
            pixels,
            source_size: egui::vec2(self.width as f32, self.height as f32),
        }
    }
}

fn edge(a: [f32; 2], b: [f32; 2], c: [f32; 2]) -> f32 {
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::Mesh;

    #[test]
    fn a_red_square_covers_its_pixels_and_nothing_else() {
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(
            egui::Rect::from_min_max(egui::pos2(2.0, 2.0), egui::pos2(6.0, 6.0)),
            Color32::RED,
        );
        let primitives = [ClippedPrimitive {
            clip_rect: egui::Rect::EVERYTHING,
            primitive: Primitive::Mesh(mesh),
        }];
        let mut canvas = Canvas::new(8, 8, Color32::WHITE);
        canvas.paint(&primitives, &Textures::default(), 1.0);
        let image = canvas.into_image();
        assert_eq!(image.pixels[3 * 8 + 3], Color32::RED);
        assert_eq!(image.pixels[0], Color32::WHITE);
        assert_eq!(image.pixels[7 * 8 + 7], Color32::WHITE);
    }

    #[test]
    fn half_transparent_black_over_white_is_grey() {
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(
            egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(4.0, 4.0)),
            Color32::from_black_alpha(128),
        );
        let primitives = [ClippedPrimitive {
            clip_rect: egui::Rect::EVERYTHING,
            primitive: Primitive::Mesh(mesh),
        }];
        let mut canvas = Canvas::new(4, 4, Color32::WHITE);
        canvas.paint(&primitives, &Textures::default(), 1.0);
        let [r, g, b, _] = canvas.into_image().pixels[5].to_array();
        assert!((120..=135).contains(&r) && r == g && g == b, "{r} {g} {b}");
    }
}
