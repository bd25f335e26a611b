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

process.stdout.write(
  JSON.stringify({
    type: 'FeatureCollection',
    source: 'Apache ECharts 4.9.0 map/json/china.json and world.json, Apache License 2.0',
    features: [...provinces, ...neighbours],
  }),
);
