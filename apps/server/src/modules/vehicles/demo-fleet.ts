// The demo fleet: key commercial vehicles across counties of 江苏 and 浙江 whose terminal phones,
// plates and routes are a pure function of their index, so `jtgov sim vehicles` (and the benchmark,
// which registers many more the same way) knows them without reading the database. Pure data.
import type { VehicleType } from './vehicles.tables.ts';

export interface DemoCity {
  /** GB/T 2260 code of the county whose transport authority supervises the vehicles. */
  county: string;
  platePrefix: string;
  operator: string;
  lon: number;
  lat: number;
}

/** Each city's centre (WGS-84) and a county authority of it. */
export const DEMO_CITIES: readonly DemoCity[] = [
  { county: '320102', platePrefix: '苏A', operator: '南京长运', lon: 118.7969, lat: 32.0603 },
  { county: '320506', platePrefix: '苏E', operator: '苏州汽运', lon: 120.5853, lat: 31.2989 },
  { county: '320211', platePrefix: '苏B', operator: '无锡交运', lon: 120.3119, lat: 31.4912 },
  { county: '330106', platePrefix: '浙A', operator: '杭州长运', lon: 120.1551, lat: 30.2741 },
  { county: '330212', platePrefix: '浙B', operator: '宁波交投物流', lon: 121.5503, lat: 29.8746 },
  { county: '330302', platePrefix: '浙C', operator: '温州危运', lon: 120.6994, lat: 27.9943 },
];

export const DEMO_FLEET_SIZE = 50;

const TYPES: readonly VehicleType[] = ['scheduledCoach', 'charteredCoach', 'dangerousGoods', 'heavyFreight'];
const OPERATOR_SUFFIX: Record<VehicleType, string> = {
  scheduledCoach: '客运有限公司',
  charteredCoach: '旅游包车有限公司',
  dangerousGoods: '危险品运输有限公司',
  heavyFreight: '货运有限公司',
  other: '运输有限公司',
};

export interface DemoVehicle {
  index: number;
  /** Normalised terminal phone (no leading zeros), 11 digits. */
  phone: string;
  plateNo: string;
  /** Yellow: commercial vehicles carry yellow plates. */
  plateColor: number;
  vehicleType: VehicleType;
  operatorName: string;
  home: DemoCity;
  /** The city the vehicle drives to and back from. */
  destination: DemoCity;
  /** Terminal id bound at registration (JT/T 808-2013: 7 bytes). */
  terminalId: string;
}

export function demoVehicle(index: number): DemoVehicle {
  const home = DEMO_CITIES[index % DEMO_CITIES.length]!;
  const destination = DEMO_CITIES[(index + 1 + (Math.floor(index / 6) % 5)) % DEMO_CITIES.length]!;
  const vehicleType = TYPES[Math.floor(index / DEMO_CITIES.length) % TYPES.length]!;
  return {
    index,
    phone: `139${String(index).padStart(8, '0')}`,
    plateNo: `${home.platePrefix}${String(Math.floor(index / DEMO_CITIES.length)).padStart(5, '0')}`,
    plateColor: 2,
    vehicleType,
    operatorName: `${home.operator}${OPERATOR_SUFFIX[vehicleType]}`,
    home,
    destination,
    terminalId: `S${String(index).padStart(6, '0')}`,
  };
}
