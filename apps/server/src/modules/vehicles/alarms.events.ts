// The hook other parts of the module (the JT/T 809 uplink) use to learn of alarms: called after the
// transaction that raised or ended them has committed, never inside it.
import type { AlarmLevel } from './alarm-config.ts';

export interface AlarmEvent {
  readonly type: 'raised' | 'ended';
  readonly alarmId: number;
  readonly vehicleId: number;
  /** AlarmKind: a platform rule or `terminal.<JT/T 808 alarm bit name>`. */
  readonly kind: string;
  readonly level: AlarmLevel;
  /** The JT/T 808 alarm bit of a terminal alarm, null for platform rules. */
  readonly terminalBit: number | null;
  readonly at: Date;
  readonly lat: number;
  readonly lon: number;
  readonly speed: number;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Must not throw or block: errors are caught and logged, and the sink is not awaited. */
export type AlarmSink = (events: readonly AlarmEvent[]) => void;

/** Subscribers of one process. */
export class AlarmEvents {
  readonly #sinks = new Set<AlarmSink>();
  readonly #onError: (err: unknown) => void;

  constructor(onError: (err: unknown) => void = () => {}) {
    this.#onError = onError;
  }

  /** Returns the unsubscribe function. */
  subscribe(sink: AlarmSink): () => void {
    this.#sinks.add(sink);
    return () => this.#sinks.delete(sink);
  }

  emit(events: readonly AlarmEvent[]): void {
    if (events.length === 0) return;
    for (const sink of this.#sinks) {
      try {
        sink(events);
      } catch (err) {
        this.#onError(err);
      }
    }
  }
}
