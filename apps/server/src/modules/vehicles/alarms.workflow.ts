import { defineWorkflow } from '../../platform/workflow/index.ts';

/** What the close guard looks at: the handling note given with the action. */
export interface AlarmActionEntity {
  readonly note: string | null;
}

/**
 * Alarm handling (报警处置): a new alarm is acknowledged (seen), handled (someone is on it: the
 * operator was called, the driver told to rest …) and closed with a note saying what was done.
 * Closing may skip the middle steps, never the note.
 */
export const alarmWorkflow = defineWorkflow({
  name: 'vehicle.alarm',
  states: ['new', 'acknowledged', 'handling', 'closed'],
  initial: 'new',
  transitions: {
    acknowledge: { from: ['new'], to: 'acknowledged', permission: 'vehicle.alarm.handle' },
    handle: { from: ['new', 'acknowledged'], to: 'handling', permission: 'vehicle.alarm.handle' },
    close: {
      from: ['new', 'acknowledged', 'handling'],
      to: 'closed',
      permission: 'vehicle.alarm.handle',
      guard: (_actor, e: AlarmActionEntity) =>
        e.note !== null && e.note.trim() !== '' ? true : 'note_required',
    },
  },
});

export type AlarmAction = keyof typeof alarmWorkflow.transitions;
