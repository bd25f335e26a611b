import { defineWorkflow } from '../../platform/workflow/index.ts';
import { INCIDENT_STATES } from './sar.tables.ts';

export interface IncidentGuardView {
  readonly openTaskings: number;
}

const noTaskedResources = (_actor: unknown, e: IncidentGuardView) =>
  e.openTaskings === 0 ? true : ('resources_tasked' as const);

export const incidentWorkflow = defineWorkflow({
  name: 'maritime.incident',
  states: INCIDENT_STATES,
  initial: 'open',
  transitions: {
    activate: { from: ['open'], to: 'active', permission: 'maritime.manage' },
    close: {
      from: ['open', 'active'],
      to: 'closed',
      permission: 'maritime.manage',
      guard: noTaskedResources,
    },
    cancel: {
      from: ['open', 'active'],
      to: 'closed',
      permission: 'maritime.manage',
      guard: noTaskedResources,
    },
  },
});

export type IncidentAction = 'activate' | 'close' | 'cancel';
