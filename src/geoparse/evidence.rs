//! Why a candidate place won: the evidence the resolver weighed, kept as data so
//! that a place card can show it, link the places it names, or translate it.
//! Each piece carries its weight ([`Evidence::weight`]): a number of the
//! fitted table ([`Weights`]) times, for some, how strongly the fact holds
//! (how near, what share). A candidate's score is its prior plus the weights
//! of its evidence.

use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind};

use super::weights::Weights;

/// Places within this distance of another place of the article support each
/// other ([`Weights::near`]), falling off quickly with distance: a town 20 km
/// away says much more than one 120 km away. (It was 250 km until the sweep
/// of BENCHMARKS.md, "How far 'near' reaches".)
pub(super) const NEAR_KM: f64 = 150.0;
/// A town or county near the middle of the publisher's towns gains more
/// ([`Weights::home_near`]), falling off to nothing at this distance.
pub(super) const HOME_NEAR_KM: f64 = 150.0;

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
    /// It is listed with a place of its own kind ("California or
    /// Washington", "Georgia and Armenia"): a state with a state, a country
    /// with a country. The place is the one beside it.
    ListedWith(PlaceId),
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
    /// Another name of the article that no context placed has a namesake
    /// this close, in the country of one of the two names' first guesses:
    /// the two are read as neighbours ("Paris" beside "Jackson", both in
    /// Tennessee). `place` is that namesake.
    Neighbours {
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
    /// It lies in the country its publisher's address names ("lfpress.ca"),
    /// where nothing more of the publisher's home is known: a Canadian
    /// paper's "London" is the one in Ontario unless the story points
    /// elsewhere.
    AddressCountry(PlaceId),
    /// The paper's web address spells the name ("parispi.net" and "Paris"):
    /// a paper named after a town is that town's, so a first guess abroad
    /// gives way to a namesake in the paper's country (the one its address
    /// names, else one whose news is in English).
    Masthead,
}

