import type { Generated } from 'kysely';

export type Open311ServiceType = 'realtime' | 'batch';

/** How a hotline category is offered as an Open311 service; a category without a row is realtime. */
export interface Open311ServiceTable {
  service_code: string;
  type: Open311ServiceType;
  updated_at: Date;
}

/** One POST /requests: its token, who sent it, and the ticket it became (at once, or by a job). */
export interface Open311RequestTable {
  id: Generated<number>;
  token: string;
  api_token_id: number;
  user_id: number;
  centre_org_id: number;
  service_code: string;
  /** The decoded arguments and attributes; personal fields are dropped once the ticket exists. */
  payload: Record<string, unknown>;
  media_url: string | null;
  status: 'pending' | 'created' | 'failed';
  ticket_id: number | null;
  error: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface Open311Tables {
  open311_service: Open311ServiceTable;
  open311_request: Open311RequestTable;
}
