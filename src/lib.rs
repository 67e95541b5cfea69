//! Geobrief: a news article beside a schematic map of its places.

pub mod basemap;
pub mod gazetteer;
pub mod geoparse;
