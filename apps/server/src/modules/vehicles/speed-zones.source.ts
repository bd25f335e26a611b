// The road-class speed zones as the alarm rules see them: an index rebuilt from the database when
// the zones change — at once for changes made in this process, within `refreshMs` for others'.
import type { Db } from '../../platform/db/database.ts';
import { EMPTY_ZONES, type SpeedZone, SpeedZoneIndex } from './speed-zones.index.ts';
import { listEnabledZones, zonesStamp } from './speed-zones.repository.ts';

let localChanges = 0;

/** A zone was created, changed or deleted in this process (after its transaction committed). */
export function speedZonesChanged(): void {
  localChanges++;
}

export class SpeedZoneSource {
  readonly #db: Db;
  readonly #refreshMs: number;
  #index: SpeedZoneIndex = EMPTY_ZONES;
  #stamp = '';
  #checkedAt = Number.NEGATIVE_INFINITY;
  #seenChanges = -1;
  #loading: Promise<SpeedZoneIndex> | null = null;

  constructor(db: Db, refreshMs = 10_000) {
    this.#db = db;
    this.#refreshMs = refreshMs;
  }

  /** The current index; a failed reload keeps the previous one. */
  current(): Promise<SpeedZoneIndex> {
    if (this.#seenChanges === localChanges && Date.now() - this.#checkedAt < this.#refreshMs)
      return Promise.resolve(this.#index);
    this.#loading ??= this.#reload().finally(() => {
      this.#loading = null;
    });
    return this.#loading;
  }

  async #reload(): Promise<SpeedZoneIndex> {
    const changes = localChanges;
    try {
      const stamp = await zonesStamp(this.#db);
      // A change made here reloads whatever the stamp says (two changes can share a timestamp).
      if (stamp !== this.#stamp || changes !== this.#seenChanges) {
        const rows = await listEnabledZones(this.#db);
        const zones: SpeedZone[] = rows.map((r) => ({
          id: Number(r.id),
          name: r.name,
          roadClass: r.road_class,
          shape: r.shape,
          coordinates: r.coordinates,
          widthM: r.width_m,
          speedLimits: r.speed_limits,
        }));
        this.#index = new SpeedZoneIndex(zones);
        this.#stamp = stamp;
      }
      this.#seenChanges = changes;
      this.#checkedAt = Date.now();
    } catch {
      this.#checkedAt = Date.now();
    }
    return this.#index;
  }
}
