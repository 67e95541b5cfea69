// Builds assets/basemap.bin, the offline world map that src/basemap.rs reads.
//
// Input: Natural Earth's 1:50m admin-0 countries (public domain) as packaged
// in npm `world-atlas@2.0.2` (ISC), pinned with the other tools in
// tools/basemap/package-lock.json. Run it through tools/build_basemap.sh.
//
// world-atlas keeps spherical topology: a few rings cross the antimeridian
// (Russia's mainland and Wrangel Island, a Fiji island) and Antarctica is a ring
// around the South Pole. Drawn or triangulated in a flat lon/lat plane those
// would streak across the whole world, so every polygon is unwrapped, closed
// over the pole where it circles one, and clipped into the [-180, 180] window.
//
// The byte layout is documented once, beside its reader, at the top of
// src/basemap.rs; `writeBasemap` below follows it field by field.

import { readFileSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { planarPolygonsFromSpherical, polygonArea, splitLinesAtAntimeridian } from './basemap/planar.mjs';

const FORMAT_MAGIC = 'GBMP';
const FORMAT_VERSION = 1;
const MICRO_DEG_PER_DEG = 1e6;
/// Label search precision in degrees (about a kilometre).
const LABEL_PRECISION_DEG = 0.01;
/// A triangulation whose area differs from its polygon's by more than this
/// fraction means earcut met a broken ring: stop rather than ship holes.
const MAX_TRIANGULATION_DEVIATION = 1e-3;
let worstTriangulationDeviation = 0;

// Water labels, placed by hand near the middle of each body of open water and
// rounded to half a degree; where a sea is long or bent (Red Sea, Baltic) the
// point sits in its widest part so a label has room. They are not taken from a
// data set: the Rust tests check that each one lies in no country.
const SEA_LABELS = [
  { name: 'Atlantic Ocean', lon_deg: -40.0, lat_deg: 25.0 },
  { name: 'Pacific Ocean', lon_deg: -150.0, lat_deg: 10.0 },
  { name: 'Indian Ocean', lon_deg: 80.0, lat_deg: -20.0 },
  { name: 'Arctic Ocean', lon_deg: 0.0, lat_deg: 84.0 },
  { name: 'Southern Ocean', lon_deg: 90.0, lat_deg: -60.0 },
  { name: 'Mediterranean Sea', lon_deg: 18.0, lat_deg: 34.5 },
  { name: 'Black Sea', lon_deg: 34.5, lat_deg: 43.5 },
  { name: 'Caspian Sea', lon_deg: 51.0, lat_deg: 42.0 },
  { name: 'Red Sea', lon_deg: 38.5, lat_deg: 20.5 },
  { name: 'Persian Gulf', lon_deg: 51.5, lat_deg: 27.0 },
  { name: 'Gulf of Oman', lon_deg: 58.5, lat_deg: 24.5 },
  { name: 'Arabian Sea', lon_deg: 64.0, lat_deg: 15.0 },
  { name: 'Gulf of Aden', lon_deg: 48.0, lat_deg: 12.5 },
  { name: 'Aegean Sea', lon_deg: 25.0, lat_deg: 38.5 },
  { name: 'Adriatic Sea', lon_deg: 16.0, lat_deg: 42.5 },
  { name: 'Baltic Sea', lon_deg: 19.5, lat_deg: 56.0 },
  { name: 'North Sea', lon_deg: 3.0, lat_deg: 56.0 },
  { name: 'Bay of Bengal', lon_deg: 88.0, lat_deg: 15.0 },
  { name: 'South China Sea', lon_deg: 114.0, lat_deg: 15.0 },
  { name: 'Caribbean Sea', lon_deg: -75.0, lat_deg: 15.0 },
  { name: 'Gulf of Mexico', lon_deg: -90.0, lat_deg: 25.0 },
  { name: 'Hudson Bay', lon_deg: -86.0, lat_deg: 60.0 },
  { name: 'Labrador Sea', lon_deg: -55.0, lat_deg: 58.0 },
  { name: 'Gulf of Alaska', lon_deg: -145.0, lat_deg: 57.0 },
  { name: 'Bering Sea', lon_deg: -178.0, lat_deg: 58.0 },
  { name: 'Sea of Okhotsk', lon_deg: 150.0, lat_deg: 55.0 },
  { name: 'Sea of Japan', lon_deg: 135.0, lat_deg: 40.0 },
  { name: 'East China Sea', lon_deg: 125.5, lat_deg: 29.0 },
  { name: 'Yellow Sea', lon_deg: 123.0, lat_deg: 36.0 },
  { name: 'Philippine Sea', lon_deg: 132.0, lat_deg: 18.0 },
  { name: 'Coral Sea', lon_deg: 155.0, lat_deg: -17.0 },
  { name: 'Tasman Sea', lon_deg: 160.0, lat_deg: -38.0 },
  { name: 'Barents Sea', lon_deg: 40.0, lat_deg: 73.0 },
  { name: 'Norwegian Sea', lon_deg: 2.0, lat_deg: 67.0 },
  { name: 'Bay of Biscay', lon_deg: -5.0, lat_deg: 45.0 },
  { name: 'Gulf of Guinea', lon_deg: 3.0, lat_deg: 2.0 },
  { name: 'Mozambique Channel', lon_deg: 41.0, lat_deg: -19.0 },
  { name: 'Arafura Sea', lon_deg: 135.0, lat_deg: -9.5 },
];

const toolsDir = dirname(fileURLToPath(import.meta.url));
const repoDir = dirname(toolsDir);
const outputPath = `${repoDir}/assets/basemap.bin`;

// The pinned packages live in tools/basemap/node_modules, which plain ESM
// resolution from this file would not search.
const requireFromTools = createRequire(`${toolsDir}/basemap/package.json`);
const importFromTools = async (name) =>
  import(pathToFileURL(requireFromTools.resolve(name)).href);
const topojson = (await importFromTools('topojson-client')).default;
const { default: earcut, deviation } = await importFromTools('earcut');
const { default: polylabel } = await importFromTools('polylabel');

async function main() {
  const topology = JSON.parse(
    readFileSync(requireFromTools.resolve('world-atlas/countries-50m.json'), 'utf8'),
  );
  const countriesObject = topology.objects.countries;

  const countries = topojson
    .feature(topology, countriesObject)
    .features.map(countryFromFeature);
  const borders = polylinesFromMesh(topojson.mesh(topology, countriesObject, (a, b) => a !== b));
  const coastlines = polylinesFromMesh(topojson.mesh(topology, countriesObject, (a, b) => a === b));

  const bytes = writeBasemap({ countries, borders, coastlines, seaLabels: SEA_LABELS });
  mkdirSync(dirname(outputPath), { recursive: true });
  writeFileSync(`${outputPath}.tmp`, bytes);
  renameSync(`${outputPath}.tmp`, outputPath);

  const vertexCount = countries
    .flatMap((c) => c.polygons)
    .reduce((sum, p) => sum + p.rings.reduce((s, r) => s + r.length, 0), 0);
  console.log(
    `wrote ${outputPath}: ${bytes.length} bytes, ${countries.length} countries, ` +
      `${vertexCount} polygon vertices, ${borders.length} border lines, ` +
      `${coastlines.length} coastlines, ${SEA_LABELS.length} sea labels; ` +
      `worst earcut area deviation ${worstTriangulationDeviation.toExponential(1)}`,
  );
}

// ---- countries -------------------------------------------------------------

function countryFromFeature(feature) {
  const name = feature.properties.name;
  const geometry = feature.geometry;
  const sourcePolygons =
    geometry === null ? [] : geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;

  const polygons = sourcePolygons
    .flatMap(planarPolygonsFromSpherical)
    .map(quantizedPolygon)
    .filter((rings) => rings !== null)
    .map((rings) => ({ rings, triangles: triangulate(name, rings) }));
  if (polygons.length === 0) throw new Error(`${name} has no drawable polygon`);

  const largest = polygons.reduce((best, p) => (polygonArea(p.rings) > polygonArea(best.rings) ? p : best));
  const [labelLon, labelLat] = polylabel(largest.rings.map(degRing), LABEL_PRECISION_DEG);

  return {
    name,
    id: feature.id ?? '',
    bbox: bboxMicroDeg(polygons.flatMap((p) => p.rings[0])),
    label: [toMicroDeg(labelLon, 180), toMicroDeg(labelLat, 90)],
    polygons,
  };
}

/// Rounds to whole micro-degrees and drops the repeated vertices that creates.
/// Returns null when the exterior collapses.
function quantizedPolygon(rings) {
  const quantized = rings
    .map((ring) => {
      const out = [];
      for (const [lon, lat] of ring) {
        const point = [toMicroDeg(lon, 180), toMicroDeg(lat, 90)];
        const prev = out[out.length - 1];
        if (!prev || prev[0] !== point[0] || prev[1] !== point[1]) out.push(point);
      }
      while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) {
        out.pop();
      }
      return out;
    })
    .filter((ring, index) => index === 0 || ring.length >= 3);
  return quantized[0].length >= 3 ? quantized : null;
}

