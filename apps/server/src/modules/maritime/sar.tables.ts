import type { ColumnType, Generated } from 'kysely';

export const RESOURCE_KINDS = ['rescueVessel', 'helicopter', 'fixedWingAircraft', 'base'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const RESOURCE_STATES = ['available', 'tasked', 'maintenance', 'offDuty'] as const;
export type ResourceState = (typeof RESOURCE_STATES)[number];

export const ALERT_SOURCES = ['dsc', 'epirb', 'aisSart', 'phone', 'vhf', 'other'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];
/** The DSC natures of distress (ITU-R M.493-15 table A1-4.8), plus medical and other. */
export const DISTRESS_NATURES = [
  'fireExplosion',
  'flooding',
  'collision',
  'grounding',
  'listing',
  'sinking',
  'disabledAdrift',
  'undesignated',
  'abandoningShip',
  'piracy',
  'manOverboard',
  'medical',
  'other',
] as const;
export type DistressNature = (typeof DISTRESS_NATURES)[number];
export const INCIDENT_STATES = ['open', 'active', 'closed'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];
export const OUTCOMES = ['rescued', 'found', 'falseAlarm', 'lost', 'transferred'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const TIMELINE_KINDS = [
  'opened',
  'log',
  'resourceTasked',
  'resourceReleased',
  'stateChanged',
  'planSaved',
  'updated',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface VesselRegistryTable {
  id: Generated<number>;
  mmsi: number;
  mmsi_kind: string;
  imo: number | null;
  call_sign: string | null;
  name: string;
  flag: string | null;
  ship_type: number | null;
  length_m: number | null;
  gross_tonnage: number | null;
  notes: string | null;
  owner_name: string | null;
  owner_phone: string | null;
  owner_email: string | null;
  operator_name: string | null;
  operator_phone: string | null;
  operator_email: string | null;
  emergency_name: string | null;
  emergency_phone: string | null;
  emergency_email: string | null;
  org_unit_id: number;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: Date;
}

export interface SarResourceTable {
  id: Generated<number>;
  kind: ResourceKind;
  name: string;
  call_sign: string | null;
  mmsi: number | null;
  base_id: number | null;
  home_lat: number | null;
  home_lon: number | null;
  lat: number | null;
  lon: number | null;
  position_at: Date | null;
  speed_kn: number | null;
  state: ResourceState;
  incident_id: number | null;
  notes: string | null;
  org_unit_id: number;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: Date;
}

export interface SarIncidentTable {
  id: Generated<number>;
  code: string | null;
  org_unit_id: number;
  state: IncidentState;
  outcome: Outcome | null;
  source: AlertSource;
  lat: number;
  lon: number;
  alert_at: Date;
  mmsi: number | null;
  persons_on_board: number | null;
  nature: DistressNature;
  description: string | null;
  radius_nm: number;
  opened_at: Date;
  opened_by: string;
  closed_at: Date | null;
  closed_by: string | null;
  updated_at: Date;
}

export interface SarIncidentEventTable {
  id: Generated<number>;
  incident_id: number;
  kind: TimelineKind;
  text: string | null;
  resource_id: number | null;
  plan_id: number | null;
  from_state: string | null;
  to_state: string | null;
  actor_user_id: number | null;
  actor_username: string | null;
  at: Date;
}

export interface SarTaskingTable {
  id: Generated<number>;
  incident_id: number;
  resource_id: number;
  tasked_at: Date;
  tasked_by: string;
  released_at: Date | null;
  released_by: string | null;
}

export interface SarPlanTable {
  id: Generated<number>;
  incident_id: number;
  version: number;
  name: string | null;
  input: ColumnType<unknown, string, never>;
  result: ColumnType<unknown, string, never>;
  created_at: Date;
  created_by_user_id: number | null;
  created_by: string;
}

export interface SarTables {
  vessel_registry: VesselRegistryTable;
  sar_resource: SarResourceTable;
  sar_incident: SarIncidentTable;
  sar_incident_event: SarIncidentEventTable;
  sar_tasking: SarTaskingTable;
  sar_plan: SarPlanTable;
}
