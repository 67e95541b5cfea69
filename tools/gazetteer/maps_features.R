# Writes the named polygons of the Debian package r-cran-maps (the R package
# `maps`; its 'world' and 'lakes' databases are Natural Earth 1:50m, version
# 2.0) as tab-separated text for build_gazetteer.py: one line a polygon,
#   database  name  lon_min  lat_min  lon_max  lat_max  lon_mean  lat_mean  area
# where `name` is the database's own ("Greece:Crete", "Great Lakes:Erie:2"),
# the box is the polygon's, the mean is its points', and `area` is in square
# degrees (the size that picks a name's biggest part). Run:
#   Rscript tools/gazetteer/maps_features.R > OUT.tsv
for (db in c("world", "lakes")) {
  m <- maps::map(db, plot = FALSE, fill = TRUE)
  breaks <- c(0, which(is.na(m$x)), length(m$x) + 1)
  for (i in seq_along(m$names)) {
    idx <- (breaks[i] + 1):(breaks[i + 1] - 1)
    x <- m$x[idx]
    y <- m$y[idx]
    area <- abs(sum(x * c(y[-1], y[1]) - c(x[-1], x[1]) * y)) / 2
    cat(db, m$names[i], sprintf("%.4f", c(min(x), min(y), max(x), max(y), mean(x), mean(y))),
        sprintf("%.6f", area), sep = "\t")
    cat("\n")
  }
}