function triangulate(name, rings) {
  const flat = rings.flatMap((ring) => ring.flatMap(([lon, lat]) => [lon / MICRO_DEG_PER_DEG, lat / MICRO_DEG_PER_DEG]));
  const holeIndices = [];
  let start = 0;
  for (const ring of rings.slice(0, -1)) {
    start += ring.length;
    holeIndices.push(start);
  }
  const indices = earcut(flat, holeIndices, 2);
  const error = deviation(flat, holeIndices, 2, indices);
  worstTriangulationDeviation = Math.max(worstTriangulationDeviation, error);
  if (error > MAX_TRIANGULATION_DEVIATION) {
    throw new Error(`earcut left ${(error * 100).toFixed(3)}% of a ${name} polygon unfilled`);
  }
  if (start + rings[rings.length - 1].length > 0xffff) {
    throw new Error(`a ${name} polygon has more vertices than u16 triangle indices can reach`);
  }
  return indices;
}

/// A topojson mesh to open micro-degree polylines, split where they cross
/// the antimeridian and without the arcs that only trace a pole.
function polylinesFromMesh(multiLineString) {
  return splitLinesAtAntimeridian(multiLineString.coordinates)
    .map((line) => {
      const out = [];
      for (const [lon, lat] of line) {
        const point = [toMicroDeg(lon, 180), toMicroDeg(lat, 90)];
        const prev = out[out.length - 1];
        if (!prev || prev[0] !== point[0] || prev[1] !== point[1]) out.push(point);
      }
      return out;
    })
    .filter((line) => line.length >= 2);
}

