//! Why a candidate place won: the evidence the resolver weighed, kept as data so
//! that a place card can show it, link the places it names, or translate it.
//! Each piece carries its weight ([`Evidence::weight`]), stated once here: a
//! candidate's score is its prior plus the weights of its evidence.

use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind};

/// For a place the words beside it single out ("Moscow, Idaho",
/// "Washington state"): the writer has said which one.
const QUALIFIED: f64 = 8.0;
/// For a place whose country the article names elsewhere. Small: most
/// articles name the country they are about, so it only breaks near-ties.
const COUNTRY_NAMED: f64 = 1.5;
/// For a place whose state or province the article names elsewhere.
const ADMIN1_NAMED: f64 = 3.0;
/// For a state or country that contains a town the article names
/// ("Georgia" beside "Atlanta" is the state).
const CONTAINS_NAMED: f64 = 2.5;
/// For a place the article also names another, unambiguous way ("Wash."
/// beside "Washington").
const SAME_PLACE_NAMED: f64 = 3.0;
/// For a place in the country the reader asked to favour.
const COUNTRY_FAVOURED: f64 = 4.0;
/// Places within this distance of another place of the article support each
/// other, by up to `NEAR_MAX`, falling off quickly with distance: a town 20 km
/// away says much more than one 200 km away.
pub(super) const NEAR_KM: f64 = 250.0;
const NEAR_MAX: f64 = 3.0;
/// For a town in a county the article names ("PARIS — ... the Lamar County
/// Sheriff's Office"): local papers name the county of their towns, and a
/// county is small enough to settle which town is meant.
const COUNTY_NAMED: f64 = 6.0;
/// For a county that holds a town of the same article, when the two names
/// are each other's only sense that fits ([`super::county_pairs`]).
const HOLDS_NAMED_TOWN: f64 = 4.0;
/// For a place in the state or province where most of the article's other
/// places lie: this times their share, times n / (n + 1) for n names there
/// (8 for one, up to 16): enough for "Athens" among Georgia towns to be the
/// Georgia town; a far namesake needs evidence of its own ("Paris, France").
const IN_ARTICLE_REGION: f64 = 16.0;
/// For a place in its publisher's home state or province, when nothing in
/// the article points elsewhere: enough for a local paper's "Dublin" to be the
/// Ohio town, yet it yields to any place the article itself supports.
const HOME_REGION: f64 = 5.0;
/// For a place in the publisher's home country, outside its home region.
const HOME_COUNTRY: f64 = 1.5;
/// A town or county near the middle of the publisher's towns gains up to
/// `HOME_NEAR_MAX` more, falling off to nothing at `HOME_NEAR_KM`.
pub(super) const HOME_NEAR_KM: f64 = 150.0;
const HOME_NEAR_MAX: f64 = 3.0;

/// One reason a candidate scored as it did.
#[derive(Clone, Debug, PartialEq)]
pub enum Evidence {
    /// No other place has this name.
    OnlyPlace,
    /// A country or continent, which a bare name usually means.
    Area(PlaceKind),
    NationalCapital,
    /// The biggest, or big enough: its population.
    Population(u64),
    /// A hand-curated region, sea or facility.
    WellKnown(PlaceKind),
    /// A state or country right after it, as in "Moscow, Idaho".
    FollowedBy(PlaceId),
    /// The text calls it a state or province ("Washington state").
    CalledState,
    /// It follows a place and a comma, saying where that place is ("Moore,
    /// Oklahoma"), so it is a state or a country.
    Qualifies,
    /// Its country is named elsewhere in the article.
    CountryNamed(PlaceId),
    /// Its state or province is named elsewhere in the article.
    Admin1Named(PlaceId),
    /// A county the article names holds it ("Lamar County" for Paris, Texas).
    CountyNamed(PlaceId),
    /// The article also names it another way ("Wash." and "Washington").
    AlsoNamedOtherwise,
    /// It contains a place named elsewhere in the article.
    ContainsNamed(PlaceId),
    /// A county holding a town of the article that fits only it ("Henry
    /// County" beside "Paris").
    HoldsNamedTown(PlaceId),
    /// Another place of the article is this close.
    Near {
        place: PlaceId,
        km: f64,
    },
    /// Most of the article's other places lie in its state or province
    /// (that share of them).
    InArticleRegion {
        area: PlaceId,
        /// What the article's other names there count for (a name the text
        /// settles counts 1), and their share of its other places.
        names: f64,
        share: f64,
    },
    /// The reader asked to favour this country (ISO code).
    Favoured(String),
    /// It lies in the state or province its publisher writes from, learned
    /// from the publisher's other articles; nothing in this article points
    /// elsewhere. A town or county is this far from the middle of the
    /// publisher's towns.
    HomeRegion {
        area: PlaceId,
        km_from_centre: Option<f64>,
    },
    /// It lies in its publisher's home country, outside the home region.
    HomeCountry(PlaceId),
}

