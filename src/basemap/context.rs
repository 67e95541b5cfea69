//! The context layers shipped inside the binary (`assets/context/`, see
//! `assets/context/README.md` for sources and licences), and what the app asks
//! of them without drawing: which first-level division and US county hold a
//! point, so the place card can say where a place is ("Eaton County, Michigan,
//! United States") for any point, including one a user placed.
//!
//! Decoding all layers takes a few hundred milliseconds, so the app does it on
//! a thread after its first frame ([`Regions::loaded`] is `None` until then);
//! tests and the command line may block on [`Regions::embedded`].

use std::sync::OnceLock;

use super::layer::{Feature, Layer, LayerPolygon, bounding_box};
use super::{Basemap, GeoBox, LonLat};

macro_rules! context_asset {
    ($file:literal) => {
        include_bytes!(concat!("../../assets/context/", $file))
    };
}

pub static COUNTRIES_10M_BYTES: &[u8] = context_asset!("countries-10m.bin");
pub static COUNTRY_LINES_10M_BYTES: &[u8] = context_asset!("country-lines-10m.bin");
pub static ADMIN1_BYTES: &[u8] = context_asset!("admin1.bin");
pub static ADMIN1_LINES_BYTES: &[u8] = context_asset!("admin1-lines.bin");
pub static COUNTIES_BYTES: &[u8] = context_asset!("counties.bin");
pub static COUNTY_LINES_BYTES: &[u8] = context_asset!("county-lines.bin");
pub static LAKES_BYTES: &[u8] = context_asset!("lakes.bin");
pub static RIVERS_BYTES: &[u8] = context_asset!("rivers.bin");
pub static TOWNS_BYTES: &[u8] = context_asset!("towns.bin");

/// Decodes one embedded layer: our own build artefact, checked by the tests
/// below, not user data.
pub fn embedded_layer(bytes: &[u8]) -> Layer {
    Layer::from_bytes(bytes)
        .expect("assets/context layers should decode; rebuild them with tools/build_context.sh")
}

/// A named area: a first-level division or a US county.
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    pub name: String,
    /// ISO 3166-2 for a division ("US-MI"), FIPS for a county ("26045").
    pub code: String,
    /// The country of a division, the state of a county.
    pub parent: String,
    /// Natural Earth's label point of a division; a county's pole of inaccessibility.
    pub label: LonLat,
    /// Natural Earth's min_zoom × 10 for a division (lower is more important).
    pub rank: u32,
    pub polygons: Vec<LayerPolygon>,
    pub bbox: GeoBox,
}

impl Region {
    fn from_feature(feature: Feature) -> Self {
        let corners: Vec<LonLat> = feature
            .polygons
            .iter()
            .flat_map(|p| [p.bbox.min, p.bbox.max])
            .collect();
        Self {
            bbox: bounding_box(&corners),
            name: feature.name,
            code: feature.code,
            parent: feature.parent,
            label: feature.label,
            rank: feature.weight,
            polygons: feature.polygons,
        }
    }

    pub fn contains(&self, point: LonLat) -> bool {
        self.bbox.contains(point) && self.polygons.iter().any(|p| p.contains(point))
    }
}

/// First-level divisions worldwide and US counties, for looking points up.
pub struct Regions {
    pub admin1: Vec<Region>,
    pub counties: Vec<Region>,
}

static REGIONS: OnceLock<Regions> = OnceLock::new();

impl Regions {
    fn decode() -> Self {
        let regions = |bytes| {
            embedded_layer(bytes)
                .features
                .into_iter()
                .map(Region::from_feature)
                .collect()
        };
        Self {
            admin1: regions(ADMIN1_BYTES),
            counties: regions(COUNTIES_BYTES),
        }
    }

