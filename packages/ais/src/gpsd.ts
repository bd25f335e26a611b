// Our messages as gpsd prints them: the JSON objects of `gpsdecode -j` (scaled) and
// `gpsdecode -u -j` (unscaled), field for field and byte for byte as gpsd 3.22 writes them
// (gpsd_json.c json_aivdm_dump).
import type { Decoded } from './decoder.ts';
import { AID_TYPE_TEXT, epfdText, NAV_STATUS_TEXT, shipTypeText } from './gpsd-legends.ts';
import {
  COURSE_NOT_AVAILABLE,
  HEADING_NOT_AVAILABLE,
  LAT_NOT_AVAILABLE,
  LAT_NOT_AVAILABLE_COARSE,
  LON_NOT_AVAILABLE,
  LON_NOT_AVAILABLE_COARSE,
  SPEED_NOT_AVAILABLE,
} from './messages/fields.ts';
import { isAuxiliaryCraft } from './messages/static.ts';
import type { AisMessage, StaticDataPartA, StaticDataPartB, StaticDataReport } from './messages/types.ts';
import { pairStaticData } from './pairing.ts';

export interface GpsdOptions {
  /** `-u` off: degrees, knots, text legends (gpsdecode's default). */
  readonly scaled: boolean;
  /** gpsdecode prints `"device":"stdin"` when reading standard input. */
  readonly device?: string;
}

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/**
 * printf's `%.<digits>f` as glibc renders it. toFixed also rounds the exact binary value, but
 * takes an exact half away from zero where glibc takes it to the even digit: 69.25 prints 69.2.
 */
export function printfFixed(x: number, digits: number): string {
  const rounded = x.toFixed(digits);
  // An exact half stays exact when scaled, so this finds every candidate.
  if (Math.abs((x * POW10[digits]!) % 1) !== 0.5) return rounded;
  const exact = x.toFixed(digits + 60);
  const point = exact.indexOf('.');
  if (!/^50*$/.test(exact.slice(point + 1 + digits))) return rounded;
  const truncated = digits === 0 ? exact.slice(0, point) : exact.slice(0, point + 1 + digits);
  return Number(truncated.at(-1)) % 2 === 0 ? truncated : rounded;
}

const rawLon = (lon: number | undefined) =>
  lon === undefined ? LON_NOT_AVAILABLE : Math.round(lon * 600_000);
const rawLat = (lat: number | undefined) =>
  lat === undefined ? LAT_NOT_AVAILABLE : Math.round(lat * 600_000);
const rawTenths = (v: number | undefined, na: number) => (v === undefined ? na : Math.round(v * 10));
const orElse = (v: number | undefined, na: number) => (v === undefined ? na : v);

