// A simulated vehicle's movement for `jtgov sim vehicles`: back and forth between the two cities of
// its demo-fleet route, at a cruising speed of its type, overspeeding now and then.
import type { Location } from '@jtgov/jt808';
import type { DemoVehicle } from './demo-fleet.ts';

const KMH_PER_DEGREE_LAT = 111.2;

const beijing = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

/** One vehicle's movement: back and forth between its home and destination cities. */
export class Drive {
  lon: number;
  lat: number;
  direction = 0;
  speed = 0;
  mileage: number;
  #towards: 'destination' | 'home' = 'destination';
  #overspeedLeft = 0;
  readonly #v: DemoVehicle;
  readonly #cruise: number;
  #seed: number;

  constructor(v: DemoVehicle) {
    this.#v = v;
    this.#seed = (v.index * 2654435761) >>> 0 || 1;
    // Start somewhere along the way so the map is not a handful of dots.
    const f = this.#random();
    this.lon = v.home.lon + (v.destination.lon - v.home.lon) * f;
    this.lat = v.home.lat + (v.destination.lat - v.home.lat) * f;
    this.#cruise = v.vehicleType === 'dangerousGoods' ? 60 + this.#random() * 15 : 70 + this.#random() * 20;
    this.mileage = Math.round(this.#random() * 300_000);
  }

  #random(): number {
    this.#seed = (Math.imul(this.#seed, 1103515245) + 12345) >>> 0;
    return this.#seed / 0x100000000;
  }

  /** Moves `seconds` further; some vehicles overspeed now and then (over 100 km/h, 80 for 危险品). */
  advance(seconds: number): void {
    if (this.#overspeedLeft > 0) this.#overspeedLeft--;
    else if (this.#v.index % 5 === 0 && this.#random() < 0.02)
      this.#overspeedLeft = 20 + Math.floor(this.#random() * 40);
    const target =
      this.#overspeedLeft > 0 ? 112 + this.#random() * 15 : this.#cruise + (this.#random() - 0.5) * 8;
    this.speed = Math.max(0, Math.round(target * 10) / 10);
    const goal = this.#towards === 'destination' ? this.#v.destination : this.#v.home;
    const kmPerLon = KMH_PER_DEGREE_LAT * Math.cos((this.lat * Math.PI) / 180);
    const dx = (goal.lon - this.lon) * kmPerLon;
    const dy = (goal.lat - this.lat) * KMH_PER_DEGREE_LAT;
    const left = Math.hypot(dx, dy);
    const step = (this.speed * seconds) / 3600;
    if (left <= step || left < 0.05) {
      this.lon = goal.lon;
      this.lat = goal.lat;
      this.#towards = this.#towards === 'destination' ? 'home' : 'destination';
    } else {
      this.lon += (dx / left) * (step / kmPerLon);
      this.lat += (dy / left) * (step / KMH_PER_DEGREE_LAT);
      this.direction = Math.round(((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360);
    }
    this.mileage += step;
  }

  location(timeMs: number): Location {
    return {
      // Bit 1: the terminal's own overspeed alarm; the platform checks limits on its own too.
      alarm: this.speed > 100 ? 0b10 : 0,
      // ACC on, positioned; GPS and BeiDou in use.
      status: 0x000c0003,
      lat: Math.round(this.lat * 1e6) / 1e6,
      lon: Math.round(this.lon * 1e6) / 1e6,
      altitude: 10,
      speed: this.speed,
      direction: this.direction,
      time: beijing(timeMs),
      extras: [
        { type: 'mileage', value: Math.round(this.mileage * 10) / 10 },
        { type: 'satellites', value: 12 },
      ],
    };
  }
}
