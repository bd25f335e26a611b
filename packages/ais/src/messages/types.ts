// Decoded AIS messages (ITU-R M.1371-5; bit layouts as tabulated in GPSD AIVDM.adoc). Units:
// degrees, knots, metres. A field the station marks "not available" is absent.

interface MessageBase {
  readonly repeat: number;
  readonly mmsi: number;
}

interface Dimensions {
  /** Metres from the reference point to bow, stern, port and starboard (511/63 = that or more). */
  readonly toBow: number;
  readonly toStern: number;
  readonly toPort: number;
  readonly toStarboard: number;
}

/** Types 1, 2, 3: class A position report. */
export interface PositionReport extends MessageBase {
  readonly type: 1 | 2 | 3;
  /** Navigational status 0-15 (0 under way using engine … 15 not defined). */
  readonly status: number;
  /** ROT_AIS as sent (I8): ±127 turning faster than 5°/30 s without indicator, −128 not available. */
  readonly rot: number;
  /** Rate of turn in °/min (sign × (ROT_AIS / 4.733)²), absent for −128 and ±127. */
  readonly rateOfTurn?: number;
  /** Speed over ground, knots; 102.2 means 102.2 or more. */
  readonly speed?: number;
  readonly accuracy: boolean;
  readonly lon?: number;
  readonly lat?: number;
  /** Course over ground, degrees. */
  readonly course?: number;
  /** True heading, degrees. */
  readonly heading?: number;
  /** UTC second of the report; 60 not available, 61 manual, 62 dead reckoning, 63 inoperative. */
  readonly second: number;
  readonly maneuver: number;
  readonly raim: boolean;
  readonly radio: number;
}

/** Type 4 (base station report) and 11 (UTC/date response). */
export interface BaseStationReport extends MessageBase {
  readonly type: 4 | 11;
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  readonly accuracy: boolean;
  readonly lon?: number;
  readonly lat?: number;
  /** Position fixing device: 1 GPS, 2 GLONASS, 3 combined, 7 surveyed, 8 Galileo, 15 internal GNSS. */
  readonly epfd: number;
  readonly raim: boolean;
  readonly radio: number;
}

/** Type 5: class A static and voyage related data. */
export interface StaticVoyageData extends MessageBase, Dimensions {
  readonly type: 5;
  readonly aisVersion: number;
  readonly imoNumber: number;
  readonly callSign: string;
  readonly shipName: string;
  readonly shipType: number;
  readonly epfd: number;
  readonly etaMonth?: number;
  readonly etaDay?: number;
  readonly etaHour?: number;
  readonly etaMinute?: number;
  /** Maximum present static draught, metres. */
  readonly draught: number;
  readonly destination: string;
  /** Data terminal equipment not ready. */
  readonly dte: boolean;
}

/** Type 6: addressed binary message. */
export interface AddressedBinary extends MessageBase {
  readonly type: 6;
  readonly sequence: number;
  readonly destMmsi: number;
  readonly retransmit: boolean;
  /** Designated area code and function identifier of the application payload. */
  readonly dac: number;
  readonly fid: number;
  /** Application payload as hex, the last byte padded with zero bits. */
  readonly data: string;
  readonly dataBits: number;
}

/** Type 8: binary broadcast message. */
export interface BroadcastBinary extends MessageBase {
  readonly type: 8;
  readonly dac: number;
  readonly fid: number;
  readonly data: string;
  readonly dataBits: number;
}

/** Type 9: standard SAR aircraft position report. */
export interface SarAircraftReport extends MessageBase {
  readonly type: 9;
  /** Metres; 4094 means 4094 or more. */
  readonly altitude?: number;
  /** Whole knots; 1022 means 1022 or more. */
  readonly speed?: number;
  readonly accuracy: boolean;
  readonly lon?: number;
  readonly lat?: number;
  readonly course?: number;
  readonly second: number;
  readonly regional: number;
  readonly dte: boolean;
  readonly assigned: boolean;
  readonly raim: boolean;
  readonly radio: number;
}

