// Builds src/ui/map/basemap.json, the console's offline basemap, from Apache ECharts 4.9.0's
// bundled maps (Apache-2.0, like the echarts the console already depends on; ECharts 5 stopped
// shipping them). Run once by hand, the output is committed:
//
//   npm pack echarts@4.9.0 && tar xzf echarts-4.9.0.tgz package/map/json
//   node apps/web/scripts/build-basemap.mjs package/map/json > apps/web/src/ui/map/basemap.json
//
// - map/json/china.json: China's provinces, UTF8-encoded (ECharts' own delta encoding) → decoded.
// - map/json/world.json: the neighbouring countries (Korea, Japan, the Philippines, Vietnam …),
//   clipped to the seas around China, so the coast on the far side of each sea is drawn too.
// Coordinates are rounded to 0.001° (≈ 100 m, the sources' own resolution).
//
// ECharts' china.json has no 南海诸岛 at their true positions (ECharts draws them as an inset),
// so they and the 十段线 (the South China Sea boundary line) come from @surbowl/world-geo-json-zh
// 2.1.5 (The Unlicense, public domain; Natural Earth 1:50m adjusted by its author after the
// Ministry of Natural Resources' 中国地图 GS(2023)2767 and AliCloud DataV GS京(2022)1061):
//
//   npm pack @surbowl/world-geo-json-zh@2.1.5 && mkdir scs && tar xzf surbowl-*.tgz -C scs
//   node apps/web/scripts/build-basemap.mjs package/map/json scs/package > apps/web/src/ui/map/basemap.json
//
// Its world.zh.jsonc marks which polygons of China's MultiPolygon are 东沙群岛, 西沙群岛, 南沙群岛
// and the 十段线; each marked polygon is checked to be in world.zh.json (the data used). The
// islands become features of layer `island`; each dash (a thin polygon drawn around a stroke) becomes
// its centre line, in `boundaries` (drawn as a line layer by the map, not a geo region).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const read = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));

function decodeRing(text, offsets, scale) {
  const out = [];
  let [x, y] = offsets;
  for (let i = 0; i < text.length; i += 2) {
    let dx = text.charCodeAt(i) - 64;
    let dy = text.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1);
    dy = (dy >> 1) ^ -(dy & 1);
    x += dx;
    y += dy;
    out.push([x / scale, y / scale]);
  }
  return out;
}

function decodeGeometry(g, scale) {
  if (g.type === 'Polygon')
    return {
      type: 'Polygon',
      coordinates: g.coordinates.map((r, i) => decodeRing(r, g.encodeOffsets[i], scale)),
    };
  return {
    type: 'MultiPolygon',
    coordinates: g.coordinates.map((poly, p) =>
      poly.map((r, i) => decodeRing(r, g.encodeOffsets[p][i], scale)),
    ),
  };
}

const round = (v) => Math.round(v * 1000) / 1000;
const roundRing = (ring) => ring.map(([x, y]) => [round(x), round(y)]);
const polygonsOf = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const toGeometry = (polys) =>
  polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0] }
    : { type: 'MultiPolygon', coordinates: polys };

// The seas around China and the land that bounds them.
const WEST = 95;
const EAST = 150;
const SOUTH = -6;
const NORTH = 50;
const inWindow = (ring) => ring.some(([x, y]) => x >= WEST && x <= EAST && y >= SOUTH && y <= NORTH);

const china = read('china.json');
const scale = china.UTF8Scale ?? 1024;
const provinces = china.features.map((f) => ({
  type: 'Feature',
  properties: { name: f.properties.name, adcode: f.properties.id, layer: 'province' },
  geometry: toGeometry(polygonsOf(decodeGeometry(f.geometry, scale)).map((poly) => poly.map(roundRing))),
}));

const SKIP = new Set(['China', 'Taiwan']);
// Region names are what the map labels, so the neighbours get their Chinese names.
const ZH = {
  Brunei: '文莱',
  Micronesia: '密克罗尼西亚',
  Guam: '关岛',
  Indonesia: '印度尼西亚',
  India: '印度',
  Japan: '日本',
  Cambodia: '柬埔寨',
  Korea: '韩国',
  'Lao PDR': '老挝',
  Myanmar: '缅甸',
  Mongolia: '蒙古',
  'N. Mariana Is.': '北马里亚纳群岛',
  Malaysia: '马来西亚',
  Philippines: '菲律宾',
  Palau: '帕劳',
  'Papua New Guinea': '巴布亚新几内亚',
  'Dem. Rep. Korea': '朝鲜',
  Russia: '俄罗斯',
  Singapore: '新加坡',
  Thailand: '泰国',
  Vietnam: '越南',
};
const neighbours = read('world.json')
  .features.filter((f) => !SKIP.has(f.properties.name))
  .map((f) => {
    const polys = polygonsOf(f.geometry).filter((poly) => inWindow(poly[0]));
    return polys.length === 0
      ? null
      : {
          type: 'Feature',
          properties: {
            name: ZH[f.properties.name] ?? f.properties.name,
            nameEn: f.properties.name,
            layer: 'neighbour',
          },
          geometry: toGeometry(polys.map((poly) => poly.map(roundRing))),
        };
  })
  .filter(Boolean);

