//! Web Mercator, in f64. "World" coordinates run from 0 to 1 across the map
//! (x east, y south); a view scales and shifts them to the screen. Longitude
//! and latitude are in degrees, x = longitude, y = latitude.

use std::f64::consts::PI;

/// Mercator is undefined at the poles; clamp as web maps do.
pub const MAX_LAT_DEG: f64 = 85.051_128_78;
/// Mean equatorial circumference of the Earth, metres (WGS 84).
pub const EARTH_CIRCUMFERENCE_M: f64 = 40_075_016.686;

/// A position in Web Mercator world units (0..1 on both axes).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct WorldPos {
    pub x: f64,
    pub y: f64,
}

pub fn world_from_lon_lat(lon_deg: f64, lat_deg: f64) -> WorldPos {
    let lat_rad = lat_deg.clamp(-MAX_LAT_DEG, MAX_LAT_DEG).to_radians();
    WorldPos {
        x: (lon_deg + 180.0) / 360.0,
        y: (1.0 - (lat_rad.tan() + 1.0 / lat_rad.cos()).ln() / PI) / 2.0,
    }
}

pub fn lon_lat_from_world(world: WorldPos) -> (f64, f64) {
    let lon_deg = world.x * 360.0 - 180.0;
    let lat_deg = (PI * (1.0 - 2.0 * world.y)).sinh().atan().to_degrees();
    (lon_deg, lat_deg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projecting_and_unprojecting_returns_the_same_place() {
        for &(lon, lat) in &[
            (35.8725, 34.9125),
            (37.6, 55.75),
            (-122.4, 37.8),
            (0.0, 0.0),
        ] {
            let (lon2, lat2) = lon_lat_from_world(world_from_lon_lat(lon, lat));
            assert!(
                (lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9,
                "{lon},{lat}"
            );
        }
    }

    #[test]
    fn the_equator_and_greenwich_meet_at_the_middle_of_the_world() {
        let w = world_from_lon_lat(0.0, 0.0);
        assert!((w.x - 0.5).abs() < 1e-12 && (w.y - 0.5).abs() < 1e-12);
    }

    #[test]
    fn north_is_up() {
        assert!(world_from_lon_lat(0.0, 55.0).y < world_from_lon_lat(0.0, 35.0).y);
    }
}
