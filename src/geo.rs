//! The crate's one geography vocabulary: a position ([`LonLat`]), a box of
//! them ([`GeoBox`]) and the distance between two positions ([`distance_km`]).
//! The basemap, the map and place detection all speak it. Degrees on WGS 84;
//! x is longitude and y latitude, always.

/// A position on the globe, in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLat {
    pub lon_deg: f64,
    pub lat_deg: f64,
}

impl LonLat {
    pub const fn new(lon_deg: f64, lat_deg: f64) -> Self {
        Self { lon_deg, lat_deg }
    }

    /// The same place with its longitude brought into [-180, 180).
    #[must_use]
    pub fn with_wrapped_lon(self) -> Self {
        Self::new(
            (self.lon_deg + 180.0).rem_euclid(360.0) - 180.0,
            self.lat_deg,
        )
    }
}

/// A longitude/latitude box, edges included.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GeoBox {
    pub min: LonLat,
    pub max: LonLat,
}

impl GeoBox {
    pub fn contains(&self, point: LonLat) -> bool {
        (self.min.lon_deg..=self.max.lon_deg).contains(&point.lon_deg)
            && (self.min.lat_deg..=self.max.lat_deg).contains(&point.lat_deg)
    }

    /// The point of the box nearest to `point` (the point itself when inside;
    /// longitudes are not wrapped across the antimeridian).
    #[must_use]
    pub fn nearest_to(&self, point: LonLat) -> LonLat {
        LonLat::new(
            point.lon_deg.clamp(self.min.lon_deg, self.max.lon_deg),
            point.lat_deg.clamp(self.min.lat_deg, self.max.lat_deg),
        )
    }

    /// The box's area on a sphere of [`EARTH_RADIUS_KM`], in square kilometres.
    #[must_use]
    pub fn area_km2(&self) -> f64 {
        let (south, north) = (self.min.lat_deg.to_radians(), self.max.lat_deg.to_radians());
        let width = (self.max.lon_deg - self.min.lon_deg).to_radians();
        EARTH_RADIUS_KM * EARTH_RADIUS_KM * width * (north.sin() - south.sin())
    }
}

/// Mean radius of the Earth, for distances on a sphere.
pub const EARTH_RADIUS_KM: f64 = 6371.0;

/// Great-circle distance in kilometres (haversine on a sphere of
/// [`EARTH_RADIUS_KM`]).
#[must_use]
pub fn distance_km(a: LonLat, b: LonLat) -> f64 {
    let (lat1, lat2) = (a.lat_deg.to_radians(), b.lat_deg.to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b.lon_deg - a.lon_deg).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// A cheap test that rules out most far-apart pairs before any trigonometry:
/// a degree of latitude is 111 km, and a degree of longitude at least 111 km
/// times the cosine of the pair's highest latitude. Never false for a pair
/// within `km`.
#[must_use]
pub fn roughly_within(a: LonLat, b: LonLat, km: f64) -> bool {
    let max_deg = km / 111.0;
    if (a.lat_deg - b.lat_deg).abs() > max_deg {
        return false;
    }
    let dlon_deg = (a.lon_deg - b.lon_deg).abs();
    let dlon_deg = dlon_deg.min(360.0 - dlon_deg);
    let narrowest_cos = a.lat_deg.abs().max(b.lat_deg.abs()).to_radians().cos();
    dlon_deg * narrowest_cos <= max_deg + 1e-9
}

/// Whether two positions lie within `km` of each other, the cheap test first.
#[must_use]
pub fn within_km(a: LonLat, b: LonLat, km: f64) -> bool {
    roughly_within(a, b, km) && distance_km(a, b) <= km
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_point_of_a_box_is_the_point_inside_and_its_edge_outside() {
        let georgia = GeoBox {
            min: LonLat::new(-85.6, 30.4),
            max: LonLat::new(-80.8, 35.0),
        };
        let macon = LonLat::new(-83.63, 32.84);
        assert_eq!(georgia.nearest_to(macon), macon);
        let austin = LonLat::new(-97.74, 30.27);
        assert_eq!(georgia.nearest_to(austin), LonLat::new(-85.6, 30.4));
    }

    #[test]
    fn a_box_of_one_degree_at_the_equator_is_about_twelve_thousand_square_km() {
        let equator = GeoBox {
            min: LonLat::new(0.0, 0.0),
            max: LonLat::new(1.0, 1.0),
        };
        assert!(
            (equator.area_km2() - 12_364.0).abs() < 50.0,
            "{}",
            equator.area_km2()
        );
        let north = GeoBox {
            min: LonLat::new(0.0, 60.0),
            max: LonLat::new(1.0, 61.0),
        };
        assert!((north.area_km2() / equator.area_km2() - 0.49).abs() < 0.02);
    }

    #[test]
    fn latakia_is_about_twenty_km_from_hmeimim() {
        let km = distance_km(LonLat::new(35.7909, 35.5312), LonLat::new(35.9481, 35.4114));
        assert!((km - 19.5).abs() < 1.5, "{km}");
    }

    #[test]
    fn tartus_is_about_fifty_five_km_from_latakia() {
        let km = distance_km(LonLat::new(35.8725, 34.9125), LonLat::new(35.9486, 35.4014));
        assert!((50.0..60.0).contains(&km), "{km}");
    }

    #[test]
    fn the_quick_distance_filter_never_drops_a_near_pair() {
        let pairs = [
            ((35.53, 35.79), (35.41, 35.95)),
            ((64.0, 179.5), (64.5, -179.5)),
            ((-33.9, 151.2), (-34.9, 150.6)),
            ((70.0, 20.0), (70.0, 25.5)),
        ];
        for ((lat1, lon1), (lat2, lon2)) in pairs {
            let (a, b) = (LonLat::new(lon1, lat1), LonLat::new(lon2, lat2));
            if distance_km(a, b) < 250.0 {
                assert!(roughly_within(a, b, 250.0), "{lat1},{lon1} {lat2},{lon2}");
            }
        }
        assert!(!roughly_within(
            LonLat::new(0.0, 0.0),
            LonLat::new(0.0, 10.0),
            250.0
        ));
    }

    #[test]
    fn a_box_holds_its_edges() {
        let b = GeoBox {
            min: LonLat::new(35.0, 34.0),
            max: LonLat::new(36.0, 35.0),
        };
        assert!(b.contains(LonLat::new(35.0, 35.0)));
        assert!(!b.contains(LonLat::new(36.1, 34.5)));
    }
}