function toMicroDeg(deg, limitDeg) {
  const limit = limitDeg * MICRO_DEG_PER_DEG;
  return Math.max(-limit, Math.min(limit, Math.round(deg * MICRO_DEG_PER_DEG)));
}

function degRing(ring) {
  return ring.map(([lon, lat]) => [lon / MICRO_DEG_PER_DEG, lat / MICRO_DEG_PER_DEG]);
}

function bboxMicroDeg(points) {
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    minLon = Math.min(minLon, lon);
    minLat = Math.min(minLat, lat);
    maxLon = Math.max(maxLon, lon);
    maxLat = Math.max(maxLat, lat);
  }
  return [minLon, minLat, maxLon, maxLat];
}

// ---- encoding --------------------------------------------------------------

function writeBasemap({ countries, borders, coastlines, seaLabels }) {
  const out = new ByteWriter();
  out.ascii(FORMAT_MAGIC);
  out.u32(FORMAT_VERSION);

  out.u32(countries.length);
  for (const country of countries) {
    out.str(country.name);
    out.str(country.id);
    country.bbox.forEach((v) => out.i32(v));
    country.label.forEach((v) => out.i32(v));
    out.u32(country.polygons.length);
    for (const polygon of country.polygons) {
      out.u32(polygon.rings.length);
      for (const ring of polygon.rings) out.points(ring);
      out.u32(polygon.triangles.length / 3);
      polygon.triangles.forEach((index) => out.u16(index));
    }
  }

  for (const lines of [borders, coastlines]) {
    out.u32(lines.length);
    lines.forEach((line) => out.points(line));
  }

  out.u32(seaLabels.length);
  for (const label of seaLabels) {
    out.str(label.name);
    out.i32(toMicroDeg(label.lon_deg, 180));
    out.i32(toMicroDeg(label.lat_deg, 90));
  }
  return out.finish();
}

class ByteWriter {
  constructor() {
    this.buffer = Buffer.alloc(1 << 20);
    this.length = 0;
  }
  reserve(byteCount) {
    if (this.length + byteCount <= this.buffer.length) return;
    const grown = Buffer.alloc(Math.max(this.buffer.length * 2, this.length + byteCount));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
  ascii(text) {
    this.reserve(text.length);
    this.length += this.buffer.write(text, this.length, 'latin1');
  }
  u16(value) {
    this.reserve(2);
    this.length = this.buffer.writeUInt16LE(value, this.length);
  }
  u32(value) {
    this.reserve(4);
    this.length = this.buffer.writeUInt32LE(value, this.length);
  }
  i32(value) {
    this.reserve(4);
    this.length = this.buffer.writeInt32LE(value, this.length);
  }
  str(text) {
    const utf8 = Buffer.from(text, 'utf8');
    this.u16(utf8.length);
    this.reserve(utf8.length);
    this.length += utf8.copy(this.buffer, this.length);
  }
  points(points) {
    this.u32(points.length);
    for (const [lon, lat] of points) {
      this.i32(lon);
      this.i32(lat);
    }
  }
  finish() {
    return this.buffer.subarray(0, this.length);
  }
}

// Last, so that the helper functions and the ByteWriter class above are defined.
await main();
