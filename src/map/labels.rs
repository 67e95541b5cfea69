//! Label placement: each label tries a few spots around its anchor and takes
//! the first that overlaps neither a placed label nor a marker; the less
//! important label gives way, and a label with no free spot is hidden.

use super::projection::WorldPos;
use super::world_context::{WorldContext, WorldTown};
use super::{ScreenPos, ScreenRect};

/// Towns are named from this zoom on (a view of a region of a continent).
pub const TOWN_ZOOM: f64 = 4.0;
/// At most this many towns are offered to label placement per view.
const MAX_TOWN_CANDIDATES: usize = 36;
/// A view holding few towns names this many whatever their size (a view of
/// Hudson Bay names its hamlets; one of Michigan its cities).
const FEW_TOWNS: usize = 6;

/// A body of water's name without its generic words, lower case, so that
/// the map's own "Mediterranean" and the story's "Mediterranean Sea" are
/// known as one ("the Gulf of Aden" and "Gulf of Aden" too).
pub fn water_name_key(name: &str) -> String {
    const GENERIC: [&str; 8] = [
        "the", "sea", "ocean", "gulf", "bay", "of", "strait", "straits",
    ];
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !GENERIC.contains(&w.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The smallest town worth a label at a zoom.
pub fn min_population(zoom: f64) -> f64 {
    2_000_000.0 / 3f64.powf(zoom - TOWN_ZOOM)
}

/// The towns to offer for labelling in a view: capitals first, then by
/// population, those big enough for the zoom (or the few biggest where there
/// are few), at most a screenful. `wanted` says whether a town is in view and
/// not one the story names; `min`/`max` bound the view in world units.
pub fn choose_towns(
    context: &WorldContext,
    min: WorldPos,
    max: WorldPos,
    zoom: f64,
    wanted: impl Fn(&WorldTown) -> bool,
) -> Vec<&WorldTown> {
    let min_population = min_population(zoom);
    let big_enough = |t: &WorldTown| t.capital || f64::from(t.population) >= min_population;
    // Each cell is walked biggest first: past its big towns and its first few.
    let near = context.towns_near(min, max, &wanted, |t, taken| {
        taken < MAX_TOWN_CANDIDATES && (big_enough(t) || taken < FEW_TOWNS)
    });
    let capitals = near.iter().filter(|t| t.capital);
    let others = near.iter().filter(|t| !t.capital);
    let mut chosen = Vec::new();
    for &town in capitals.chain(others) {
        if chosen.len() >= MAX_TOWN_CANDIDATES {
            break;
        }
        if big_enough(town) || chosen.len() < FEW_TOWNS {
            chosen.push(town);
        }
    }
    chosen
}

/// A label to place: its anchor, its text size, how far from the anchor it
/// must stay (a marker's radius) and its rank (lower is more important).
#[derive(Clone, Debug)]
pub struct LabelRequest {
    pub anchor: ScreenPos,
    pub width: f64,
    pub height: f64,
    pub gap: f64,
    pub rank: u32,
    /// Centred on the anchor instead of beside it (areas, seas, regions).
    pub centered: bool,
    /// Half the size of a dot drawn at the anchor (a town's), which no other
    /// label may cover; 0 for none.
    pub dot_radius: f64,
}

impl LabelRequest {
    /// A town's name beside its dot, of `width` × `height` points of text:
    /// the same request in the window and on the exported web page.
    pub fn town(anchor: ScreenPos, width: f64, height: f64, capital: bool) -> Self {
        Self {
            anchor,
            width: width + 4.0,
            height: height + 2.0,
            gap: 4.0,
            rank: if capital {
                super::layers::CAPITAL_RANK
            } else {
                super::layers::TOWN_RANK
            },
            centered: false,
            dot_radius: 3.0,
        }
    }
}

/// Places labels; the result has one entry per request, `None` when hidden.
pub fn place_labels(
    requests: &[LabelRequest],
    obstacles: &[ScreenRect],
    bounds: &ScreenRect,
) -> Vec<Option<ScreenRect>> {
    let mut order: Vec<usize> = (0..requests.len()).collect();
    order.sort_by_key(|&i| requests[i].rank);
    let mut placed: Vec<ScreenRect> = Vec::new();
    let mut result = vec![None; requests.len()];
    for i in order {
        let request = &requests[i];
        let dot = (request.dot_radius > 0.0).then(|| {
            let size = 2.0 * request.dot_radius;
            ScreenRect::from_center_size(request.anchor, size, size)
        });
        if dot.is_some_and(|dot| placed.iter().any(|p| p.intersects(&dot))) {
            continue;
        }
        let spot = candidates(request).into_iter().find(|rect| {
            bounds_contains(bounds, rect)
                && !placed.iter().any(|p| p.intersects(rect))
                && !obstacles.iter().any(|o| o.intersects(rect))
        });
        if let Some(rect) = spot {
            placed.push(rect);
            placed.extend(dot);
            result[i] = Some(rect);
        }
    }
    result
}

fn bounds_contains(bounds: &ScreenRect, rect: &ScreenRect) -> bool {
    bounds.contains(rect.min) && bounds.contains(rect.max)
}

fn candidates(r: &LabelRequest) -> Vec<ScreenRect> {
    let (w, h, g) = (r.width, r.height, r.gap);
    let a = r.anchor;
    let at = |cx: f64, cy: f64| ScreenRect::from_center_size(ScreenPos::new(cx, cy), w, h);
    if r.centered {
        return vec![at(a.x, a.y), at(a.x, a.y - h), at(a.x, a.y + h)];
    }
    vec![
        at(a.x + g + w / 2.0, a.y),     // right
        at(a.x - g - w / 2.0, a.y),     // left
        at(a.x, a.y - g - h / 2.0),     // above
        at(a.x, a.y + g + h / 2.0),     // below
        at(a.x + g + w / 2.0, a.y - h), // upper right
        at(a.x - g - w / 2.0, a.y + h), // lower left
        at(a.x + g + w / 2.0, a.y + h), // lower right
        at(a.x - g - w / 2.0, a.y - h), // upper left
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_sea_named_with_or_without_its_generic_words_is_one_water() {
        use super::water_name_key;
        assert_eq!(
            water_name_key("Mediterranean Sea"),
            water_name_key("Mediterranean")
        );
        assert_eq!(
            water_name_key("the Gulf of Aden"),
            water_name_key("Gulf of Aden")
        );
        assert_ne!(water_name_key("Red Sea"), water_name_key("Black Sea"));
        assert_ne!(
            water_name_key("Gulf of Aden"),
            water_name_key("Gulf of Oman")
        );
    }

    use super::*;

    fn request(x: f64, y: f64, rank: u32) -> LabelRequest {
        LabelRequest {
            anchor: ScreenPos::new(x, y),
            width: 60.0,
            height: 14.0,
            gap: 8.0,
            rank,
            centered: false,
            dot_radius: 0.0,
        }
    }

    fn bounds() -> ScreenRect {
        ScreenRect {
            min: ScreenPos::new(0.0, 0.0),
            max: ScreenPos::new(500.0, 500.0),
        }
    }

    #[test]
    fn smaller_towns_qualify_as_the_view_zooms_in() {
        assert!(min_population(4.0) > 1_000_000.0);
        assert!(min_population(9.5) < 5_000.0, "Eaton Rapids, 5,225 people");
        assert!(min_population(7.0) > min_population(8.0));
    }

    #[test]
    fn a_view_of_mid_michigan_offers_its_biggest_towns_first_and_no_hamlets() {
        use crate::map::projection::world_from_lon_lat;
        let context = crate::map::world_context::WorldContext::load_now();
        let (west, north) = (
            world_from_lon_lat(-85.4, 43.0),
            world_from_lon_lat(-84.2, 42.2),
        );
        let in_view = |t: &WorldTown| {
            (west.x..=north.x).contains(&t.pos.x) && (west.y..=north.y).contains(&t.pos.y)
        };
        let chosen = choose_towns(context, west, north, 9.5, in_view);
        let names: Vec<&str> = chosen.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names.first(), Some(&"Lansing"), "{names:?}");
        for town in ["East Lansing", "Charlotte", "Eaton Rapids"] {
            assert!(names.contains(&town), "{town} in {names:?}");
        }
        assert!(
            chosen
                .windows(2)
                .all(|w| w[0].population >= w[1].population)
        );
        let smallest = chosen.iter().map(|t| t.population).min().unwrap_or(0);
        assert!(f64::from(smallest) >= min_population(9.5), "{smallest}");
    }

    #[test]
    fn placed_labels_never_overlap_each_other() {
        let requests: Vec<_> = (0..6)
            .map(|i| request(200.0 + i as f64 * 5.0, 200.0, i))
            .collect();
        let placed: Vec<_> = place_labels(&requests, &[], &bounds())
            .into_iter()
            .flatten()
            .collect();
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!a.intersects(b), "{a:?} overlaps {b:?}");
            }
        }
        assert!(placed.len() >= 4, "only {} of 6 placed", placed.len());
    }

    #[test]
    fn the_less_important_label_gives_way() {
        let requests = vec![request(200.0, 200.0, 5), request(200.0, 200.0, 1)];
        let obstacles = [ScreenRect::from_center_size(
            ScreenPos::new(200.0, 200.0),
            400.0,
            10.0,
        )];
        // Only the spots above and below are free: the important one gets "above".
        let placed = place_labels(&requests, &obstacles, &bounds());
        assert!(placed[1].is_some());
        assert!(placed[1].unwrap().max.y < 200.0);
    }

    #[test]
    fn a_label_does_not_cover_a_marker() {
        let marker = ScreenRect::from_center_size(ScreenPos::new(240.0, 200.0), 12.0, 12.0);
        let placed = place_labels(&[request(200.0, 200.0, 0)], &[marker], &bounds());
        assert!(!placed[0].unwrap().intersects(&marker));
    }

    #[test]
    fn no_label_covers_the_dot_of_a_town_placed_before_it() {
        let town = LabelRequest {
            dot_radius: 3.0,
            ..request(200.0, 200.0, 1)
        };
        // Its label would cover the first town's dot on its right: it goes left.
        let neighbour = request(150.0, 200.0, 2);
        let placed = place_labels(&[town.clone(), neighbour], &[], &bounds());
        let dot = ScreenRect::from_center_size(town.anchor, 6.0, 6.0);
        assert!(!placed[1].unwrap().intersects(&dot));
        // And a town whose dot lies under a placed label is left out.
        let under = LabelRequest {
            dot_radius: 3.0,
            ..request(250.0, 200.0, 3)
        };
        let placed = place_labels(&[town, under], &[], &bounds());
        assert!(placed[0].unwrap().contains(ScreenPos::new(250.0, 200.0)));
        assert_eq!(placed[1], None);
    }

    #[test]
    fn a_label_that_would_leave_the_map_goes_to_the_other_side() {
        let placed = place_labels(&[request(480.0, 200.0, 0)], &[], &bounds());
        assert!(placed[0].unwrap().max.x < 480.0);
    }
}
