// Shapes of incidents.schemas.ts, sar-resources.schemas.ts and vessel-registry.schemas.ts.
import type { LatLon } from '../../../ui/map/types.ts';
import type { Localized, Nearby, Vessel, VesselCategory } from './vessels.ts';

export const ALERT_SOURCES = ['dsc', 'epirb', 'aisSart', 'phone', 'vhf', 'other'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];
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
export const CLOSE_OUTCOMES = ['rescued', 'found', 'lost', 'transferred'] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];
export type TimelineKind =
  | 'opened'
  | 'log'
  | 'resourceTasked'
  | 'resourceReleased'
  | 'stateChanged'
  | 'planSaved'
  | 'updated';
export const RESOURCE_KINDS = ['rescueVessel', 'helicopter', 'fixedWingAircraft', 'base'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export type ResourceState = 'available' | 'tasked' | 'maintenance' | 'offDuty';

export interface Incident {
  id: number;
  code: string;
  state: IncidentState;
  outcome: Outcome | null;
  source: AlertSource;
  position: LatLon;
  alertAt: string;
  mmsi: number | null;
  vesselName: string | null;
  personsOnBoard: number | null;
  nature: DistressNature;
  description: string | null;
  radiusNm: number;
  orgUnitId: number;
  orgName: string;
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  closedBy: string | null;
  updatedAt: string;
}

export interface RegistryEntry {
  id: number;
  mmsi: number;
  imo: number | null;
  callSign: string | null;
  name: string;
  flag: string | null;
  flagName: Localized | null;
  shipType: number | null;
  shipTypeName: Localized;
  category: VesselCategory;
  lengthM: number | null;
  grossTonnage: number | null;
  notes: string | null;
  hasContacts: boolean;
  orgName: string;
}

export interface Tasking {
  resourceId: number;
  resourceName: string;
  resourceKind: string;
  callSign: string | null;
  taskedAt: string;
  taskedBy: string;
  releasedAt: string | null;
  releasedBy: string | null;
}

export interface IncidentDetail extends Incident {
  distressedVessel: {
    mmsi: number;
    mmsiKind: string;
    live: Vessel | null;
    registry: RegistryEntry | null;
  } | null;
  taskings: Tasking[];
  actions: string[];
  latestPlanId: number | null;
}

export interface OpenIncidentRequest {
  source: AlertSource;
  position: LatLon;
  alertAt: string;
  nature: DistressNature;
  mmsi?: number | null;
  personsOnBoard?: number | null;
  description?: string | null;
  radiusNm?: number;
}

export interface IncidentFilters {
  state?: IncidentState;
  source?: AlertSource;
  q?: string;
}

export interface NearbyShip extends Nearby {
  registry: { id: number; name: string; hasContacts: boolean } | null;
}

export interface SarResource {
  id: number;
  kind: ResourceKind;
  name: string;
  callSign: string | null;
  mmsi: number | null;
  baseName: string | null;
  /** `ais`: its live AIS position (it carries an MMSI), fresher than the recorded one. */
  position: { lat: number; lon: number; at: string | null; source: 'reported' | 'home' | 'ais' } | null;
  speedKn: number | null;
  state: ResourceState;
  incidentId: number | null;
  orgName: string;
}

export interface NearestResource {
  resource: SarResource;
  distanceNm: number;
  bearingDeg: number;
  etaMinutes: number | null;
}

export interface TimelineEntry {
  id: number;
  kind: TimelineKind;
  text: string | null;
  resourceId: number | null;
  resourceName: string | null;
  planId: number | null;
  fromState: string | null;
  toState: string | null;
  actorUsername: string | null;
  at: string;
}

export interface ContactParty {
  name: string;
  phone: string | null;
  email: string | null;
}

export interface VesselContacts {
  mmsi: number;
  registryId: number;
  name: string;
  contacts: { owner: ContactParty | null; operator: ContactParty | null; emergency: ContactParty | null };
}