    /// The embedded regions, decoded now if no one has yet (blocks).
    pub fn embedded() -> &'static Regions {
        REGIONS.get_or_init(Self::decode)
    }

    /// The embedded regions if they have been decoded, without waiting.
    pub fn loaded() -> Option<&'static Regions> {
        REGIONS.get()
    }

    pub fn admin1_at(&self, point: LonLat) -> Option<&Region> {
        let point = point.with_wrapped_lon();
        self.admin1.iter().find(|r| r.contains(point))
    }

    pub fn county_at(&self, point: LonLat) -> Option<&Region> {
        let point = point.with_wrapped_lon();
        self.counties.iter().find(|r| r.contains(point))
    }

    /// Where a point is, from the smallest area to the country: "Eaton
    /// County, Michigan, United States", "Latakia, Syria", or the country
    /// alone. Parts equal to `own_name` (a region named after itself) are
    /// left out; `None` at sea.
    pub fn describe(&self, point: LonLat, own_name: &str) -> Option<String> {
        let mut parts: Vec<String> = Vec::new();
        let admin1 = self.admin1_at(point);
        let country = admin1.map(|a| a.parent.clone()).or_else(|| {
            Basemap::embedded()
                .country_at(point)
                .map(|c| c.name.clone())
        })?;
        if country == "United States of America"
            && let Some(county) = self.county_at(point)
        {
            parts.push(county.name.clone());
        }
        if let Some(admin1) = admin1 {
            parts.push(admin1.name.clone());
        }
        parts.push(reader_country_name(&country).to_owned());
        parts.retain(|part| !part.eq_ignore_ascii_case(own_name));
        parts.dedup();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// The name a reader uses for a country whose Natural Earth name is formal
/// or abbreviated.
pub fn reader_country_name(natural_earth_name: &str) -> &str {
    match natural_earth_name {
        "United States of America" => "United States",
        "Dem. Rep. Congo" => "Democratic Republic of the Congo",
        "Central African Rep." => "Central African Republic",
        "Bosnia and Herz." => "Bosnia and Herzegovina",
        "Dominican Rep." => "Dominican Republic",
        "Eq. Guinea" => "Equatorial Guinea",
        "S. Sudan" => "South Sudan",
        "W. Sahara" => "Western Sahara",
        "Solomon Is." => "Solomon Islands",
        "Czechia" => "Czech Republic",
        other => other,
    }
}

/// A town to name on the map for context.
#[derive(Clone, Debug, PartialEq)]
pub struct Town {
    pub name: String,
    /// ISO 3166-1 alpha-2, e.g. "US".
    pub country_code: String,
    pub population: u32,
    /// A national capital.
    pub capital: bool,
    pub pos: LonLat,
}

/// The embedded towns, biggest first.
pub fn embedded_towns() -> Vec<Town> {
    embedded_layer(TOWNS_BYTES)
        .features
        .into_iter()
        .map(|f| Town {
            capital: f.code == "capital",
            name: f.name,
            country_code: f.parent,
            population: f.weight,
            pos: f.label,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions() -> &'static Regions {
        Regions::embedded()
    }

    #[test]
    fn every_embedded_layer_decodes_with_what_it_should_hold() {
        let count = |bytes| embedded_layer(bytes).features.len();
        assert!((250..=260).contains(&count(COUNTRIES_10M_BYTES)));
        assert_eq!(count(COUNTRY_LINES_10M_BYTES), 2);
        assert_eq!(count(ADMIN1_LINES_BYTES), 1);
        assert_eq!(count(COUNTY_LINES_BYTES), 1);
        assert!(count(LAKES_BYTES) > 1000);
        assert_eq!(count(RIVERS_BYTES), 3);
        assert!(regions().admin1.len() > 4500);
        assert!(regions().counties.len() > 3100);
    }

    #[test]
    fn michigan_holds_lansing_and_eaton_county_holds_charlotte() {
        let lansing = LonLat::new(-84.5555, 42.7325);
        let michigan = regions().admin1_at(lansing).expect("a state");
        assert_eq!(michigan.name, "Michigan");
        assert_eq!(michigan.code, "US-MI");
        let charlotte = LonLat::new(-84.8358, 42.5637);
        let eaton = regions().county_at(charlotte).expect("a county");
        assert_eq!(
            (eaton.name.as_str(), eaton.parent.as_str()),
            ("Eaton County", "Michigan")
        );
    }

    #[test]
    fn the_capitals_of_states_and_governorates_lie_in_them() {
        for (capital, lon, lat, division) in [
            ("Springfield", -89.6501, 39.7817, "Illinois"),
            ("Austin", -97.7431, 30.2672, "Texas"),
            ("Aleppo", 37.1612, 36.2021, "Aleppo"),
            ("Winnipeg", -97.1384, 49.8951, "Manitoba"),
            ("Kazan", 49.1221, 55.7887, "Republic of Tatarstan"),
        ] {
            let found = regions()
                .admin1_at(LonLat::new(lon, lat))
                .map(|r| r.name.as_str());
            assert_eq!(found, Some(division), "{capital}");
        }
    }

    #[test]
    fn a_point_is_described_from_its_county_to_its_country() {
        let charlotte = LonLat::new(-84.8358, 42.5637);
        assert_eq!(
            regions().describe(charlotte, "Charlotte").as_deref(),
            Some("Eaton County, Michigan, United States")
        );
        let latakia = LonLat::new(35.7833, 35.5167);
        assert_eq!(
            regions().describe(latakia, "Latakia").as_deref(),
            Some("Syria"),
            "the governorate shares the town's name"
        );
        assert_eq!(regions().describe(LonLat::new(18.0, 34.5), "Sea"), None);
    }

    #[test]
    fn the_biggest_towns_come_first_and_capitals_are_marked() {
        let towns = embedded_towns();
        assert!(towns.len() > 100_000);
        assert!(towns.windows(2).all(|w| w[0].population >= w[1].population));
        let capital = |name: &str| towns.iter().find(|t| t.name == name).map(|t| t.capital);
        assert_eq!(capital("Damascus"), Some(true));
        assert_eq!(capital("Aleppo"), Some(false));
        let eaton_rapids = towns
            .iter()
            .find(|t| t.name == "Eaton Rapids")
            .expect("Eaton Rapids");
        assert_eq!(eaton_rapids.country_code, "US");
    }
}
