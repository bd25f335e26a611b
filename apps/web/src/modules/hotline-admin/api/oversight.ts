import { api } from '../../../api/client.ts';
import type { Page, PageParams } from '../../../api/types.ts';
import type { Extension, Ticket, TicketFilters, UnitCards, Urge } from '../types.ts';

export interface UrgeFilters {
  kind?: 'urge' | 'supervision' | undefined;
  open?: boolean | undefined;
}

export const oversightKeys = {
  all: ['hotline-admin', 'oversight'] as const,
  tickets: (params: PageParams, filters: TicketFilters) =>
    [...oversightKeys.all, 'tickets', params, filters] as const,
  urges: (params: PageParams, filters: UrgeFilters) =>
    [...oversightKeys.all, 'urges', params, filters] as const,
  extensions: (params: PageParams) => [...oversightKeys.all, 'extensions', params] as const,
  byUnit: () => [...oversightKeys.all, 'by-unit'] as const,
};

export const listTickets = (params: PageParams, filters: TicketFilters) =>
  api.get<Page<Ticket>>('/hotline/tickets', { ...params, ...filters });
export const listUrges = (params: PageParams, filters: UrgeFilters) =>
  api.get<Page<Urge>>('/hotline/urges', { ...params, ...filters });
export const listPendingExtensions = (params: PageParams) =>
  api.get<Page<Extension>>('/hotline/extensions', { ...params, decision: 'pending' });
export const issueUrge = (
  ticketId: number,
  body: { kind: 'urge' | 'supervision'; demand: string; answerDays?: number },
) => api.post<Urge>(`/hotline/tickets/${ticketId}/urges`, body);
export const decideExtension = (ext: Extension, approve: boolean, note?: string) =>
  api.post<Extension>(`/hotline/tickets/${ext.ticketId}/extensions/${ext.id}/decision`, {
    approve,
    ...(note && { note }),
  });
/** Units with carded or supervised tickets; a jurisdiction has far fewer than a page of 200. */
export const fetchCardsByUnit = () =>
  api.get<Page<UnitCards>>('/hotline/cards/by-unit', { page: 1, pageSize: 200 });
