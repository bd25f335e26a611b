import { CustomChart, LinesChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent } from 'echarts/components';
import { registerMap, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import basemap from './basemap.json';

// The map chunk: ECharts' geo parts and the bundled basemap (see scripts/build-basemap.mjs),
// loaded only by pages that show a map.
use([GeoComponent, TooltipComponent, ScatterChart, LinesChart, CustomChart, CanvasRenderer]);

export const BASEMAP = 'jtgov-basemap';

// Not 'china': ECharts would add its 南海诸岛 inset at 126°E 25°N, on top of the East China Sea,
// where a sea map needs true positions.
registerMap(BASEMAP, basemap as Parameters<typeof registerMap>[1]);

export const NEIGHBOURS: readonly string[] = basemap.features
  .filter((f) => f.properties.layer === 'neighbour')
  .map((f) => f.properties.name);

/** Boundary lines drawn over the basemap (the 十段线), as dashes at their true positions. */
export const BOUNDARIES: readonly { name: string; dashes: [number, number][][] }[] =
  (basemap as unknown as { boundaries?: { name: string; dashes: [number, number][][] }[] }).boundaries ?? [];

export { init } from 'echarts/core';
