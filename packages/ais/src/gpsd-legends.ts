// Text expansions gpsd prints next to coded fields (`status_text`, `epfd_text`, `shiptype_text`,
// `aid_type_text`): the tables of gpsd's gpsd_json.c (json_aivdm_dump), BSD-2-Clause, reproduced
// so that `jtgov ais decode --gpsd` matches `gpsdecode -j` byte for byte.

export const NAV_STATUS_TEXT: readonly string[] = [
  'Under way using engine',
  'At anchor',
  'Not under command',
  'Restricted manoeuverability',
  'Constrained by her draught',
  'Moored',
  'Aground',
  'Engaged in fishing',
  'Under way sailing',
  'Reserved for HSC',
  'Reserved for WIG',
  'Reserved',
  'Reserved',
  'Reserved',
  'Reserved',
  'Not defined',
];

export const EPFD_TEXT: readonly string[] = [
  'Undefined',
  'GPS',
  'GLONASS',
  'Combined GPS/GLONASS',
  'Loran-C',
  'Chayka',
  'Integrated navigation system',
  'Surveyed',
  'Galileo',
];

const CATEGORY = [
  'all ships of this type',
  'Hazardous category A',
  'Hazardous category B',
  'Hazardous category C',
  'Hazardous category D',
];
const RESERVED4 = Array<string>(4).fill('Reserved for future use');

function family(name: string, last: string): string[] {
  return [...CATEGORY, ...RESERVED4, last].map((t) => `${name} - ${t}`);
}

export const SHIP_TYPE_TEXT: readonly string[] = [
  'Not available',
  ...Array<string>(19).fill('Reserved for future use'),
  ...family('Wing in ground (WIG)', 'Reserved for future use'),
  'Fishing',
  'Towing',
  'Towing: length exceeds 200m or breadth exceeds 25m',
  'Dredging or underwater ops',
  'Diving ops',
  'Military ops',
  'Sailing',
  'Pleasure Craft',
  'Reserved',
  'Reserved',
  ...family('High speed craft (HSC)', 'No additional information'),
  'Pilot Vessel',
  'Search and Rescue vessel',
  'Tug',
  'Port Tender',
  'Anti-pollution equipment',
  'Law Enforcement',
  'Spare - Local Vessel',
  'Spare - Local Vessel',
  'Medical Transport',
  'Ship according to RR Resolution No. 18',
  ...family('Passenger', 'No additional information'),
  ...family('Cargo', 'No additional information'),
  ...family('Tanker', 'No additional information'),
  ...family('Other Type', 'no additional information'),
];

export const AID_TYPE_TEXT: readonly string[] = [
  'Unspecified',
  'Reference point',
  'RACON',
  'Fixed offshore structure',
  'Spare, Reserved for future use.',
  'Light, without sectors',
  'Light, with sectors',
  'Leading Light Front',
  'Leading Light Rear',
  'Beacon, Cardinal N',
  'Beacon, Cardinal E',
  'Beacon, Cardinal S',
  'Beacon, Cardinal W',
  'Beacon, Port hand',
  'Beacon, Starboard hand',
  'Beacon, Preferred Channel port hand',
  'Beacon, Preferred Channel starboard hand',
  'Beacon, Isolated danger',
  'Beacon, Safe water',
  'Beacon, Special mark',
  'Cardinal Mark N',
  'Cardinal Mark E',
  'Cardinal Mark S',
  'Cardinal Mark W',
  'Port hand Mark',
  'Starboard hand Mark',
  'Preferred Channel Port hand',
  'Preferred Channel Starboard hand',
  'Isolated danger',
  'Safe Water',
  'Special Mark',
  'Light Vessel / LANBY / Rigs',
];

export function epfdText(epfd: number): string {
  return EPFD_TEXT[epfd] ?? 'INVALID EPFD';
}

export function shipTypeText(shipType: number): string {
  return SHIP_TYPE_TEXT[shipType] ?? 'INVALID SHIP TYPE';
}
