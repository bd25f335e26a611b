import type { Generated } from 'kysely';

/** One row per transition taken: the full history of every workflow-driven entity. */
export interface WorkflowEventTable {
  id: Generated<number>;
  entity_type: string;
  /** Text, so that integer and uuid ids share the table. */
  entity_id: string;
  workflow: string;
  from_state: string;
  to_state: string;
  action: string;
  actor_user_id: number | null;
  actor_username: string | null;
  /** The entity's org path, so history reads can be scoped to a jurisdiction. */
  org_path: string | null;
  at: Date;
  note: unknown;
}

export interface WorkflowTables {
  workflow_event: WorkflowEventTable;
}
