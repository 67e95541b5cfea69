//! Ear-clipping triangulation for the story's own areas (a hand-drawn region
//! is rarely convex, and egui fills only convex paths). The basemap's
//! countries come triangulated from the build script.

/// Triangles (as index triples) covering a simple polygon given as an open
/// or closed ring of (x, y) points. Returns fewer triangles for a degenerate
/// ring rather than failing.
pub fn triangulate_ring(ring: &[(f64, f64)]) -> Vec<[usize; 3]> {
    let mut n = ring.len();
    if n >= 2 && ring[0] == ring[n - 1] {
        n -= 1;
    }
    if n < 3 {
        return Vec::new();
    }
    let area: f64 = (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum();
    let mut idx: Vec<usize> = (0..n).collect();
    if area < 0.0 {
        idx.reverse(); // work counter-clockwise
    }
    let mut out = Vec::with_capacity(n - 2);
    let mut guard = 0;
    while idx.len() > 3 && guard < n * n {
        guard += 1;
        let m = idx.len();
        let ear = (0..m).find(|&i| {
            let (a, b, c) = (
                ring[idx[(i + m - 1) % m]],
                ring[idx[i]],
                ring[idx[(i + 1) % m]],
            );
            cross(a, b, c) > 0.0
                && !idx.iter().any(|&j| {
                    let p = ring[j];
                    p != a && p != b && p != c && in_triangle(p, a, b, c)
                })
        });
        let Some(i) = ear else { break };
        out.push([idx[(i + m - 1) % m], idx[i], idx[(i + 1) % m]]);
        idx.remove(i);
    }
    if idx.len() == 3 {
        out.push([idx[0], idx[1], idx[2]]);
    }
    out
}

fn cross(a: (f64, f64), b: (f64, f64), c: (f64, f64)) -> f64 {
    (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
}

fn in_triangle(p: (f64, f64), a: (f64, f64), b: (f64, f64), c: (f64, f64)) -> bool {
    cross(a, b, p) >= 0.0 && cross(b, c, p) >= 0.0 && cross(c, a, p) >= 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(t: [(f64, f64); 3]) -> f64 {
        cross(t[0], t[1], t[2]).abs() / 2.0
    }

    #[test]
    fn a_concave_l_shape_is_covered_exactly() {
        let ring = [
            (0.0, 0.0),
            (2.0, 0.0),
            (2.0, 1.0),
            (1.0, 1.0),
            (1.0, 2.0),
            (0.0, 2.0),
            (0.0, 0.0),
        ];
        let tris = triangulate_ring(&ring);
        assert_eq!(tris.len(), 4);
        let total: f64 = tris.iter().map(|t| area(t.map(|i| ring[i]))).sum();
        assert!((total - 3.0).abs() < 1e-9, "{total}");
    }

    #[test]
    fn a_clockwise_ring_works_too() {
        let ring = [(0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0)];
        assert_eq!(triangulate_ring(&ring).len(), 2);
    }

    #[test]
    fn a_degenerate_ring_gives_no_triangles() {
        assert!(triangulate_ring(&[(0.0, 0.0), (1.0, 1.0)]).is_empty());
    }
}
