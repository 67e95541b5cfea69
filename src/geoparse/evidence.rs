//! Why a candidate place won: the evidence the resolver weighed, kept as data so
//! that a place card can show it, link the places it names, or translate it.

use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind};

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
    /// Another place of the article is this close.
    Near {
        place: PlaceId,
        km: f64,
    },
    /// The reader asked to favour this country (ISO code).
    Favoured(String),
    /// It lies in the state, province or country its publisher writes from,
    /// learned from the publisher's other articles; nothing in this article
    /// points elsewhere.
    Home(PlaceId),
}

impl Evidence {
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
            Self::ContainsNamed(inner) => format!("contains {}, named in the article", name(inner)),
            Self::Near { place, km } => format!("{km:.0} km from {}", name(place)),
            Self::Favoured(code) => format!("in the favoured country {code}"),
            Self::Home(area) => format!("in {}, where its publisher writes from", name(area)),
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
