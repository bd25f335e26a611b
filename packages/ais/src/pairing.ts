// Class B static data arrives in two messages (type 24 parts A and B) that may be separated or
// interleaved with other stations' (GPSD AIVDM.adoc, type 24): pair them by MMSI.
import type { StaticDataPartA, StaticDataPartB, StaticDataReport } from './messages/types.ts';

interface Halves {
  a?: StaticDataPartA;
  b?: StaticDataPartB;
}

/** Keeps the latest part A and part B per MMSI (bounded, least recently heard dropped first). */
export class StaticDataPairing {
  private readonly stations = new Map<number, Halves>();
  private readonly maxStations: number;

  constructor(maxStations = 4096) {
    this.maxStations = Math.max(1, maxStations);
  }

  get size(): number {
    return this.stations.size;
  }

  /** Records a part; returns the paired report once both parts of the station are known. */
  accept(part: StaticDataPartA | StaticDataPartB): StaticDataReport | undefined {
    let halves = this.stations.get(part.mmsi);
    if (halves) {
      this.stations.delete(part.mmsi);
    } else {
      halves = {};
      if (this.stations.size >= this.maxStations) {
        const oldest = this.stations.keys().next().value;
        if (oldest !== undefined) this.stations.delete(oldest);
      }
    }
    this.stations.set(part.mmsi, halves);
    if (part.part === 'A') halves.a = part;
    else halves.b = part;
    return halves.a && halves.b ? pairStaticData(halves.a, halves.b) : undefined;
  }
}

/** One report from a station's part A (name) and part B (everything else). */
export function pairStaticData(a: StaticDataPartA, b: StaticDataPartB): StaticDataReport {
  return {
    type: 24,
    repeat: b.repeat,
    mmsi: b.mmsi,
    part: 'AB',
    shipName: a.shipName,
    shipType: b.shipType,
    vendorId: b.vendorId,
    model: b.model,
    serial: b.serial,
    callSign: b.callSign,
    toBow: b.toBow,
    toStern: b.toStern,
    toPort: b.toPort,
    toStarboard: b.toStarboard,
    mothershipMmsi: b.mothershipMmsi,
  };
}