/** gpsd's json_stringify: quotes and backslashes escaped (six-bit text has no control characters). */
function str(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * `%.6f` of raw/600 000 (1/10 000 minute to degrees) in integer arithmetic: the quotient is never
 * within rounding distance of a half millionth (10·raw ≡ 3 mod 6 has no solution), so rounding
 * it exactly gives glibc's digits.
 */
function degrees(raw: number): string {
  const magnitude = raw < 0 ? -raw : raw;
  const micro = Math.floor((magnitude * 10 + 3) / 6);
  const whole = Math.floor(micro / 1_000_000);
  const fraction = String(micro - whole * 1_000_000).padStart(6, '0');
  return `${raw < 0 ? '-' : ''}${whole}.${fraction}`;
}

/** `%.1f` of raw/10 for non-negative raw: exact in integers. */
function tenths(raw: number): string {
  const whole = Math.floor(raw / 10);
  return `${whole}.${raw - whole * 10}`;
}

function position(scaled: boolean, lon: number, lat: number): string {
  return scaled ? `"lon":${degrees(lon)},"lat":${degrees(lat)}` : `"lon":${lon},"lat":${lat}`;
}

function speedTenths(scaled: boolean, raw: number, legends: boolean): string {
  if (!scaled) return String(raw);
  if (legends && raw === SPEED_NOT_AVAILABLE) return '"nan"';
  if (legends && raw === 1022) return '"fast"';
  return tenths(raw);
}

function course(scaled: boolean, raw: number): string {
  return scaled ? tenths(raw) : String(raw);
}

/** gpsd's scaled `turn` by ROT_AIS + 128: legends, else (ROT/4.733)² without its sign. */
const TURN_TEXT: readonly string[] = Array.from({ length: 256 }, (_, i) => {
  const rot = i - 128;
  if (rot === -128) return '"nan"';
  if (rot === -127) return '"fastleft"';
  if (rot === 127) return '"fastright"';
  const root = rot / 4.733;
  return printfFixed(root * root, 0);
});

function turn(scaled: boolean, rot: number): string {
  return scaled ? TURN_TEXT[rot + 128]! : String(rot);
}

function dimensions(m: { toBow?: number; toStern?: number; toPort?: number; toStarboard?: number }): string {
  return `"to_bow":${m.toBow ?? 0},"to_stern":${m.toStern ?? 0},"to_port":${m.toPort ?? 0},"to_starboard":${m.toStarboard ?? 0}`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Type 24 part B's 7-character vendor id of ITU-R M.1371-3, as gpsd prints it. */
function legacyVendorId(m: StaticDataPartB | StaticDataReport): string {
  // The 3-character id of M.1371-4 is followed by the model (4 bits) and serial (20 bits).
  if (m.vendorId.length < 3) return m.vendorId;
  const tail = m.model * 2 ** 20 + m.serial;
  let text = m.vendorId;
  for (let shift = 18; shift >= 0; shift -= 6) {
    const v = Math.floor(tail / 2 ** shift) & 63;
    if (v === 0) break;
    text += String.fromCharCode(v < 32 ? v + 64 : v);
  }
  return text.replace(/ +$/, '');
}

function body(m: AisMessage, scaled: boolean): string {
  switch (m.type) {
    case 1:
    case 2:
    case 3:
      return `"status":${m.status},"status_text":"${NAV_STATUS_TEXT[m.status]}","turn":${turn(scaled, m.rot)},"speed":${speedTenths(scaled, rawTenths(m.speed, SPEED_NOT_AVAILABLE), true)},"accuracy":${m.accuracy},${position(scaled, rawLon(m.lon), rawLat(m.lat))},"course":${course(scaled, rawTenths(m.course, COURSE_NOT_AVAILABLE))},"heading":${orElse(m.heading, HEADING_NOT_AVAILABLE)},"second":${m.second},"maneuver":${m.maneuver},"raim":${m.raim},"radio":${m.radio}`;
    case 4:
    case 11: {
      const year = String(m.year ?? 0).padStart(4, '0');
      const stamp = `${year}-${two(m.month ?? 0)}-${two(m.day ?? 0)}T${two(m.hour ?? 24)}:${two(m.minute ?? 60)}:${two(m.second ?? 60)}Z`;
      return `"timestamp":"${stamp}","accuracy":${m.accuracy},${position(scaled, rawLon(m.lon), rawLat(m.lat))},"epfd":${m.epfd},"epfd_text":"${epfdText(m.epfd)}","raim":${m.raim},"radio":${m.radio}`;
    }
    case 5: {
      const eta = `${two(m.etaMonth ?? 0)}-${two(m.etaDay ?? 0)}T${two(m.etaHour ?? 24)}:${two(m.etaMinute ?? 60)}Z`;
      const draught = scaled ? tenths(Math.round(m.draught * 10)) : String(Math.round(m.draught * 10));
      return `"imo":${m.imoNumber},"ais_version":${m.aisVersion},"callsign":${str(m.callSign)},"shipname":${str(m.shipName)},"shiptype":${m.shipType},"shiptype_text":"${shipTypeText(m.shipType)}",${dimensions(m)},"epfd":${m.epfd},"epfd_text":"${epfdText(m.epfd)}","eta":"${eta}","draught":${draught},"destination":${str(m.destination)},"dte":${m.dte ? 1 : 0}`;
    }
    case 6:
      return `"seqno":${m.sequence},"dest_mmsi":${m.destMmsi},"retransmit":${m.retransmit},"dac":${m.dac},"fid":${m.fid},"data":"${m.dataBits}:${m.data}"`;
    case 8:
      return `"dac":${m.dac},"fid":${m.fid},"data":"${m.dataBits}:${m.data}"`;
    case 9: {
      const alt = orElse(m.altitude, 4095);
      const speed = orElse(m.speed, 1023);
      const altText = !scaled ? alt : alt === 4095 ? '"nan"' : alt === 4094 ? '"high"' : alt;
      const speedText = !scaled ? speed : speed === 1023 ? '"nan"' : speed === 1022 ? '"fast"' : speed;
      return `"alt":${altText},"speed":${speedText},"accuracy":${m.accuracy},${position(scaled, rawLon(m.lon), rawLat(m.lat))},"course":${course(scaled, rawTenths(m.course, COURSE_NOT_AVAILABLE))},"second":${m.second},"regional":${m.regional},"dte":${m.dte ? 1 : 0},"raim":${m.raim},"radio":${m.radio}`;
    }
    case 18:
    case 19: {
      const head = `"reserved":${m.reserved},"speed":${speedTenths(scaled, rawTenths(m.speed, SPEED_NOT_AVAILABLE), false)},"accuracy":${m.accuracy},${position(scaled, rawLon(m.lon), rawLat(m.lat))},"course":${course(scaled, rawTenths(m.course, COURSE_NOT_AVAILABLE))},"heading":${orElse(m.heading, HEADING_NOT_AVAILABLE)},"second":${m.second},"regional":${m.regional}`;
      if (m.type === 18) {
        return `${head},"cs":${m.cs},"display":${m.display},"dsc":${m.dsc},"band":${m.band},"msg22":${m.msg22},"raim":${m.raim},"radio":${m.radio}`;
      }
      return `${head},"shipname":${str(m.shipName)},"shiptype":${m.shipType},"shiptype_text":"${shipTypeText(m.shipType)}",${dimensions(m)},"epfd":${m.epfd},"epfd_text":"${epfdText(m.epfd)}","raim":${m.raim},"dte":${m.dte ? 1 : 0},"assigned":${m.assigned}`;
    }
    case 21: {
      const where = position(scaled, rawLon(m.lon), rawLat(m.lat));
      // Unscaled output puts accuracy before the position, scaled after it.
      const located = scaled ? `${where},"accuracy":${m.accuracy}` : `"accuracy":${m.accuracy},${where}`;
      return `"aid_type":${m.aidType},"aid_type_text":"${AID_TYPE_TEXT[m.aidType]}","name":${str(m.name)},${located},${dimensions(m)},"epfd":${m.epfd},"epfd_text":"${epfdText(m.epfd)}","second":${m.second},"regional":${m.regional},"off_position":${m.offPosition},"raim":${m.raim},"virtual_aid":${m.virtualAid}`;
    }
    case 24: {
      const name = m.part === 'B' ? '' : `"shipname":${str(m.shipName)}`;
      if (m.part === 'A') return name;
      const b = `"shiptype":${m.shipType},"shiptype_text":"${shipTypeText(m.shipType)}","vendorid":${str(legacyVendorId(m))},"model":${m.model},"serial":${m.serial},"callsign":${str(m.callSign)},${isAuxiliaryCraft(m.mmsi) ? `"mothership_mmsi":${m.mothershipMmsi ?? 0}` : dimensions(m)}`;
      return name ? `${name},${b}` : b;
    }
    case 27: {
      const lon = m.lon === undefined ? LON_NOT_AVAILABLE_COARSE : Math.round(m.lon * 600);
      const lat = m.lat === undefined ? LAT_NOT_AVAILABLE_COARSE : Math.round(m.lat * 600);
      const status = scaled ? `"${NAV_STATUS_TEXT[m.status]}"` : m.status;
      const where = scaled
        ? `"lon":${printfFixed(lon / 600, 1)},"lat":${printfFixed(lat / 600, 1)}`
        : `"lon":${lon},"lat":${lat}`;
      return `"status":${status},"accuracy":${m.accuracy},${where},"speed":${orElse(m.speed, 63)},"course":${orElse(m.course, 511)},"raim":${m.raim},"gnss":${m.positionLatency}`;
    }
  }
}

/** One message as the JSON object gpsdecode prints for it (without the line end). */
export function toGpsdJson(message: AisMessage, options: GpsdOptions): string {
  const device = options.device ?? 'stdin';
  const head = `{"class":"AIS","device":"${device}","type":${message.type},"repeat":${message.repeat},"mmsi":${message.mmsi},"scaled":${options.scaled}`;
  const rest = body(message, options.scaled);
  return rest ? `${head},${rest}}` : `${head}}`;
}

/**
 * gpsd 3.22 keeps one AIS context per radio channel (drivers/driver_aivdm.c): an empty channel,
 * A and 1 share the first, B and 2 the second; sentences on C are ignored and on any other
 * channel rejected, so gpsdecode prints nothing for them.
 */
export function gpsdChannelContext(channel: string | undefined): 0 | 1 | undefined {
  if (channel === undefined || channel === 'A' || channel === '1') return 0;
  if (channel === 'B' || channel === '2') return 1;
  return undefined;
}

const QUEUE_SLOTS = 8;

interface Slot {
  mmsi: number;
  a: StaticDataPartA | undefined;
}

/**
 * gpsd's pairing of type 24 parts (driver_ais.c, MAX_TYPE24_INTERLEAVE): per channel context,
 * part A names wait in an 8-slot ring; a part B takes the first slot with its MMSI and clears it.
 * gpsdecode prints only such pairs, never a lone part.
 */
export class GpsdStaticDataQueue {
  private readonly rings: Slot[][] = [0, 1].map(() =>
    Array.from({ length: QUEUE_SLOTS }, () => ({ mmsi: 0, a: undefined })),
  );
  private readonly next = [0, 0];

  /** The pair a part completes, for a part heard on `channel` (default A). */
  accept(part: StaticDataPartA | StaticDataPartB, channel?: string): StaticDataReport | undefined {
    const context = gpsdChannelContext(channel);
    if (context === undefined) return undefined;
    const ring = this.rings[context]!;
    if (part.part === 'A') {
      const index = this.next[context]!;
      ring[index] = { mmsi: part.mmsi, a: part };
      this.next[context] = (index + 1) % QUEUE_SLOTS;
      return undefined;
    }
    for (const slot of ring) {
      if (slot.mmsi !== part.mmsi) continue;
      slot.mmsi = 0;
      const name = slot.a ?? { type: 24, part: 'A', repeat: part.repeat, mmsi: part.mmsi, shipName: '' };
      return pairStaticData(name, part);
    }
    return undefined;
  }
}

/**
 * What gpsdecode prints for each decoded message of one input: nothing for channels gpsd does
 * not read, type 24 only as pairs of parts, everything else as `toGpsdJson`.
 */
export class GpsdSession {
  private readonly pairs = new GpsdStaticDataQueue();
  private readonly options: GpsdOptions;

  constructor(options: GpsdOptions) {
    this.options = options;
  }

  /** gpsdecode's JSON object for `decoded` (without line end), or undefined when it prints none. */
  render(decoded: Decoded): string | undefined {
    if (gpsdChannelContext(decoded.channel) === undefined) return undefined;
    const message = decoded.message;
    if (message.type === 24 && message.part !== 'AB') {
      const paired = this.pairs.accept(message, decoded.channel);
      return paired ? toGpsdJson(paired, this.options) : undefined;
    }
    return toGpsdJson(message, this.options);
  }
}
