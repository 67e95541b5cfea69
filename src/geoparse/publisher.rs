//! A publisher's home region, learned from the articles read from its site.
//!
//! A local paper's "Dublin" is the town down the road, not the Irish capital,
//! and a reader who has read a few of its stories knows which state it writes
//! from. [`PublisherMemory`] does the same: after each article it notes, for
//! the article's host, the places that the article itself settled with strong
//! evidence ("Mount Vernon, Ohio", a name no other place bears, a town in a
//! county the story names); once one state (or province) holds most of them,
//! [`PublisherMemory::home`] offers it as a [`Home`], which resolution uses as a
//! cue weaker than anything the article says. It never looks at a place chosen
//! because of the home itself, nor at one placed by such a place, so a wrong
//! guess cannot feed on itself.

use std::collections::BTreeMap;

use rustc_hash::FxHashSet as HashSet;
use serde::{Deserialize, Serialize};

use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind};

use super::evidence::Evidence;
pub use super::types::Home;
use super::types::Toponym;

/// Strongly placed towns a host needs before its home is trusted.
const MIN_PLACES: u32 = 2;
/// The share of a host's strongly placed towns its home region must hold.
const HOME_SHARE: f64 = 0.4;
/// Hosts remembered; past this, the host with the fewest articles is forgotten.
const MAX_HOSTS: usize = 2_000;
/// A town this close to another town of the article is placed by it.
const NEAR_KM: f64 = 60.0;

