// Plane geometry shared by the map build scripts (build_basemap.mjs,
// build_context.mjs): unwrapping spherical rings into the [-180, 180] window,
// splitting lines at the antimeridian, ring areas. Positions are [lon, lat]
// degree pairs, x = longitude.

/// Rings whose every vertex is this close to a pole only trace the pole itself.
export const POLE_CAP_LAT_DEG = 89.9;

/// One GeoJSON polygon (closed rings, spherical edges) to polygons in the
/// plane whose rings are open, lie within lon [-180, 180] and start with the
/// exterior.
export function planarPolygonsFromSpherical(sphericalRings) {
  const rings = [];
  for (const ring of sphericalRings) {
    const unwrapped = unwrapLongitudes(ring);
    const first = unwrapped[0];
    const last = unwrapped[unwrapped.length - 1];
    const circlesPole = Math.abs(last[0] - first[0]) > 180;
    unwrapped.pop(); // GeoJSON repeats the first vertex last; stored rings are open.
    if (!circlesPole) {
      rings.push(unwrapped);
    } else if (!unwrapped.every(([, lat]) => Math.abs(lat) >= POLE_CAP_LAT_DEG)) {
      // Close the ring along the pole line (a degenerate pole-cap ring is dropped).
      const poleLat = unwrapped.reduce((sum, [, lat]) => sum + lat, 0) < 0 ? -90 : 90;
      rings.push([...unwrapped, last, [last[0], poleLat], [first[0], poleLat]]);
    }
  }
  if (rings.length === 0) return [];
  rings.sort((a, b) => Math.abs(ringArea(b)) - Math.abs(ringArea(a)));

  const allLons = rings.flat().map(([lon]) => lon);
  const minLon = allLons.reduce((a, b) => Math.min(a, b));
  const maxLon = allLons.reduce((a, b) => Math.max(a, b));
  const pieces = [];
  for (let turns = -1; turns <= 1; turns++) {
    const west = -180 + 360 * turns;
    const east = 180 + 360 * turns;
    if (maxLon <= west || minLon >= east) continue;
    const clipped = rings.map((ring) =>
      clipRingToLonWindow(ring, west, east).map(([lon, lat]) => [lon - 360 * turns, lat]),
    );
    const isSolid = (ring) => ring.length >= 3 && Math.abs(ringArea(ring)) > 0;
    // The exterior is the largest ring: where it vanishes, the polygon does.
    if (isSolid(clipped[0])) pieces.push([clipped[0], ...clipped.slice(1).filter(isSolid)]);
  }
  return pieces;
}

/// Adds or removes whole turns so that no edge is more than 180 degrees long.
function unwrapLongitudes(ring) {
  const out = [[ring[0][0], ring[0][1]]];
  for (let i = 1; i < ring.length; i++) {
    const prevLon = out[i - 1][0];
    let lon = ring[i][0];
    while (lon - prevLon > 180) lon -= 360;
    while (lon - prevLon < -180) lon += 360;
    out.push([lon, ring[i][1]]);
  }
  return out;
}

/// Sutherland–Hodgman against the two meridians; concave rings may come out
/// with zero-width bridges along a meridian, which earcut and even-odd hit
/// testing both tolerate.
function clipRingToLonWindow(ring, west, east) {
  const clipped = clipRingToHalfPlane(ring, west, (lon) => lon >= west);
  return clipRingToHalfPlane(clipped, east, (lon) => lon <= east);
}

function clipRingToHalfPlane(ring, edgeLon, isInside) {
  const out = [];
  for (let i = 0; i < ring.length; i++) {
    const prev = ring[(i + ring.length - 1) % ring.length];
    const cur = ring[i];
    if (isInside(cur[0]) !== isInside(prev[0])) {
      const t = (edgeLon - prev[0]) / (cur[0] - prev[0]);
      out.push([edgeLon, prev[1] + t * (cur[1] - prev[1])]);
    }
    if (isInside(cur[0])) out.push(cur);
  }
  return out;
}

export function ringArea(ring) {
  let twiceArea = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    twiceArea += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  }
  return twiceArea / 2;
}

export function polygonArea(rings) {
  return rings.reduce((sum, ring, index) => sum + (index === 0 ? 1 : -1) * Math.abs(ringArea(ring)), 0);
}

/// Open polylines (degrees) split where they cross the antimeridian, without
/// the ones that only trace a pole.
export function splitLinesAtAntimeridian(polylines) {
  const lines = [];
  for (const line of polylines) {
    let current = [line[0]];
    for (let i = 1; i < line.length; i++) {
      const [prevLon, prevLat] = line[i - 1];
      const [lon, lat] = line[i];
      if (Math.abs(lon - prevLon) > 180) {
        const edgeLon = prevLon < 0 ? -180 : 180;
        const unwrappedLon = lon + (prevLon < 0 ? -360 : 360);
        // A step from +180 to -180 (1:10m data has both) crosses where it starts.
        const t = unwrappedLon === prevLon ? 0 : (edgeLon - prevLon) / (unwrappedLon - prevLon);
        const crossingLat = prevLat + t * (lat - prevLat);
        current.push([edgeLon, crossingLat]);
        lines.push(current);
        current = [[-edgeLon, crossingLat]];
      }
      current.push(line[i]);
    }
    lines.push(current);
  }
  return lines.filter((line) => !line.every(([, lat]) => Math.abs(lat) >= POLE_CAP_LAT_DEG));
}