impl Evidence {
    /// What this evidence adds to a candidate's score; what the place has
    /// before context (its prior) adds nothing here.
    #[must_use]
    pub fn weight(&self) -> f64 {
        match self {
            Self::OnlyPlace
            | Self::Area(_)
            | Self::NationalCapital
            | Self::Population(_)
            | Self::WellKnown(_) => 0.0,
            Self::FollowedBy(_) | Self::CalledState | Self::Qualifies => QUALIFIED,
            Self::CountryNamed(_) => COUNTRY_NAMED,
            Self::Admin1Named(_) => ADMIN1_NAMED,
            Self::CountyNamed(_) => COUNTY_NAMED,
            Self::AlsoNamedOtherwise => SAME_PLACE_NAMED,
            Self::ContainsNamed(_) => CONTAINS_NAMED,
            Self::HoldsNamedTown(_) => HOLDS_NAMED_TOWN,
            Self::Near { km, .. } => NEAR_MAX * (1.0 - km / NEAR_KM).powi(2),
            Self::InArticleRegion { names, share, .. } => {
                IN_ARTICLE_REGION * share * names / (names + 1.0)
            }
            Self::Favoured(_) => COUNTRY_FAVOURED,
            Self::HomeRegion { km_from_centre, .. } => {
                HOME_REGION
                    + km_from_centre
                        .map_or(0.0, |km| HOME_NEAR_MAX * (1.0 - km / HOME_NEAR_KM).powi(2))
            }
            Self::HomeCountry(_) => HOME_COUNTRY,
        }
    }