/** Type 18: standard class B position report. */
export interface ClassBPositionReport extends MessageBase {
  readonly type: 18;
  readonly reserved: number;
  readonly speed?: number;
  readonly accuracy: boolean;
  readonly lon?: number;
  readonly lat?: number;
  readonly course?: number;
  readonly heading?: number;
  readonly second: number;
  readonly regional: number;
  /** Carrier-sense (CS) unit rather than SOTDMA. */
  readonly cs: boolean;
  readonly display: boolean;
  readonly dsc: boolean;
  readonly band: boolean;
  readonly msg22: boolean;
  readonly assigned: boolean;
  readonly raim: boolean;
  readonly radio: number;
}

/** Type 19: extended class B position report. */
export interface ClassBExtendedReport extends MessageBase, Dimensions {
  readonly type: 19;
  readonly reserved: number;
  readonly speed?: number;
  readonly accuracy: boolean;
  readonly lon?: number;
  readonly lat?: number;
  readonly course?: number;
  readonly heading?: number;
  readonly second: number;
  readonly regional: number;
  readonly shipName: string;
  readonly shipType: number;
  readonly epfd: number;
  readonly raim: boolean;
  readonly dte: boolean;
  readonly assigned: boolean;
}

/** Type 21: aid-to-navigation report. */
export interface AidToNavigationReport extends MessageBase, Dimensions {
  readonly type: 21;
  readonly aidType: number;
  /** Name, with the name extension appended. */
  readonly name: string;
  readonly accuracy: boolean;
  readonly lon?: number;
  readonly lat?: number;
  readonly epfd: number;
  readonly second: number;
  readonly offPosition: boolean;
  readonly regional: number;
  readonly raim: boolean;
  readonly virtualAid: boolean;
  readonly assigned: boolean;
}

/** Type 24 part A: class B static data, name. */
export interface StaticDataPartA extends MessageBase {
  readonly type: 24;
  readonly part: 'A';
  readonly shipName: string;
}

interface StaticDataPartBFields {
  readonly shipType: number;
  /** Manufacturer id (3 characters since ITU-R M.1371-4), unit model code and serial number. */
  readonly vendorId: string;
  readonly model: number;
  readonly serial: number;
  readonly callSign: string;
  /** Present unless the MMSI is an auxiliary craft's (98XXXYYYY), which sends `mothershipMmsi`. */
  readonly toBow?: number;
  readonly toStern?: number;
  readonly toPort?: number;
  readonly toStarboard?: number;
  readonly mothershipMmsi?: number;
}

/** Type 24 part B: class B static data, type, vendor, call sign and dimensions. */
export interface StaticDataPartB extends MessageBase, StaticDataPartBFields {
  readonly type: 24;
  readonly part: 'B';
}

/** Parts A and B of one station's type 24 report, paired by MMSI. */
export interface StaticDataReport extends MessageBase, StaticDataPartBFields {
  readonly type: 24;
  readonly part: 'AB';
  readonly shipName: string;
}

/** Type 27: long-range AIS broadcast (satellite reception). */
export interface LongRangeReport extends MessageBase {
  readonly type: 27;
  readonly accuracy: boolean;
  readonly raim: boolean;
  readonly status: number;
  /** Degrees with 1/10 minute resolution. */
  readonly lon?: number;
  readonly lat?: number;
  /** Whole knots. */
  readonly speed?: number;
  /** Whole degrees. */
  readonly course?: number;
  /**
   * Bit 94: the position is more than 5 s old (M.1371-5 "position latency"; M.1371-4 called it
   * "GNSS position status", set for a position not from the GNSS).
   */
  readonly positionLatency: boolean;
}

export type AisMessage =
  | PositionReport
  | BaseStationReport
  | StaticVoyageData
  | AddressedBinary
  | BroadcastBinary
  | SarAircraftReport
  | ClassBPositionReport
  | ClassBExtendedReport
  | AidToNavigationReport
  | StaticDataPartA
  | StaticDataPartB
  | StaticDataReport
  | LongRangeReport;

export type AisMessageType = AisMessage['type'];
