import type { Part } from '../http/platform.ts';
import { workflowMigrations } from './migrations/index.ts';

export const workflowPart: Part = { name: 'workflow', migrations: workflowMigrations };

export { WorkflowEventDto } from './workflow.schemas.ts';
export {
  historyOf,
  type TransitionContext,
  toWorkflowEvent,
  transition,
  type WorkflowEvent,
  type WorkflowSubject,
} from './workflow.service.ts';
export {
  type ActionOf,
  type ApplyResult,
  apply,
  availableActions,
  defineWorkflow,
  isState,
  type StateOf,
  type WorkflowActor,
  type WorkflowDefinition,
} from './workflow.ts';