    /// The name of the kind of evidence, as `--explain` writes it.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Self::OnlyPlace => "OnlyPlace",
            Self::Area(_) => "Area",
            Self::NationalCapital => "NationalCapital",
            Self::Population(_) => "Population",
            Self::WellKnown(_) => "WellKnown",
            Self::FollowedBy(_) => "FollowedBy",
            Self::CalledState => "CalledState",
            Self::Qualifies => "Qualifies",
            Self::CountryNamed(_) => "CountryNamed",
            Self::Admin1Named(_) => "Admin1Named",
            Self::CountyNamed(_) => "CountyNamed",
            Self::AlsoNamedOtherwise => "AlsoNamedOtherwise",
            Self::ContainsNamed(_) => "ContainsNamed",
            Self::HoldsNamedTown(_) => "HoldsNamedTown",
            Self::Near { .. } => "Near",
            Self::InArticleRegion { .. } => "InArticleRegion",
            Self::Favoured(_) => "Favoured",
            Self::HomeRegion { .. } => "HomeRegion",
            Self::HomeCountry(_) => "HomeCountry",
        }
    }

    /// What the text itself says of where this place is, as opposed to its
    /// prior, nearness to another guess, or the article's region.
    #[must_use]
    pub fn settles(&self) -> bool {
        matches!(
            self,
            Self::FollowedBy(_)
                | Self::CalledState
                | Self::Qualifies
                | Self::Admin1Named(_)
                | Self::CountyNamed(_)
                | Self::HoldsNamedTown(_)
                | Self::AlsoNamedOtherwise
        )
    }

    /// Learned from the publisher's other articles, not from this one.
    #[must_use]
    pub fn is_home(&self) -> bool {
        matches!(self, Self::HomeRegion { .. } | Self::HomeCountry(_))
    }

    /// Evidence that ties the place to this article's own geography, not just
    /// to the country most of the news is about. The publisher's home is not
    /// such evidence: a small town only the home supports is still dropped.
    #[must_use]
    pub fn is_local(&self) -> bool {
        matches!(
            self,
            Self::FollowedBy(_)
                | Self::CalledState
                | Self::Admin1Named(_)
                | Self::CountyNamed(_)
                | Self::ContainsNamed(_)
                | Self::HoldsNamedTown(_)
                | Self::Near { .. }
        )
    }

    /// A short phrase for a place card.
    #[must_use]
    pub fn describe(&self, gaz: &Gazetteer) -> String {
        let name = |id: &PlaceId| gaz.place(*id).name.to_owned();
        match self {
            Self::OnlyPlace => "the only place of this name".to_owned(),
            Self::Area(kind) => format!("a {}", kind.label()),
            Self::NationalCapital => "a national capital".to_owned(),
            Self::Population(people) => format!("population {}", population_words(*people)),
            Self::WellKnown(kind) => format!("a well-known {}", kind.label()),
            Self::FollowedBy(area) => format!("followed by “{}”", name(area)),
            Self::CalledState => "called a state or province in the text".to_owned(),
            Self::Qualifies => "names where the place before it is".to_owned(),
            Self::CountryNamed(area) | Self::Admin1Named(area) | Self::CountyNamed(area) => {
                format!("in {}, named in the article", name(area))
            }
            Self::AlsoNamedOtherwise => "also named another way in the article".to_owned(),
            Self::ContainsNamed(inner) | Self::HoldsNamedTown(inner) => {
                format!("contains {}, named in the article", name(inner))
            }
            Self::Near { place, km } => format!("{km:.0} km from {}", name(place)),
            Self::InArticleRegion { area, .. } => {
                format!("near the article's other places in {}", name(area))
            }
            Self::Favoured(code) => format!("in the favoured country {code}"),
            Self::HomeRegion { area, .. } | Self::HomeCountry(area) => {
                format!("in {}, where its publisher writes from", name(area))
            }
        }
    }

    /// What a place has going for it before any context.
    pub(super) fn of_prior(kind: PlaceKind, population: u64, alone: bool) -> Self {
        if alone {
            return Self::OnlyPlace;
        }
        match kind {
            PlaceKind::Country | PlaceKind::Continent => Self::Area(kind),
            PlaceKind::Capital => Self::NationalCapital,
            _ if population > 0 => Self::Population(population),
            _ => Self::WellKnown(kind),
        }
    }
}

fn population_words(population: u64) -> String {
    if population >= 1_000_000 {
        format!("{:.1} million", population as f64 / 1e6)
    } else if population >= 1_000 {
        format!("{} thousand", population / 1_000)
    } else {
        population.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_population_reads_in_millions_or_thousands() {
        let gaz = Gazetteer::default();
        assert_eq!(
            Evidence::Population(1_600_000).describe(&gaz),
            "population 1.6 million"
        );
        assert_eq!(
            Evidence::Population(25_060).describe(&gaz),
            "population 25 thousand"
        );
    }

    #[test]
    fn only_article_geography_counts_as_local_evidence() {
        assert!(Evidence::Admin1Named(PlaceId(0)).is_local());
        assert!(!Evidence::CountryNamed(PlaceId(0)).is_local());
    }
}