impl Evidence {
    /// What this evidence adds to a candidate's score with `weights`; what
    /// the place has before context (its prior) adds nothing here.
    #[must_use]
    pub fn weight(&self, weights: &Weights) -> f64 {
        let w = weights;
        match self {
            Self::OnlyPlace
            | Self::Area(_)
            | Self::NationalCapital
            | Self::Population(_)
            | Self::WellKnown(_) => 0.0,
            Self::FollowedBy(_) | Self::CalledState | Self::Qualifies => w.qualified,
            Self::CountryNamed(_) => w.country_named,
            Self::Admin1Named(_) => w.admin1_named,
            Self::CountyNamed(_) => w.county_named,
            Self::ListedWith(_) => w.listed_with,
            Self::AlsoNamedOtherwise => w.same_place_named,
            Self::ContainsNamed(_) => w.contains_named,
            Self::HoldsNamedTown(_) => w.holds_named_town,
            Self::Near { km, .. } => w.near * (1.0 - km / NEAR_KM).powi(2),
            Self::Neighbours { .. } => w.neighbours,
            Self::InArticleRegion { names, share, .. } => {
                w.in_article_region * share * names / (names + 1.0)
            }
            Self::Favoured(_) => w.country_favoured,
            Self::HomeRegion { km_from_centre, .. } => {
                w.home_region
                    + km_from_centre
                        .map_or(0.0, |km| w.home_near * (1.0 - km / HOME_NEAR_KM).powi(2))
            }
            Self::HomeCountry(_) => w.home_country,
            Self::AddressCountry(_) => w.address_country,
            Self::Masthead => w.masthead,
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
            Self::ListedWith(_) => "ListedWith",
            Self::AlsoNamedOtherwise => "AlsoNamedOtherwise",
            Self::ContainsNamed(_) => "ContainsNamed",
            Self::HoldsNamedTown(_) => "HoldsNamedTown",
            Self::Near { .. } => "Near",
            Self::Neighbours { .. } => "Neighbours",
            Self::InArticleRegion { .. } => "InArticleRegion",
            Self::Favoured(_) => "Favoured",
            Self::HomeRegion { .. } => "HomeRegion",
            Self::HomeCountry(_) => "HomeCountry",
            Self::AddressCountry(_) => "AddressCountry",
            Self::Masthead => "Masthead",
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

    /// A country favoured by the reader or the publisher's home, which
    /// says nothing of where this article's places lie: a name with only
    /// this is still open to its neighbours.
    #[must_use]
    pub fn is_country_bias(&self) -> bool {
        matches!(
            self,
            Self::Favoured(_) | Self::HomeCountry(_) | Self::AddressCountry(_)
        )
    }

    /// From the publisher (its other articles, or its address), not from
    /// this article.
    #[must_use]
    pub fn is_home(&self) -> bool {
        matches!(
            self,
            Self::HomeRegion { .. } | Self::HomeCountry(_) | Self::AddressCountry(_)
        )
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
                | Self::Neighbours { .. }
                | Self::Masthead
        )
    }

    /// Evidence about the place alone (its name, kind, size, fame), which
    /// says nothing of the article it is named in.
    #[must_use]
    pub fn is_about_the_place_alone(&self) -> bool {
        matches!(
            self,
            Self::OnlyPlace | Self::Area(_) | Self::Population(_) | Self::WellKnown(_)
        )
    }

    /// A short phrase for a place card.
    #[must_use]
    pub fn describe(&self, gaz: &Gazetteer) -> String {
        // Joined from pieces rather than formatted: a phrase is written for
        // every place chosen.
        let name = |id: &PlaceId| gaz.name(*id);
        match self {
            Self::OnlyPlace => "the only place of this name".to_owned(),
            Self::Area(kind) => ["a ", kind.label()].concat(),
            Self::NationalCapital => "a national capital".to_owned(),
            Self::Population(people) => ["population ", &population_words(*people)].concat(),
            Self::WellKnown(kind) => ["a well-known ", kind.label()].concat(),
            Self::FollowedBy(area) => ["followed by “", name(area), "”"].concat(),
            Self::CalledState => "called a state or province in the text".to_owned(),
            Self::Qualifies => "names where the place before it is".to_owned(),
            Self::CountryNamed(area) | Self::Admin1Named(area) | Self::CountyNamed(area) => {
                ["in ", name(area), ", named in the article"].concat()
            }
            Self::AlsoNamedOtherwise => "also named another way in the article".to_owned(),
            Self::ListedWith(other) => ["listed with ", name(other)].concat(),
            Self::ContainsNamed(inner) | Self::HoldsNamedTown(inner) => {
                ["contains ", name(inner), ", named in the article"].concat()
            }
            Self::Near { place, km } => [&whole_km(*km), " km from ", name(place)].concat(),
            Self::Neighbours { place, km } => [
                &whole_km(*km),
                " km from ",
                name(place),
                ", a neighbour the article names",
            ]
            .concat(),
            Self::InArticleRegion { area, .. } => {
                ["near the article's other places in ", name(area)].concat()
            }
            Self::Favoured(code) => ["in the favoured country ", code].concat(),
            Self::HomeRegion { area, .. } | Self::HomeCountry(area) => {
                ["in ", name(area), ", where its publisher writes from"].concat()
            }
            Self::AddressCountry(area) => {
                ["in ", name(area), ", which its publisher's address names"].concat()
            }
            Self::Masthead => "the paper's web address spells it".to_owned(),
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

/// `format!("{km:.0}")`, without the formatter's exact decimal expansion
/// (a thousand instructions or more): rounding a float to a whole number is
/// exact, and the formatter rounds a tie to even as `round_ties_even` does.
fn whole_km(km: f64) -> String {
    if km.is_finite() && km.is_sign_positive() && km < 1e15 {
        (km.round_ties_even() as u64).to_string()
    } else {
        format!("{km:.0}")
    }
}

fn population_words(population: u64) -> String {
    // Tenths of a million counted in whole numbers, as the formatter would
    // round `population / 1e6`: it can differ only at a tie in decimal
    // (x.x5 million), which the formatter is left to round.
    if population >= 1_000_000 && population % 100_000 != 50_000 && population < 1 << 50 {
        let tenths = (population + 50_000) / 100_000;
        [
            &(tenths / 10).to_string(),
            ".",
            &(tenths % 10).to_string(),
            " million",
        ]
        .concat()
    } else if population >= 1_000_000 {
        format!("{:.1} million", population as f64 / 1e6)
    } else if population >= 1_000 {
        [&(population / 1_000).to_string(), " thousand"].concat()
    } else {
        population.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_distance_and_a_population_read_as_the_formatter_writes_them() {
        let halves = (0..4000).map(|i| f64::from(i) / 2.0);
        let sevenths = (0..40_000).map(|i| f64::from(i) / 7.0);
        let odd = [
            0.0,
            -0.0,
            -0.4,
            0.4999999999999999,
            1e14 + 0.5,
            2e15,
            f64::NAN,
        ];
        for km in halves.chain(sevenths).chain(odd) {
            assert_eq!(whole_km(km), format!("{km:.0}"), "{km}");
        }
        let steps = (1_000_000..30_000_000).step_by(9_973);
        let ties = (1..400).map(|m| m * 100_000 + 50_000);
        let big = [999_999, 1_000_000, 8_100_000_000, u64::MAX / 3];
        for people in steps.chain(ties).chain(big) {
            let expected = if people >= 1_000_000 {
                format!("{:.1} million", people as f64 / 1e6)
            } else {
                population_words(people)
            };
            assert_eq!(population_words(people), expected, "{people}");
        }
    }

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