// The polygons between `// ==== NAME ====`, `// geometry begin` and `// geometry end` in the jsonc.
function markedPolygons(jsonc, name) {
  const start = jsonc.indexOf(`// ==== ${name} ====`);
  if (start < 0) throw new Error(`${name} not marked`);
  const begin = jsonc.indexOf('// geometry begin', start);
  const end = jsonc.indexOf('// geometry end', begin);
  const body = jsonc
    .slice(jsonc.indexOf('\n', begin) + 1, end)
    .trim()
    .replace(/,$/, '');
  return JSON.parse(`[${body}]`);
}

const key = (poly) => JSON.stringify(poly[0]);

// A dash is a stroke's outline: two long sides joined by two short end caps. Its centre line pairs
// the vertices of the two sides; with unequal sides, the longer side stands for it (≤ 0.01° off).
function centreLine(ring) {
  const pts = ring.slice(0, -1);
  const n = pts.length;
  const len = (i) => Math.hypot(pts[(i + 1) % n][0] - pts[i][0], pts[(i + 1) % n][1] - pts[i][1]);
  const caps = [...pts.keys()]
    .sort((a, b) => len(a) - len(b))
    .slice(0, 2)
    .sort((a, b) => a - b);
  const side = (from, to) => {
    const out = [];
    for (let i = (from + 1) % n; ; i = (i + 1) % n) {
      out.push(pts[i]);
      if (i === to) break;
    }
    return out;
  };
  const a = side(caps[0], caps[1]);
  const b = side(caps[1], caps[0]).reverse();
  const line =
    a.length === b.length
      ? a.map((p, i) => [(p[0] + b[i][0]) / 2, (p[1] + b[i][1]) / 2])
      : a.length > b.length
        ? a
        : b;
  const width = Math.max(
    ...pts.map((p) => Math.min(...line.map((q) => Math.hypot(p[0] - q[0], p[1] - q[1])))),
  );
  if (width > 0.03) throw new Error(`not a stroke outline: ${JSON.stringify(ring)}`);
  return line.map(([x, y]) => [round(x), round(y)]);
}

const scsDir = process.argv[3];
const islands = [];
const boundaries = [];
if (scsDir) {
  const world = JSON.parse(readFileSync(join(scsDir, 'world.zh.json'), 'utf8'));
  const jsonc = readFileSync(join(scsDir, 'world.zh.jsonc'), 'utf8');
  const cn = world.features.find((f) => f.properties.iso_a2 === 'CN');
  const inData = new Set(cn.geometry.coordinates.map(key));
  const marked = (name) =>
    markedPolygons(jsonc, name).map((poly) => {
      if (!inData.has(key(poly))) throw new Error(`${name}: a marked polygon is not in world.zh.json`);
      return poly;
    });
  for (const name of ['东沙群岛', '西沙群岛', '南沙群岛'])
    islands.push({
      type: 'Feature',
      properties: { name, layer: 'island' },
      geometry: toGeometry(marked(name).map((poly) => poly.map(roundRing))),
    });
  const dashes = marked('中国南海海域十段线');
  if (dashes.length !== 10) throw new Error(`十段线: ${dashes.length} dashes`);
  boundaries.push({
    name: '十段线',
    nameEn: 'ten-dash line',
    dashes: dashes.map((poly) => centreLine(poly[0])),
  });
}

process.stdout.write(
  JSON.stringify({
    type: 'FeatureCollection',
    source: [
      'Apache ECharts 4.9.0 map/json/china.json and world.json, Apache License 2.0',
      ...(scsDir ? ['南海诸岛 and 十段线: @surbowl/world-geo-json-zh 2.1.5, The Unlicense'] : []),
    ].join('; '),
    features: [...provinces, ...islands, ...neighbours],
    boundaries,
  }),
);
