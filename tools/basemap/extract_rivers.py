"""Reads GSHHG's binned high-resolution WDB-II rivers (Debian gmt-gshhg-high
2.3.7, LGPL-3+) and writes the major ones as JSON for build_context.mjs.

GSHHG stores rivers in 2-degree bins, numbered row by row from the north-west;
each point is an unsigned 16-bit offset from its bin's south-west corner, in
1/65535 of the bin size, with longitudes running 0..360. A river therefore comes
as one segment per bin it crosses; the segments meet at the bin edges.

Output: a JSON list of [level, [[lon_deg, lat_deg], ...]] with lon in [-180, 180],
for levels 1 (double-lined), 2 (permanent major) and 3 (additional major).

Usage: extract_rivers.py /usr/share/gmt-gshhg/binned_river_h.nc out.json
"""

import json
import sys

import netCDF4
import numpy as np

MAJOR_LEVELS = (1, 2, 3)


def main(source_path: str, out_path: str) -> None:
    data = netCDF4.Dataset(source_path)

    def var(name):
        return np.asarray(data.variables[name][:])

    bin_deg = int(var("Bin_size_in_minutes")[0]) / 60.0
    bins_across = int(var("N_bins_in_360_longitude_range")[0])
    first_segment = var("Id_of_first_segment_in_a_bin")
    segment_count = var("N_segments_in_a_bin")
    point_count = var("N_points_for_a_segment").astype(np.int64) & 0xFFFF
    level = var("Hierarchial_level_of_a_segment")
    first_point = var("Id_of_first_point_in_a_segment")
    rel_lon = var("Relative_longitude_from_SW_corner_of_bin").astype(np.int64) & 0xFFFF
    rel_lat = var("Relative_latitude_from_SW_corner_of_bin").astype(np.int64) & 0xFFFF

    rivers = []
    for bin_index in range(len(first_segment)):
        row, col = divmod(bin_index, bins_across)
        west_deg = col * bin_deg
        south_deg = 90.0 - (row + 1) * bin_deg
        for segment in range(first_segment[bin_index], first_segment[bin_index] + segment_count[bin_index]):
            if level[segment] not in MAJOR_LEVELS:
                continue
            start, count = first_point[segment], point_count[segment]
            lons = west_deg + rel_lon[start : start + count] * bin_deg / 65535.0
            lats = south_deg + rel_lat[start : start + count] * bin_deg / 65535.0
            lons = np.where(lons > 180.0, lons - 360.0, lons)
            points = [[round(float(x), 5), round(float(y), 5)] for x, y in zip(lons, lats)]
            if len(points) >= 2:
                rivers.append([int(level[segment]), points])
    with open(out_path, "w", encoding="utf-8") as out:
        json.dump(rivers, out)
    print(f"wrote {out_path}: {len(rivers)} river segments", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
