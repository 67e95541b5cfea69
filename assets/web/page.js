// Geobrief's exported page: the article, the map and the place card, from
// the brief's data in the page (#brief-data). Hand-written, no framework,
// no build step, no network. Every text from the brief is set with
// textContent or as an attribute value, never as markup.
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("brief-data").textContent);
  var MAP = DATA.map;
  var SVG_NS = "http://www.w3.org/2000/svg";
  var EARTH_CIRCUMFERENCE_M = 40075016.686;
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  // ---- State: the camera (world units 0..1, zoom), the selection, the range.
  var camera = { x: 0.5, y: 0.5, zoom: MAP.min_zoom };
  var state = {
    selected: null,   // index into DATA.places
    step: 0,          // which of its mentions is current
    hovered: null,
    range: null,      // [from, to] dates (ISO strings) or null
  };
  var shownArticles = DATA.articles.map(function () { return true; });
  var placeWeight = DATA.places.map(function () { return 1; });

  function $(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(SVG_NS, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  // ---- Paths: the compact streams the Rust side writes (paths.rs):
  // base64 of zigzag varints, per line its point count then steps.
  function decodePath(b64, closed) {
    if (!b64) return "";
    var bin = atob(b64), i = 0, out = [];
    function unsigned() {
      var v = 0, shift = 0, b;
      do { b = bin.charCodeAt(i++); v += (b & 127) * Math.pow(2, shift); shift += 7; } while (b & 128);
      return v;
    }
    function signed() { var v = unsigned(); return v % 2 ? -(v + 1) / 2 : v / 2; }
    while (i < bin.length) {
      var n = unsigned();
      var x = signed(), y = signed();
      var parts = ["M", x, y, "l"];
      for (var k = 1; k < n; k++) parts.push(signed(), signed());
      if (closed) parts.push("z");
      out.push(parts.join(" "));
    }
    return out.join("");
  }

  // ---- The map's frame: screen points from world units.
  var mapEl = $("map"), svgEl = $("map-svg");
  function size() { return { w: svgEl.clientWidth || 600, h: svgEl.clientHeight || 400 }; }
  function scale(zoom) { return MAP.tile_points * Math.pow(2, zoom); }
  function screenOf(wx, wy) {
    var s = scale(camera.zoom), sz = size();
    return [sz.w / 2 + (wx - camera.x) * s, sz.h / 2 + (wy - camera.y) * s];
  }
  function worldOf(px, py) {
    var s = scale(camera.zoom), sz = size();
    return [camera.x + (px - sz.w / 2) / s, camera.y + (py - sz.h / 2) / s];
  }
  var G = MAP.grid_units;
  function gridBox(b) { return [b[0] / G, b[1] / G, b[2] / G, b[3] / G]; }
  var EXTENT = gridBox(MAP.extent), STORY = gridBox(MAP.story);

  function clampCamera(c) {
    var zoom = Math.min(MAP.max_zoom, Math.max(MAP.min_zoom, c.zoom));
    return {
      x: Math.min(EXTENT[2], Math.max(EXTENT[0], c.x)),
      y: Math.min(EXTENT[3], Math.max(EXTENT[1], c.y)),
      zoom: zoom,
    };
  }
  // The camera that shows a world box with a margin, as the app fits.
  function fitting(box, margin, maxZoom) {
    var sz = size();
    var w = Math.max(1, sz.w - 2 * margin), h = Math.max(1, sz.h - 2 * margin);
    var sx = w / Math.max(1e-9, box[2] - box[0]), sy = h / Math.max(1e-9, box[3] - box[1]);
    var zoom = Math.log2(Math.min(sx, sy) / MAP.tile_points);
    if (maxZoom !== undefined) zoom = Math.min(zoom, maxZoom);
    return clampCamera({ x: (box[0] + box[2]) / 2, y: (box[1] + box[3]) / 2, zoom: zoom });
  }
  function fitStory() { return fitting(STORY, Math.min(MAP.fit_margin, size().w / 8), 9); }

  // ---- Drawing: the basemap patches are built once and moved by a
  // transform; labels and markers are placed in screen points each frame.
  var patchGroups = [];
  var countryPaths = {}; // 1:50m country index -> [path elements]
  function buildBasemap() {
    var root = $("basemap");
    MAP.patches.forEach(function (patch) {
      var g = svg("g", { "class": "patch" + (patch.fine ? " fine" : "") });
      var k = patch.units_per_world, b = patch.box;
      if (patch.from_zoom > 0) {
        g.appendChild(svg("rect", { "class": "sea", x: b[0] * k, y: b[1] * k, width: (b[2] - b[0]) * k, height: (b[3] - b[1]) * k }));
      }
      var L = patch.layers;
      g.appendChild(svg("path", { "class": "land", d: decodePath(L.land, true) }));
      L.countries.forEach(function (c) {
        var p = svg("path", { "class": "land", d: decodePath(c.d, true) });
        p.dataset.country = c.country;
        (countryPaths[c.country] = countryPaths[c.country] || []).push(p);
        g.appendChild(p);
      });
      if (L.lakes) {
        g.appendChild(svg("path", { "class": "lake", d: decodePath(L.lakes, true) }));
      }
      var lines = L.lines.map(function (line) {
        var p = svg("path", { "class": "line " + line["class"], d: decodePath(line.d, false) });
        g.appendChild(p);
        return { el: p, fromZoom: line.from_zoom };
      });
      root.appendChild(g);
      patchGroups.push({ el: g, patch: patch, lines: lines });
    });
  }

  var areaGroup = $("areas");
  var areaPaths = [];
  var markerEls = [];
  function buildPlaces() {
    DATA.places.forEach(function (place, i) {
      if (place.area) {
        // A lake's or a river's box is water, tinted as the map's rivers.
        var p = svg("path", { "class": place.kind === "sea" ? "area water" : "area", d: decodePath(place.area, true) });
        p.addEventListener("click", function () { if (!dragged) select(i, { fly: true }); });
        areaGroup.appendChild(p);
        areaPaths[i] = p;
      }
      if (place.country !== null && countryPaths[place.country]) {
        countryPaths[place.country].forEach(function (p) {
          p.classList.add("story-country");
          p.addEventListener("click", function () { if (!dragged) select(i, { fly: true }); });
        });
      }
    });
    // Markers: buttons named as the app names them, drawn bases last so
    // they stay on top where markers crowd.
    var order = DATA.places.map(function (_, i) { return i; }).filter(function (i) { return DATA.places[i].marker || DATA.places[i].area; });
    var rank = { naval_base: 0, air_base: 0, capital: 1, area: 2 };
    order.sort(function (a, b) {
      var ra = rank[DATA.places[a].kind] === undefined ? 3 : rank[DATA.places[a].kind];
      var rb = rank[DATA.places[b].kind] === undefined ? 3 : rank[DATA.places[b].kind];
      return rb - ra || DATA.places[a].mentions.length - DATA.places[b].mentions.length;
    });
    var group = $("markers");
    order.forEach(function (i) {
      var place = DATA.places[i];
      var g = svg("g", { "class": "marker kind-" + place.kind, role: "button", tabindex: "0", "aria-pressed": "false" });
      g.setAttribute("aria-label", place.name + " on the map");
      g.appendChild(svg("circle", { "class": "halo", r: 11 }));
      g.appendChild(markerShape(place.kind, place.marker));
      g.addEventListener("click", function (e) { e.stopPropagation(); if (!dragged) select(i, { fly: true }); });
      g.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(i, { fly: true }); }
      });
      g.addEventListener("mouseenter", function () { hover(i); });
      g.addEventListener("mouseleave", function () { hover(null); });
      group.appendChild(g);
      markerEls[i] = g;
    });
  }

  // The shape says what a place is, as in the app: a diamond with an
  // anchor's cross for a naval facility, a triangle for an air base, a ringed
  // dot for a capital, a dot for a town; an area's marker is a small square.
  function markerShape(kind, isMarker) {
    var g = svg("g", { "class": "symbol" });
    if (!isMarker) {
      g.appendChild(svg("rect", { x: -3.5, y: -3.5, width: 7, height: 7, "class": "fill" }));
      return g;
    }
    if (kind === "naval_base") {
      g.appendChild(svg("polygon", { points: "0,-7 7,0 0,7 -7,0", "class": "fill" }));
      g.appendChild(svg("path", { d: "M-3.2 0H3.2M0 -3.5V3.5", "class": "stroke" }));
    } else if (kind === "air_base") {
      g.appendChild(svg("polygon", { points: "0,-7.7 7,5.25 -7,5.25", "class": "fill" }));
    } else if (kind === "capital") {
      g.appendChild(svg("circle", { r: 6, "class": "outline-fill" }));
      g.appendChild(svg("circle", { r: 5.5, "class": "ring" }));
      g.appendChild(svg("circle", { r: 3, "class": "dot" }));
    } else {
      g.appendChild(svg("circle", { r: 4.5, "class": "fill" }));
    }
    return g;
  }

  function currentLevel() {
    var levels = MAP.labels.levels, best = levels[0];
    for (var i = 0; i < levels.length; i++) if (levels[i].zoom <= camera.zoom + 1e-9) best = levels[i];
    return best;
  }

  var frameAsked = false;
  function render() {
    if (frameAsked) return;
    frameAsked = true;
    requestAnimationFrame(draw);
  }

  function draw() {
    frameAsked = false;
    var s = scale(camera.zoom), sz = size();
    var tx = sz.w / 2 - camera.x * s, ty = sz.h / 2 - camera.y * s;
    patchGroups.forEach(function (pg) {
      var show = camera.zoom >= pg.patch.from_zoom;
      pg.el.style.display = show ? "" : "none";
      if (!show) return;
      var k = s / pg.patch.units_per_world;
      pg.el.setAttribute("transform", "matrix(" + k + " 0 0 " + k + " " + tx + " " + ty + ")");
      pg.lines.forEach(function (l) { l.el.style.display = camera.zoom >= l.fromZoom ? "" : "none"; });
    });
    var ka = s / G;
    areaGroup.setAttribute("transform", "matrix(" + ka + " 0 0 " + ka + " " + tx + " " + ty + ")");
    var spots = markerSpots();
    var leaders = $("leaders");
    leaders.textContent = "";
    DATA.places.forEach(function (place, i) {
      var m = markerEls[i];
      var visible = placeVisible(i);
      if (areaPaths[i]) areaPaths[i].style.display = visible ? "" : "none";
      if (!m) return;
      m.style.display = visible ? "" : "none";
      var p = spots[i] ? spots[i].at : screenOf(place.at[0] / G, place.at[1] / G);
      if (spots[i] && spots[i].moved) {
        var from = spots[i].from;
        leaders.appendChild(svg("line", { x1: from[0], y1: from[1], x2: p[0], y2: p[1], "class": "leader" }));
        leaders.appendChild(svg("circle", { cx: from[0], cy: from[1], r: 2, "class": "leader-dot" }));
      }
      m.setAttribute("transform", "translate(" + p[0].toFixed(1) + " " + p[1].toFixed(1) + ")");
      m.style.opacity = String(0.35 + 0.65 * placeWeight[i]);
    });
    drawLabels(sz, spots);
    drawScale();
  }

  // Markers closer than this (points) would hide each other: they are set
  // apart around their middle, each with a line to where it is, so every
  // one can be seen and clicked (the app shows such a crowd in an inset).
  var CROWD_POINTS = 16;
  function markerSpots() {
    var spots = {}, placed = [];
    DATA.places.forEach(function (place, i) {
      if (!markerEls[i] || !place.marker || !placeVisible(i)) return;
      var p = screenOf(place.at[0] / G, place.at[1] / G);
      spots[i] = { from: p, at: p, moved: false };
      placed.push(i);
    });
    var crowds = [];
    placed.forEach(function (i) {
      var crowd = crowds.find(function (c) {
        return c.some(function (j) { return Math.hypot(spots[i].from[0] - spots[j].from[0], spots[i].from[1] - spots[j].from[1]) < CROWD_POINTS; });
      });
      if (crowd) crowd.push(i); else crowds.push([i]);
    });
    crowds.forEach(function (crowd) {
      if (crowd.length < 2) return;
      var cx = 0, cy = 0;
      crowd.forEach(function (i) { cx += spots[i].from[0] / crowd.length; cy += spots[i].from[1] / crowd.length; });
      var radius = Math.max(CROWD_POINTS, crowd.length * 7);
      // Each keeps its side of the crowd where it has one (north stays up).
      crowd.sort(function (a, b) {
        return Math.atan2(spots[a].from[1] - cy, spots[a].from[0] - cx) - Math.atan2(spots[b].from[1] - cy, spots[b].from[0] - cx);
      });
      var first = Math.atan2(spots[crowd[0]].from[1] - cy, spots[crowd[0]].from[0] - cx);
      if (!isFinite(first) || (spots[crowd[0]].from[0] === cx && spots[crowd[0]].from[1] === cy)) first = -Math.PI / 2;
      crowd.forEach(function (i, k) {
        var angle = first + k * 2 * Math.PI / crowd.length;
        spots[i].at = [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
        spots[i].moved = true;
        spots[i].side = Math.cos(angle) >= 0 ? 1 : -1;
      });
    });
    return spots;
  }

  function drawLabels(sz, spots) {
    var level = currentLevel();
    var k = Math.pow(2, camera.zoom - level.zoom);
    var s = scale(camera.zoom);
    var ox = sz.w / 2 - camera.x * s, oy = sz.h / 2 - camera.y * s;
    var labels = $("labels"), dots = $("dots");
    labels.textContent = "";
    dots.textContent = "";
    // No name goes under the map's own furniture (the zoom buttons top
    // right, the scale bottom left), as in the app.
    var taken = [[sz.w - 46, 0, sz.w, 128], [0, sz.h - 26, 140, sz.h]];
    // A crowd's markers, set apart, carry their names on their outer side;
    // those names and markers go first, and the placed names give way.
    Object.keys(spots).forEach(function (key) {
      var spot = spots[key], i = Number(key);
      if (!spot.moved) return;
      var place = DATA.places[i];
      var x = spot.at[0] + spot.side * 11, y = spot.at[1];
      var width = 2 * labelHalfWidth(place.name, "p");
      taken.push([spot.at[0] - 8, y - 8, spot.at[0] + 8, y + 8]);
      taken.push(spot.side > 0 ? [x, y - 8, x + width, y + 8] : [x - width, y - 8, x, y + 8]);
      var t = svg("text", {
        x: x.toFixed(1), y: y.toFixed(1),
        "class": "label p crowd kind-" + place.kind + (state.selected === i ? " selected" : ""),
      });
      t.style.textAnchor = spot.side > 0 ? "start" : "end";
      t.textContent = place.name;
      labels.appendChild(t);
    });
    var free = function (box) {
      return !taken.some(function (t) { return box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3]; });
    };
    level.labels.forEach(function (label) {
      var x = label[2] * k + ox, y = label[3] * k + oy;
      if (x < -200 || y < -40 || x > sz.w + 200 || y > sz.h + 40) return;
      var text, cls = "label " + label[0];
      if (label[0] === "p") {
        var i = label[1];
        if (!placeVisible(i) || (spots[i] && spots[i].moved)) return;
        text = DATA.places[i].name;
        if (DATA.places[i].kind === "country") text = text.toUpperCase();
        cls += " kind-" + DATA.places[i].kind + (state.selected === i ? " selected" : "");
      } else {
        text = MAP.labels.names[label[1]];
      }
      // A name cut by the map's edge is left out, as the app places names
      // within its view (widths as the exporter measured them, roughly).
      var half = labelHalfWidth(text, label[0]);
      if (x - half < 2 || x + half > sz.w - 2 || y < 8 || y > sz.h - 8) return;
      if (!free([x - half, y - 7, x + half, y + 7])) return;
      if (label.length > 4) {
        dots.appendChild(svg("circle", { "class": "town-dot" + (label[0] === "k" ? " capital" : ""), cx: x + label[4], cy: y + label[5], r: label[0] === "k" ? 2.6 : 2 }));
      }
      var t = svg("text", { x: x.toFixed(1), y: y.toFixed(1), "class": cls });
      t.textContent = text;
      labels.appendChild(t);
    });
  }

  // About half a name's width in points: Helvetica's average letter, and
  // the spacing of capitals.
  var LABEL_TYPE = { p: [12.5, 0], c: [10, 1.6], r: [9.5, 1.2], t: [10.5, 0], k: [11.5, 0], s: [12, 0] };
  function labelHalfWidth(text, cls) {
    var type = LABEL_TYPE[cls] || [12, 0];
    return text.length * (type[0] * 0.52 + type[1]) / 2;
  }

  function drawScale() {
    var lat = Math.atan(Math.sinh(Math.PI * (1 - 2 * camera.y)));
    var metresPerPoint = EARTH_CIRCUMFERENCE_M * Math.cos(lat) / scale(camera.zoom);
    var maxM = metresPerPoint * 120;
    var mag = Math.pow(10, Math.floor(Math.log10(maxM)));
    var step = [5, 2, 1].map(function (f) { return f * mag; }).filter(function (m) { return m <= maxM; })[0] || mag;
    $("scale-bar").style.width = (step / metresPerPoint).toFixed(0) + "px";
    $("scale-label").textContent = step >= 1000 ? (step / 1000) + " km" : step + " m";
  }

  // ---- Camera moves: animated unless the reader asked for less motion.
  var flight = null;
  function moveTo(target, animate) {
    target = clampCamera(target);
    if (!animate || reduceMotion) { camera = target; flight = null; render(); return; }
    var from = { x: camera.x, y: camera.y, zoom: camera.zoom }, start = performance.now();
    flight = function (now) {
      var t = Math.min(1, (now - start) / 350), e = t * (2 - t);
      camera = { x: from.x + (target.x - from.x) * e, y: from.y + (target.y - from.y) * e, zoom: from.zoom + (target.zoom - from.zoom) * e };
      draw();
      if (t < 1 && flight) requestAnimationFrame(flight); else flight = null;
    };
    requestAnimationFrame(flight);
  }
  function zoomAround(px, py, delta) {
    var before = worldOf(px, py);
    var zoom = Math.min(MAP.max_zoom, Math.max(MAP.min_zoom, camera.zoom + delta));
    var s = scale(zoom), sz = size();
    camera = clampCamera({ x: before[0] - (px - sz.w / 2) / s, y: before[1] - (py - sz.h / 2) / s, zoom: zoom });
    flight = null;
    render();
  }
  function panBy(dx, dy) {
    var s = scale(camera.zoom);
    camera = clampCamera({ x: camera.x - dx / s, y: camera.y - dy / s, zoom: camera.zoom });
    flight = null;
    render();
  }
  function cameraFor(i) {
    var place = DATA.places[i], f = place.focus;
    if (f.fit) return fitting(gridBox(f.fit), MAP.fit_margin);
    var zoom = f.at_least ? Math.max(camera.zoom, f.zoom) : Math.min(camera.zoom, f.zoom);
    return { x: place.at[0] / G, y: place.at[1] / G, zoom: zoom };
  }

  // ---- Pointer: drag to pan (a click is told apart from the end of a
  // drag), wheel and double-click to zoom, two fingers to pinch.
  var pointers = {}, dragged = false, pinch = null;
  svgEl.addEventListener("pointerdown", function (e) {
    pointers[e.pointerId] = { x: e.clientX, y: e.clientY, startX: e.clientX, startY: e.clientY };
    dragged = false;
    var ids = Object.keys(pointers);
    if (ids.length === 2) {
      var a = pointers[ids[0]], b = pointers[ids[1]];
      pinch = { d: Math.hypot(a.x - b.x, a.y - b.y), zoom: camera.zoom };
    }
  });
  window.addEventListener("pointermove", function (e) {
    var p = pointers[e.pointerId];
    if (!p) return;
    var dx = e.clientX - p.x, dy = e.clientY - p.y;
    p.x = e.clientX; p.y = e.clientY;
    if (Math.hypot(p.x - p.startX, p.y - p.startY) > 4) dragged = true;
    var ids = Object.keys(pointers);
    if (ids.length === 2 && pinch) {
      var a = pointers[ids[0]], b = pointers[ids[1]];
      var d = Math.hypot(a.x - b.x, a.y - b.y);
      var r = svgEl.getBoundingClientRect();
      zoomAround((a.x + b.x) / 2 - r.left, (a.y + b.y) / 2 - r.top, pinch.zoom + Math.log2(d / pinch.d) - camera.zoom);
    } else if (ids.length === 1 && dragged) {
      panBy(dx, dy);
    }
  });
  function pointerEnd(e) {
    delete pointers[e.pointerId];
    if (Object.keys(pointers).length < 2) pinch = null;
    if (dragged) setTimeout(function () { dragged = false; }, 0);
  }
  window.addEventListener("pointerup", pointerEnd);
  window.addEventListener("pointercancel", pointerEnd);
  svgEl.addEventListener("wheel", function (e) {
    e.preventDefault();
    var r = svgEl.getBoundingClientRect();
    var lines = e.deltaMode === 1 ? 16 : 1;
    zoomAround(e.clientX - r.left, e.clientY - r.top, -e.deltaY * lines / 300);
  }, { passive: false });
  svgEl.addEventListener("dblclick", function (e) {
    var r = svgEl.getBoundingClientRect();
    zoomAround(e.clientX - r.left, e.clientY - r.top, 1);
  });
  mapEl.addEventListener("keydown", function (e) {
    if (e.target.closest && e.target.closest(".map-buttons")) return;
    var step = 80, handled = true;
    switch (e.key) {
      case "ArrowLeft": panBy(step, 0); break;
      case "ArrowRight": panBy(-step, 0); break;
      case "ArrowUp": panBy(0, step); break;
      case "ArrowDown": panBy(0, -step); break;
      case "+": case "=": zoomAround(size().w / 2, size().h / 2, 1); break;
      case "-": case "_": zoomAround(size().w / 2, size().h / 2, -1); break;
      case "f": case "F": moveTo(fitStory(), true); break;
      case "Escape": select(null); break;
      default: handled = false;
    }
    if (handled) e.preventDefault();
  });
  $("zoom-in").addEventListener("click", function () { zoomAround(size().w / 2, size().h / 2, 1); });
  $("zoom-out").addEventListener("click", function () { zoomAround(size().w / 2, size().h / 2, -1); });
  $("fit").addEventListener("click", function () { moveTo(fitStory(), true); });

  // ---- The article(s), with each linked name a button.
  var mentionEls = DATA.mentions.map(function () { return []; });
  var articleEls = [];
  function buildArticles() {
    var root = $("articles");
    DATA.articles.forEach(function (article, a) {
      var section = el("article", "article");
      section.id = "article-" + article.id;
      var head = el("header");
      head.appendChild(el(DATA.story ? "h2" : "h1", "title", article.title));
      var meta = [article.byline, article.outlet, article.dateline, formatDate(article.date)].filter(Boolean);
      if (meta.length) head.appendChild(el("p", "meta", meta.join(" · ")));
      if (article.url) {
        var link = el("a", "source", "Original article");
        link.href = article.url;
        link.rel = "noopener noreferrer";
        head.appendChild(link);
      }
      section.appendChild(head);
      article.paragraphs.forEach(function (paragraph) {
        section.appendChild(paragraphEl(paragraph));
      });
      root.appendChild(section);
      articleEls[a] = section;
    });
  }
  function paragraphEl(paragraph) {
    var p = el("p"), text = paragraph.text, at = 0;
    paragraph.runs.forEach(function (run) {
      if (run[0] > at) p.appendChild(document.createTextNode(text.slice(at, run[0])));
      var ids = run[2];
      var span = el("span", "mention", text.slice(run[0], run[1]));
      span.setAttribute("role", "button");
      span.tabIndex = 0;
      var place = DATA.places[DATA.mentions[ids[0]].place];
      if (place) span.title = place.name;
      span.addEventListener("click", function () { chooseMention(ids); });
      span.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); chooseMention(ids); }
      });
      span.addEventListener("mouseenter", function () { hover(DATA.mentions[ids[0]].place); });
      span.addEventListener("mouseleave", function () { hover(null); });
      ids.forEach(function (m) { mentionEls[m].push(span); });
      p.appendChild(span);
      at = run[1];
    });
    if (at < text.length) p.appendChild(document.createTextNode(text.slice(at)));
    return p;
  }
  // A name in the text: its place is selected, with this mention current.
  function chooseMention(ids) {
    var m = ids[0];
    for (var k = 0; k < ids.length; k++) if (DATA.mentions[ids[k]].place !== state.selected) { m = ids[k]; break; }
    var place = DATA.mentions[m].place;
    if (place === null) return;
    select(place, { fly: true, mention: m, scroll: false });
  }

  // ---- Selection: the card, the lit passages, the map.
  function select(i, options) {
    options = options || {};
    state.selected = i;
    document.body.classList.toggle("has-selection", i !== null);
    if (i === null) {
      $("card").hidden = true;
      lightMentions();
      updateMarkers();
      render();
      return;
    }
    var place = DATA.places[i];
    var mentions = visibleMentions(i);
    state.step = options.mention !== undefined ? Math.max(0, mentions.indexOf(options.mention)) : 0;
    fillCard(i);
    lightMentions();
    updateMarkers();
    if (options.scroll !== false && !stacked()) scrollToCurrent();
    if (options.fly) moveTo(cameraFor(i), options.animate !== false); else render();
    if (place) $("card").hidden = false;
  }
  function visibleMentions(i) {
    return DATA.places[i].mentions.filter(function (m) { return shownArticles[DATA.mentions[m].article]; });
  }
  function fillCard(i) {
    var place = DATA.places[i];
    $("card-title").textContent = place.name;
    var lat = Math.abs(place.lat).toFixed(4) + "° " + (place.lat >= 0 ? "N" : "S");
    var lon = Math.abs(place.lon).toFixed(4) + "° " + (place.lon >= 0 ? "E" : "W");
    var kind = [place.kind_label + (place.approximate ? " (approximate)" : ""), lat + ", " + lon, place.where].filter(Boolean);
    $("card-kind").textContent = kind.join(" · ");
    $("card-note").textContent = place.note || "";
    $("card-note").hidden = !place.note;
    var mentions = visibleMentions(i);
    var articles = {};
    mentions.forEach(function (m) { articles[DATA.mentions[m].article] = true; });
    var articleCount = Object.keys(articles).length;
    $("card-articles").textContent = DATA.story
      ? mentions.length + (mentions.length === 1 ? " passage" : " passages") + " in " + articleCount + (articleCount === 1 ? " article" : " articles")
      : "";
    $("card-articles").hidden = !DATA.story;
    var list = $("passages");
    list.textContent = "";
    var lastArticle = null;
    mentions.forEach(function (m, k) {
      var mention = DATA.mentions[m];
      if (DATA.story && mention.article !== lastArticle) {
        lastArticle = mention.article;
        var art = DATA.articles[mention.article];
        list.appendChild(el("li", "passage-article", [art.title, formatDate(art.date)].filter(Boolean).join(" · ")));
      }
      var li = el("li");
      var b = el("button", "passage");
      b.type = "button";
      b.appendChild(document.createTextNode(mention.before));
      b.appendChild(el("mark", null, mention.words));
      b.appendChild(document.createTextNode(mention.after));
      b.addEventListener("click", function () { state.step = k; stepTo(true); });
      li.appendChild(b);
      list.appendChild(li);
    });
    var sources = $("card-sources");
    sources.textContent = "";
    if (place.sources.length) {
      sources.appendChild(document.createTextNode("Sources: "));
      place.sources.forEach(function (s, k) {
        if (k) sources.appendChild(document.createTextNode("; "));
        if (s.url) {
          var a = el("a", null, s.title);
          a.href = s.url;
          a.rel = "noopener noreferrer";
          sources.appendChild(a);
        } else {
          sources.appendChild(document.createTextNode(s.title));
        }
      });
    }
    updateCounter();
  }
  function updateCounter() {
    var i = state.selected;
    if (i === null) return;
    var n = visibleMentions(i).length;
    $("counter").textContent = n ? (state.step + 1) + " of " + n : "not named in these articles";
    $("prev").disabled = n < 2;
    $("next").disabled = n < 2;
    var items = $("passages").querySelectorAll("button.passage");
    for (var k = 0; k < items.length; k++) items[k].classList.toggle("current", k === state.step);
  }
  // Stepping scrolls the article to the passage where the article has a
  // column of its own; on a phone, where the article is below the map and
  // the card, only a passage clicked on the card takes the reader there.
  function stepTo(asked) {
    updateCounter();
    lightMentions();
    if (asked || !stacked()) scrollToCurrent();
  }
  function stacked() {
    return getComputedStyle($("reading")).overflowY !== "auto";
  }
  function lightMentions() {
    var lit = document.querySelectorAll(".mention.selected, .mention.current");
    for (var k = 0; k < lit.length; k++) lit[k].classList.remove("selected", "current");
    if (state.selected === null) return;
    var mentions = visibleMentions(state.selected);
    mentions.forEach(function (m, k) {
      mentionEls[m].forEach(function (span) {
        span.classList.add("selected");
        if (k === state.step) span.classList.add("current");
      });
    });
  }
  function scrollToCurrent() {
    if (state.selected === null) return;
    var m = visibleMentions(state.selected)[state.step];
    if (m === undefined || !mentionEls[m][0]) return;
    mentionEls[m][0].scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
  }
  $("prev").addEventListener("click", function () {
    var n = visibleMentions(state.selected).length;
    state.step = (state.step + n - 1) % n;
    stepTo();
  });
  $("next").addEventListener("click", function () {
    var n = visibleMentions(state.selected).length;
    state.step = (state.step + 1) % n;
    stepTo();
  });
  $("clear").addEventListener("click", function () { select(null); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && state.selected !== null) select(null);
  });

  function hover(i) {
    state.hovered = i;
    var lit = document.querySelectorAll(".mention.hovered, .marker.hovered");
    for (var k = 0; k < lit.length; k++) lit[k].classList.remove("hovered");
    if (i === null || i === undefined) return;
    DATA.places[i].mentions.forEach(function (m) { mentionEls[m].forEach(function (s) { s.classList.add("hovered"); }); });
    if (markerEls[i]) markerEls[i].classList.add("hovered");
  }

  function updateMarkers() {
    markerEls.forEach(function (m, i) {
      if (!m) return;
      m.classList.toggle("selected", state.selected === i);
      m.setAttribute("aria-pressed", state.selected === i ? "true" : "false");
    });
    areaPaths.forEach(function (p, i) { if (p) p.classList.toggle("selected", state.selected === i); });
    Object.keys(countryPaths).forEach(function (c) {
      var selected = state.selected !== null && DATA.places[state.selected].country === Number(c);
      countryPaths[c].forEach(function (p) {
        p.classList.toggle("selected", selected);
        p.classList.toggle("focus", MAP.focus_country === Number(c));
      });
    });
    var rows = $("place-list").querySelectorAll("button");
    for (var k = 0; k < rows.length; k++) {
      var on = Number(rows[k].dataset.place) === state.selected;
      rows[k].setAttribute("aria-pressed", on ? "true" : "false");
    }
  }

  // ---- The place list.
  function buildPlaceList() {
    var list = $("place-list");
    DATA.places.forEach(function (place, i) {
      var li = el("li");
      var b = el("button", "place-row");
      b.type = "button";
      b.dataset.place = i;
      b.setAttribute("aria-pressed", "false");
      b.appendChild(el("span", "name", place.name));
      b.appendChild(el("span", "kind", place.kind_label));
      var n = place.mentions.length;
      b.appendChild(el("span", "count", n + (n === 1 ? " mention" : " mentions")));
      b.addEventListener("click", function () { select(i, { fly: true }); });
      b.addEventListener("mouseenter", function () { hover(i); });
      b.addEventListener("mouseleave", function () { hover(null); });
      li.appendChild(b);
      list.appendChild(li);
    });
  }

  // ---- A story: its article list and the time range.
  function formatDate(iso) {
    if (!iso) return "";
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
    if (!m) return iso;
    var months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    return Number(m[3]) + " " + months[Number(m[2]) - 1] + " " + m[1];
  }
  var dates = [];
  function buildStory() {
    if (!DATA.story) return;
    $("story-head").hidden = false;
    $("story-title").textContent = DATA.title;
    var n = DATA.articles.length;
    $("article-list-title").textContent = "All " + n + " articles";
    var list = $("article-list-items");
    DATA.articles.forEach(function (article, a) {
      var li = el("li");
      var b = el("button", "article-row");
      b.type = "button";
      b.appendChild(el("span", "name", article.title));
      var meta = [article.outlet, formatDate(article.date) || "undated"].filter(Boolean).join(" · ");
      b.appendChild(el("span", "kind", meta));
      b.addEventListener("click", function () {
        articleEls[a].scrollIntoView({ block: "start", behavior: reduceMotion ? "auto" : "smooth" });
      });
      li.appendChild(b);
      list.appendChild(li);
      article.row = li;
    });
    DATA.articles.forEach(function (a) { if (a.date && dates.indexOf(a.date.slice(0, 10)) < 0) dates.push(a.date.slice(0, 10)); });
    dates.sort();
    var undated = DATA.articles.filter(function (a) { return !a.date; }).length;
    $("story-count").textContent = n + " articles" + (dates.length ? ", " + formatDate(dates[0]) + " to " + formatDate(dates[dates.length - 1]) : "") +
      (undated ? " (" + undated + " undated, left out of any time range)" : "");
    if (dates.length < 2) { $("timeline").hidden = true; return; }
    var from = $("range-from"), to = $("range-to");
    from.max = to.max = String(dates.length - 1);
    to.value = String(dates.length - 1);
    from.setAttribute("aria-valuetext", formatDate(dates[0]));
    to.setAttribute("aria-valuetext", formatDate(dates[dates.length - 1]));
    function changed(which) {
      var f = Number(from.value), t = Number(to.value);
      if (f > t) { if (which === from) to.value = String(f); else from.value = String(t); }
      setRange([dates[Number(from.value)], dates[Number(to.value)]]);
    }
    from.addEventListener("input", function () { changed(from); });
    to.addEventListener("input", function () { changed(to); });
    $("all-dates").addEventListener("click", function () {
      from.value = "0"; to.value = String(dates.length - 1); setRange(null);
    });
    drawTimeline();
    setRange(null);
  }
  function drawTimeline() {
    var strip = $("timeline-strip");
    strip.textContent = "";
    var first = Date.parse(dates[0]), last = Date.parse(dates[dates.length - 1]);
    DATA.articles.forEach(function (a) {
      if (!a.date) return;
      var t = (Date.parse(a.date.slice(0, 10)) - first) / Math.max(1, last - first);
      var inRange = !state.range || (a.date.slice(0, 10) >= state.range[0] && a.date.slice(0, 10) <= state.range[1]);
      strip.appendChild(svg("rect", { x: (t * 98 + 1) + "%", y: 4, width: 3, height: 18, "class": inRange ? "tick in" : "tick" }));
    });
  }
  function setRange(range) {
    state.range = range;
    var from = $("range-from"), to = $("range-to");
    from.setAttribute("aria-valuetext", formatDate(dates[Number(from.value)]));
    to.setAttribute("aria-valuetext", formatDate(dates[Number(to.value)]));
    DATA.articles.forEach(function (a, k) {
      var day = a.date ? a.date.slice(0, 10) : null;
      shownArticles[k] = !range || (day !== null && day >= range[0] && day <= range[1]);
      articleEls[k].hidden = !shownArticles[k];
      if (a.row) a.row.hidden = !shownArticles[k];
    });
    var shown = shownArticles.filter(Boolean).length;
    $("range-label").textContent = range
      ? "From " + formatDate(range[0]) + " to " + formatDate(range[1]) + ": " + shown + " of " + DATA.articles.length + " articles"
      : "All dates: " + DATA.articles.length + " articles";
    // A marker's shade says how many of the range's articles name its place.
    var counts = DATA.places.map(function (p) {
      return p.articles.filter(function (a) { return shownArticles[a]; }).length;
    });
    var most = Math.max.apply(null, counts.concat([1]));
    placeWeight = counts.map(function (c) { return range ? c / most : 1; });
    var rows = $("place-list").querySelectorAll("li");
    for (var k = 0; k < rows.length; k++) rows[k].hidden = !placeVisible(k);
    if (state.selected !== null && !placeVisible(state.selected)) select(null);
    else if (state.selected !== null) { fillCard(state.selected); lightMentions(); }
    drawTimeline();
    render();
  }
  function placeVisible(i) {
    if (!state.range) return true;
    return DATA.places[i].articles.some(function (a) { return shownArticles[a]; });
  }

  // ---- Start.
  function credits() {
    $("credits").textContent = MAP.credits.join(" · ");
  }
  buildBasemap();
  buildPlaces();
  buildArticles();
  buildPlaceList();
  buildStory();
  credits();
  updateMarkers();
  camera = fitStory();
  draw();
  window.addEventListener("resize", render);
  // Paper is another size: the map is drawn again for it, and after it.
  window.addEventListener("beforeprint", draw);
  window.addEventListener("afterprint", render);
  // A link may name a place: page.html#place=tartus opens with it chosen.
  function placeFromHash() {
    var m = /^#place=(.+)$/.exec(location.hash);
    if (!m) return;
    var id = decodeURIComponent(m[1]);
    for (var i = 0; i < DATA.places.length; i++) {
      if (DATA.places[i].id === id) { select(i, { fly: true, animate: false }); return; }
    }
  }
  window.addEventListener("hashchange", placeFromHash);
  placeFromHash();
  // For tests and the curious: what is selected and where the map looks.
  window.geobrief = {
    state: function () { return { selected: state.selected === null ? null : DATA.places[state.selected].id, step: state.step, camera: camera }; },
  };
})();