/// What has been learned of each host, kept between sessions as JSON.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PublisherMemory {
    hosts: BTreeMap<String, HostTally>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct HostTally {
    articles: u32,
    /// By admin1 code (or country code where the place has no admin1).
    regions: BTreeMap<String, RegionTally>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct RegionTally {
    country_code: String,
    admin1_code: String,
    /// Distinct strongly placed towns and counties, and the region itself
    /// when named, counted once per article.
    places: u32,
    /// The towns and counties among them, and the sums of their positions.
    towns: u32,
    lat_sum_deg: f64,
    lon_sum_deg: f64,
    /// The region's own point, the centre until a town is learned.
    area_lat_deg: f64,
    area_lon_deg: f64,
}

/// The host of a web address, lower-cased and without "www." or a port:
/// `https://www.Example.com:8080/a` → `example.com`. `None` for anything that
/// is not an http(s) address with a host.
#[must_use]
pub fn host_of(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = host_port
        .split(':')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let valid = !host.is_empty()
        && host.contains('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    valid.then(|| host.to_owned())
}

/// The country a host's address names ("cbc.ca", "bbc.co.uk"), as a home
/// with no state: a reader of a Canadian paper reads "London" as the one in
/// Ontario unless the story says otherwise. Top-level domains sold to the
/// world at large (".tv", ".io") name no country.
#[must_use]
pub fn address_home(host: &str) -> Option<Home> {
    Some(Home {
        country_code: super::place_facts::address_country(host)?,
        admin1_code: String::new(),
        centre_lat_deg: 0.0,
        centre_lon_deg: 0.0,
    })
}

/// Whether the article itself settled this place, without help from a home:
/// a town or county by the words beside it, its county or state, or a name no
/// other place bears; a state or province by being named at all. A place
/// that the home chose (`home_chosen`) settles nothing: a town 20 km from the
/// Dublin an Ohio paper's home chose is placed by the home too.
fn strongly_placed(kind: PlaceKind, evidence: &[Evidence], home_chosen: &HashSet<PlaceId>) -> bool {
    if evidence.iter().any(Evidence::is_home) {
        return false;
    }
    match kind {
        PlaceKind::Admin1 => false,
        PlaceKind::Town | PlaceKind::City | PlaceKind::Admin2 => evidence.iter().any(|e| match e {
            Evidence::OnlyPlace => true,
            Evidence::FollowedBy(by) | Evidence::CountyNamed(by) | Evidence::Admin1Named(by) => {
                !home_chosen.contains(by)
            }
            Evidence::Near { km, place } => *km <= NEAR_KM && !home_chosen.contains(place),
            _ => false,
        }),
        _ => false,
    }
}

impl PublisherMemory {
    /// Reads the JSON written by [`PublisherMemory::to_json`].
    pub fn from_json(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| format!("not a publisher memory: {e}"))
    }

    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned())
    }

    /// How many articles of `host` have been learned from.
    #[must_use]
    pub fn articles(&self, host: &str) -> u32 {
        self.hosts.get(host).map_or(0, |h| h.articles)
    }

    /// The home region of `host`, once its stories have placed enough towns
    /// and most of them in one state or province; until then, the country
    /// its address names, if it names one ([`address_home`]).
    #[must_use]
    pub fn home(&self, host: &str) -> Option<Home> {
        self.learned_home(host).or_else(|| address_home(host))
    }

    fn learned_home(&self, host: &str) -> Option<Home> {
        let tally = self.hosts.get(host)?;
        let total: u32 = tally.regions.values().map(|r| r.places).sum();
        let top = tally.regions.values().max_by(|a, b| {
            a.places
                .cmp(&b.places)
                .then(b.admin1_code.cmp(&a.admin1_code))
        })?;
        if top.places < MIN_PLACES || f64::from(top.places) < HOME_SHARE * f64::from(total) {
            return None;
        }
        let (centre_lat_deg, centre_lon_deg) = if top.towns == 0 {
            (top.area_lat_deg, top.area_lon_deg)
        } else {
            let n = f64::from(top.towns);
            (top.lat_sum_deg / n, top.lon_sum_deg / n)
        };
        Some(Home {
            country_code: top.country_code.clone(),
            admin1_code: top.admin1_code.clone(),
            centre_lat_deg,
            centre_lon_deg,
        })
    }

    /// Notes the places an article of `host` settled with strong evidence.
    pub fn learn(&mut self, host: &str, toponyms: &[Toponym], gaz: &Gazetteer) {
        if !self.hosts.contains_key(host) && self.hosts.len() >= MAX_HOSTS {
            let fewest = self
                .hosts
                .iter()
                .min_by_key(|(_, t)| t.articles)
                .map(|(h, _)| h.clone());
            if let Some(fewest) = fewest {
                self.hosts.remove(&fewest);
            }
        }
        let tally = self.hosts.entry(host.to_owned()).or_default();
        tally.articles = tally.articles.saturating_add(1);
        let home_chosen: HashSet<PlaceId> = toponyms
            .iter()
            .map(|t| &t.candidates[0])
            .filter(|best| best.evidence.iter().any(Evidence::is_home))
            .map(|best| best.place)
            .collect();
        let mut seen: HashSet<PlaceId> = HashSet::default();
        for t in toponyms {
            let best = &t.candidates[0];
            let place = gaz.place(best.place);
            if !strongly_placed(place.kind, &best.evidence, &home_chosen)
                || !seen.insert(best.place)
            {
                continue;
            }
            let key = if place.admin1_code.is_empty() {
                place.country_code
            } else {
                place.admin1_code
            };
            let region = tally.regions.entry(key.to_owned()).or_insert_with(|| {
                let area = gaz.admin1(place.admin1_code).map(|a| gaz.place(a));
                RegionTally {
                    country_code: place.country_code.to_owned(),
                    admin1_code: place.admin1_code.to_owned(),
                    area_lat_deg: area.map_or(place.lat_deg, |a| a.lat_deg),
                    area_lon_deg: area.map_or(place.lon_deg, |a| a.lon_deg),
                    ..RegionTally::default()
                }
            });
            region.places = region.places.saturating_add(1);
            if place.kind != PlaceKind::Admin1 {
                region.towns = region.towns.saturating_add(1);
                region.lat_sum_deg += place.lat_deg;
                region.lon_sum_deg += place.lon_deg;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::{Options, detect_places, detect_places_with};

    #[test]
    fn an_address_names_its_country_unless_its_domain_is_sold_to_all() {
        let country = |host: &str| address_home(host).map(|h| h.country_code);
        assert_eq!(country("bbc.co.uk").as_deref(), Some("GB"));
        assert_eq!(country("cbc.ca").as_deref(), Some("CA"));
        assert_eq!(country("civil.ge").as_deref(), Some("GE"));
        assert_eq!(country("ajc.com"), None);
        assert_eq!(country("radio.fm"), None);
        assert_eq!(country("news.example"), None);
        // Until a site's own stories teach a state, its address stands in.
        let memory = PublisherMemory::default();
        let home = memory.home("cbc.ca").expect("the address's country");
        assert_eq!(
            (home.country_code.as_str(), home.admin1_code.as_str()),
            ("CA", "")
        );
    }

    #[test]
    fn a_host_is_lower_case_without_www_port_or_path() {
        assert_eq!(
            host_of("https://www.Example.com:8080/a/b?c").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            host_of("http://news.paper.co.uk").as_deref(),
            Some("news.paper.co.uk")
        );
        assert_eq!(host_of("ftp://example.com/a"), None);
        assert_eq!(host_of("not a url"), None);
        assert_eq!(host_of("https:///path"), None);
        assert_eq!(host_of("https://é"), None);
    }

    fn read(memory: &mut PublisherMemory, host: &str, text: &str) {
        let gaz = Gazetteer::embedded();
        memory.learn(host, &detect_places(text, gaz), gaz);
    }

    #[test]
    fn a_paper_that_places_its_towns_in_ohio_has_its_home_there() {
        let mut memory = PublisherMemory::default();
        let host = "columbus-paper.com";
        read(
            &mut memory,
            host,
            "A fair opened in Mount Vernon, Ohio, on Friday.",
        );
        assert_eq!(memory.home(host), None, "one town is not enough");
        read(&mut memory, host, "The council of Chillicothe, Ohio, met.");
        read(
            &mut memory,
            host,
            "Roads closed in Zanesville, Ohio, and Lancaster, Ohio.",
        );
        let home = memory.home(host).expect("three towns in Ohio");
        assert_eq!(
            (home.country_code.as_str(), home.admin1_code.as_str()),
            ("US", "US.OH")
        );
        assert!((39.0..41.0).contains(&home.centre_lat_deg), "{home:?}");
        assert_eq!(memory.articles(host), 3);
        assert_eq!(memory.home("other.com"), None);
    }

    #[test]
    fn a_paper_whose_towns_are_spread_over_many_states_has_no_home() {
        let mut memory = PublisherMemory::default();
        let host = "national.com";
        read(
            &mut memory,
            host,
            "Storms hit Mount Vernon, Ohio, and Moore, Oklahoma.",
        );
        read(
            &mut memory,
            host,
            "Fires near Paradise, California, and Bend, Oregon.",
        );
        read(
            &mut memory,
            host,
            "Floods in Moline, Illinois, and Macon, Georgia.",
        );
        assert_eq!(memory.home(host), None);
    }

    #[test]
    fn a_town_named_many_times_counts_once_per_article() {
        let mut memory = PublisherMemory::default();
        let host = "one-story.com";
        read(
            &mut memory,
            host,
            "Zanesville, Ohio, voted. Zanesville, Ohio, cheered. Zanesville, Ohio, slept.",
        );
        assert_eq!(memory.home(host), None);
    }

    #[test]
    fn the_memory_survives_a_round_trip_through_json() {
        let mut memory = PublisherMemory::default();
        read(&mut memory, "a.com", "A fair opened in Mount Vernon, Ohio.");
        let back = PublisherMemory::from_json(&memory.to_json()).expect("own JSON");
        assert_eq!(back, memory);
        assert!(PublisherMemory::from_json("[1, 2]").is_err());
    }

    fn ohio() -> Options {
        Options {
            home: Some(Home {
                country_code: "US".to_owned(),
                admin1_code: "US.OH".to_owned(),
                centre_lat_deg: 39.96,
                centre_lon_deg: -83.0,
            }),
            ..Options::default()
        }
    }

    fn chosen_with(text: &str, options: &Options) -> Vec<(String, String, String)> {
        let gaz = Gazetteer::embedded();
        detect_places_with(text, gaz, options)
            .into_iter()
            .map(|t| {
                let place = gaz.place(t.place());
                (
                    t.text,
                    place.country_code.to_owned(),
                    place.admin1_code.to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn an_ohio_papers_dublin_is_the_ohio_town() {
        let text = "The council of Dublin met on Monday.";
        assert_eq!(chosen_with(text, &Options::default())[0].1, "IE");
        let found = chosen_with(text, &ohio());
        assert_eq!((found[0].1.as_str(), found[0].2.as_str()), ("US", "US.OH"));
        let gaz = Gazetteer::embedded();
        let reason = detect_places_with(text, gaz, &ohio())[0].reason();
        assert!(
            reason.contains("where its publisher writes from"),
            "{reason}"
        );
    }

    #[test]
    fn the_home_yields_to_what_the_article_says() {
        let found = chosen_with("Tourists flocked to Dublin, Ireland, in May.", &ohio());
        assert_eq!(found[0].1, "IE");
        let found = chosen_with(
            "Pubs in Dublin were full, and the Irish government was pleased.",
            &ohio(),
        );
        assert_eq!(found[0].1, "IE", "{found:?}");
    }

    #[test]
    fn only_a_town_next_door_outweighs_the_home() {
        // Dublin, California is 100 km from Sacramento and 35 km from Oakland.
        let far = "The council of Dublin met, and a choir from Sacramento sang.";
        assert_eq!(chosen_with(far, &ohio())[0].2, "US.OH");
        let near = "The council of Dublin met, and a choir from Oakland sang.";
        // The home yields to the article there (and Dublin, Ireland's size wins).
        assert_ne!(chosen_with(near, &ohio())[0].2, "US.OH");
    }

    #[test]
    fn a_town_placed_by_a_place_the_home_chose_is_not_placed_beyond_doubt() {
        let (chosen, other) = (PlaceId(1), PlaceId(2));
        let home_chosen: HashSet<PlaceId> = [chosen].into_iter().collect();
        let near = |place| [Evidence::Near { place, km: 12.0 }];
        assert!(!strongly_placed(
            PlaceKind::Town,
            &near(chosen),
            &home_chosen
        ));
        assert!(strongly_placed(PlaceKind::Town, &near(other), &home_chosen));
        let in_county = |county| [Evidence::CountyNamed(county)];
        assert!(!strongly_placed(
            PlaceKind::Town,
            &in_county(chosen),
            &home_chosen
        ));
        assert!(strongly_placed(
            PlaceKind::Town,
            &in_county(other),
            &home_chosen
        ));
        let only = [Evidence::OnlyPlace];
        assert!(strongly_placed(PlaceKind::Town, &only, &home_chosen));
    }

    #[test]
    fn a_home_that_names_no_known_country_changes_nothing() {
        let mut options = ohio();
        if let Some(home) = options.home.as_mut() {
            home.country_code = "ZZ".to_owned();
        }
        assert_eq!(
            chosen_with("The council of Dublin met.", &options)[0].1,
            "IE"
        );
    }
}
