import type { AgentTicketBody, RequestType } from '../types.ts';
import { cleanFields } from './category-fields.ts';

/** What the agent's form holds during a call. */
export interface DeskValues {
  requesterPhone?: string;
  requesterName?: string;
  requestType: RequestType;
  domain?: string;
  categoryCode?: string;
  fields?: Record<string, string | undefined>;
  description?: string;
  locationText?: string;
  regionOrgId?: number;
  lat?: number | null;
  lon?: number | null;
}

/** The intake body shared by every disposition; empty inputs are left out, not sent as "". */
export function toTicketBody(v: DeskValues): AgentTicketBody {
  const phone = v.requesterPhone?.replace(/[\s-]/g, '');
  return {
    requestType: v.requestType,
    categoryCode: v.categoryCode ?? '',
    fields: cleanFields(v.fields),
    description: v.description?.trim() ?? '',
    ...(v.locationText?.trim() && { locationText: v.locationText.trim() }),
    ...(v.regionOrgId && { regionOrgId: v.regionOrgId }),
    ...(v.lat != null && v.lon != null && { lat: v.lat, lon: v.lon }),
    ...(v.requesterName?.trim() && { requesterName: v.requesterName.trim() }),
    ...(phone && { requesterPhone: phone }),
  };
}
