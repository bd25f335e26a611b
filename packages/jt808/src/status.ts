// Named bits of the 0x0200 alarm and status DWORDs (JT/T 808-2013 Tables 24-25; 2019 Tables 24-25)
// and of extra item 0x25. Bit 0 is the least significant bit of the big-endian value; EMQX reads
// 0x25/0x2A MSB-first, which puts low beam at bit 31 — not copied here.

/** Alarm bits by index; null = reserved in 2013. Ack = the terminal clears it after 0x8001. */
export const ALARM_BITS = [
  'sos', // 0 (ack)
  'overspeed', // 1
  'fatigue', // 2
  'dangerWarning', // 3 (ack)
  'gnssModuleFault', // 4
  'gnssAntennaCut', // 5
  'gnssAntennaShort', // 6
  'powerUnderVoltage', // 7
  'powerOff', // 8
  'lcdFault', // 9
  'ttsFault', // 10
  'cameraFault', // 11
  'icCardModuleFault', // 12
  'overspeedWarning', // 13
  'fatigueWarning', // 14
  'reserved15', // 15: defined by 2019, reused by trackers (low battery / vibration)
  'reserved16', // 16
  'reserved17', // 17
  'dailyDrivingTimeout', // 18
  'overtimeParking', // 19
  'areaInOut', // 20 (ack)
  'routeInOut', // 21 (ack)
  'routeDriveTime', // 22 (ack)
  'routeDeviation', // 23
  'vssFault', // 24
  'fuelAbnormal', // 25
  'stolen', // 26
  'illegalIgnition', // 27 (ack)
  'illegalDisplacement', // 28 (ack)
  'collision', // 29
  'rollover', // 30
  'illegalDoorOpen', // 31 (ack)
] as const;

export type AlarmName = (typeof ALARM_BITS)[number];

/** Alarms the terminal clears only after the platform's 0x8001 (JT/T 808-2013 Table 24). */
export const ALARMS_CLEARED_ON_ACK: ReadonlySet<AlarmName> = new Set<AlarmName>([
  'sos',
  'dangerWarning',
  'areaInOut',
  'routeInOut',
  'routeDriveTime',
  'illegalIgnition',
  'illegalDisplacement',
  'illegalDoorOpen',
]);

export function alarmNames(alarm: number): AlarmName[] {
  const out: AlarmName[] = [];
  for (let bit = 0; bit < 32; bit++) if ((alarm >>> bit) & 1) out.push(ALARM_BITS[bit]!);
  return out;
}

export function alarmMask(names: readonly AlarmName[]): number {
  let mask = 0;
  for (const name of names) mask |= 1 << ALARM_BITS.indexOf(name);
  return mask >>> 0;
}

export type LoadState = 'empty' | 'half' | 'reserved' | 'full';
const LOAD_STATES: readonly LoadState[] = ['empty', 'half', 'reserved', 'full'];

export interface LocationStatus {
  accOn: boolean; // 0
  fixed: boolean; // 1
  south: boolean; // 2
  west: boolean; // 3
  outOfService: boolean; // 4
  coordinatesEncrypted: boolean; // 5
  reserved6: boolean; // 6 (2019: defined)
  reserved7: boolean; // 7 (2019: defined)
  load: LoadState; // 8-9
  fuelCut: boolean; // 10
  circuitCut: boolean; // 11
  doorsLocked: boolean; // 12
  /** Doors 1 (front) to 5 (custom), bits 13-17. */
  doorsOpen: [boolean, boolean, boolean, boolean, boolean];
  gps: boolean; // 18
  beidou: boolean; // 19
  glonass: boolean; // 20
  galileo: boolean; // 21
  reserved22: boolean; // 22 (2019: defined)
}

const bit = (v: number, n: number) => ((v >>> n) & 1) === 1;

export function describeStatus(status: number): LocationStatus {
  return {
    accOn: bit(status, 0),
    fixed: bit(status, 1),
    south: bit(status, 2),
    west: bit(status, 3),
    outOfService: bit(status, 4),
    coordinatesEncrypted: bit(status, 5),
    reserved6: bit(status, 6),
    reserved7: bit(status, 7),
    load: LOAD_STATES[(status >>> 8) & 3]!,
    fuelCut: bit(status, 10),
    circuitCut: bit(status, 11),
    doorsLocked: bit(status, 12),
    doorsOpen: [bit(status, 13), bit(status, 14), bit(status, 15), bit(status, 16), bit(status, 17)],
    gps: bit(status, 18),
    beidou: bit(status, 19),
    glonass: bit(status, 20),
    galileo: bit(status, 21),
    reserved22: bit(status, 22),
  };
}

/** Extra item 0x25 extended vehicle signals, bit 0 first. */
export const VEHICLE_SIGNAL_BITS = [
  'lowBeam',
  'highBeam',
  'rightTurn',
  'leftTurn',
  'brake',
  'reverse',
  'fogLamp',
  'sideMarker',
  'horn',
  'airConditioner',
  'neutral',
  'retarder',
  'abs',
  'heater',
  'clutch',
] as const;

export type VehicleSignal = (typeof VEHICLE_SIGNAL_BITS)[number];

export function vehicleSignalNames(signals: number): VehicleSignal[] {
  return VEHICLE_SIGNAL_BITS.filter((_, i) => (signals >>> i) & 1);
}

/** Extra item 0x2A IO status: bit 0 deep sleep, bit 1 sleep. */
export function describeIoStatus(io: number): { deepSleep: boolean; sleep: boolean } {
  return { deepSleep: bit(io, 0), sleep: bit(io, 1) };
}
