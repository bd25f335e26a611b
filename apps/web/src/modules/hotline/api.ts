import { ApiError, api } from '../../api/client.ts';
import type { Page, PageParams } from '../../api/types.ts';
import type {
  AgentTicketBody,
  AttachmentLimits,
  Callback,
  Category,
  CitizenRequest,
  Created,
  Duplicate,
  Extension,
  KbArticle,
  KbSearchResult,
  PublicRegion,
  PublicTicketBody,
  PublicUpload,
  PublicView,
  Reason,
  Reply,
  RequestType,
  RoutePreview,
  Satisfaction,
  Ticket,
  TicketDetail,
  TicketFilters,
  Transfer,
  TransferState,
  Urge,
  WorkflowEvent,
} from './types.ts';

export const hotlineKeys = {
  all: ['hotline'] as const,
  tickets: () => [...hotlineKeys.all, 'tickets'] as const,
  list: (params: PageParams, filters: TicketFilters) =>
    [...hotlineKeys.tickets(), 'list', params, filters] as const,
  detail: (id: number) => [...hotlineKeys.tickets(), id] as const,
  history: (id: number) => [...hotlineKeys.detail(id), 'history'] as const,
  replies: (id: number) => [...hotlineKeys.detail(id), 'replies'] as const,
  extensions: (id: number) => [...hotlineKeys.detail(id), 'extensions'] as const,
  citizenRequests: (id: number) => [...hotlineKeys.detail(id), 'citizen-requests'] as const,
  urges: (params: PageParams, q: { ticketId?: number; open?: boolean }) =>
    [...hotlineKeys.tickets(), 'urges', params, q] as const,
  transfers: (params: PageParams, state?: string) =>
    [...hotlineKeys.tickets(), 'transfers', params, state ?? ''] as const,
  attachmentLimits: () => ['hotline-public', 'attachment-limits'] as const,
  caller: (phone: string) => [...hotlineKeys.tickets(), 'caller', phone] as const,
  duplicates: (q: Record<string, string | number | undefined>) =>
    [...hotlineKeys.tickets(), 'dup', q] as const,
  categories: () => [...hotlineKeys.all, 'categories'] as const,
  reasons: () => [...hotlineKeys.all, 'reasons'] as const,
  kb: (q: string) => [...hotlineKeys.all, 'kb', q] as const,
  article: (id: number) => [...hotlineKeys.all, 'kb-article', id] as const,
  preview: (b: unknown) => [...hotlineKeys.all, 'preview', b] as const,
  callbacks: (params: PageParams, state: string) =>
    [...hotlineKeys.tickets(), 'callbacks', params, state] as const,
  regions: (q: string) => ['hotline-public', 'regions', q] as const,
};

const t = '/hotline/tickets';

export const listTickets = (params: PageParams, filters: TicketFilters) =>
  api.get<Page<Ticket>>(t, { ...params, ...filters });
export const fetchTicket = (id: number) => api.get<TicketDetail>(`${t}/${id}`);
export const fetchTicketByNo = (ticketNo: string) => api.get<TicketDetail>(`${t}/by-no/${ticketNo}`);
export const reroute = (id: number, handlingOrgId?: number) =>
  api.post<Ticket>(`${t}/${id}/reroute`, handlingOrgId ? { handlingOrgId } : {});
export const relocate = (
  id: number,
  b: { locationText: string; regionOrgId?: number; lat?: number; lon?: number; note?: string },
) => api.post<Ticket>(`${t}/${id}/location`, b);
export const fetchHistory = (id: number) =>
  api.get<Page<WorkflowEvent>>(`${t}/${id}/history`, { page: 1, pageSize: 200 });
export const fetchReplies = (id: number) =>
  api.get<Page<Reply>>(`${t}/${id}/replies`, { page: 1, pageSize: 50 });
export const fetchExtensions = (id: number) =>
  api.get<Page<Extension>>('/hotline/extensions', { ticketId: id, page: 1, pageSize: 50 });
export const callerHistory = (phone: string) =>
  api.get<Page<Ticket>>(`/hotline/callers/${encodeURIComponent(phone)}/tickets`, { page: 1, pageSize: 10 });
export const findDuplicates = (q: Record<string, string | number | undefined>) =>
  api.get<Page<Duplicate>>(`${t}/duplicates`, { ...q, page: 1, pageSize: 5 });
export const listCategories = () =>
  api.get<Page<Category>>('/hotline/categories', { page: 1, pageSize: 200 });
export const listReasons = () => api.get<Page<Reason>>('/hotline/reasons', { page: 1, pageSize: 100 });
export const searchKb = (q: string) =>
  api.get<KbSearchResult>('/hotline/kb/search', { q, page: 1, pageSize: 8 });
export const fetchArticle = (id: number) => api.get<KbArticle>(`/hotline/kb/articles/${id}`);
export const previewRoute = (b: { requestType: RequestType; categoryCode: string; regionOrgId?: number }) =>
  api.post<RoutePreview>('/hotline/routing/preview', b);
export const createTicket = (b: AgentTicketBody) => api.post<Created>(t, b);

export const dispatch = (id: number, handlingOrgId?: number) =>
  api.post<Ticket>(`${t}/${id}/dispatch`, handlingOrgId ? { handlingOrgId } : {});
export const signFor = (id: number) => api.post<Ticket>(`${t}/${id}/sign-for`);
export const sendBack = (id: number, b: { reasonCode: string; note?: string }) =>
  api.post<Ticket>(`${t}/${id}/send-back`, b);
export const requestExtension = (id: number, b: { days: number; reason: string; legalBasis: string }) =>
  api.post<Extension>(`${t}/${id}/extensions`, b);
export const decideExtension = (id: number, extensionId: number, b: { approve: boolean; note?: string }) =>
  api.post<Extension>(`${t}/${id}/extensions/${extensionId}/decision`, b);
export const reply = (id: number, b: { facts: string; handling: string; legalBasis: string }) =>
  api.post<Ticket>(`${t}/${id}/reply`, b);
export const review = (id: number, b: { approve: boolean; note?: string }) =>
  api.post<Ticket>(`${t}/${id}/review`, b);
export const addNote = (id: number, b: { body: string; public?: boolean }) =>
  api.post<Ticket>(`${t}/${id}/notes`, b);
export const merge = (id: number, targetId: number) => api.post<Ticket>(`${t}/${id}/merge`, { targetId });
export const split = (
  id: number,
  parts: {
    requestType: RequestType;
    categoryCode: string;
    fields?: Record<string, string>;
    description: string;
  }[],
) => api.post<{ items: Ticket[] }>(`${t}/${id}/split`, { parts });
export const unmerge = (id: number) => api.post<Ticket>(`${t}/${id}/unmerge`);
export const cancel = (id: number, reason: string) => api.post<Ticket>(`${t}/${id}/cancel`, { reason });
export const urge = (id: number, b: { kind: 'urge' | 'supervision'; demand: string }) =>
  api.post<unknown>(`${t}/${id}/urges`, b);

export const listCallbacks = (params: PageParams, state: string) =>
  api.get<Page<Callback>>('/hotline/callbacks', { ...params, state });
export const recordCallback = (id: number, b: { satisfaction: Satisfaction; note?: string }) =>
  api.post<Callback>(`/hotline/callbacks/${id}`, b);

export const listPublicRegions = (q: string) =>
  api.get<Page<PublicRegion>>('/hotline/public/regions', { q, page: 1, pageSize: 30 });
export const submitPublic = (b: PublicTicketBody) =>
  api.post<{ ticketNo: string; queryCode: string }>('/hotline/public/tickets', b);
export const lookupPublic = (ticketNo: string, code: string) =>
  api.get<PublicView>(`/hotline/public/tickets/${ticketNo}`, { code });

export const askCitizen = (id: number, question: string) =>
  api.post<CitizenRequest>(`${t}/${id}/citizen-requests`, { question });
export const recordCitizenAnswer = (id: number, answer: string) =>
  api.post<CitizenRequest>(`${t}/${id}/citizen-answer`, { answer });
export const fetchCitizenRequests = (id: number) =>
  api.get<Page<CitizenRequest>>(`${t}/${id}/citizen-requests`, { page: 1, pageSize: 50 });
export const answerPublic = (ticketNo: string, code: string, answer: string) =>
  api.post<{ ticketNo: string; status: string; answeredAt: string }>(
    `/hotline/public/tickets/${ticketNo}/answer`,
    { code, answer },
  );

export const listTicketUrges = (params: PageParams, q: { ticketId?: number; open?: boolean }) =>
  api.get<Page<Urge>>('/hotline/urges', { ...params, ...q });
export const answerUrge = (id: number, urgeId: number, answer: string) =>
  api.post<Urge>(`${t}/${id}/urges/${urgeId}/answer`, { answer });

export const listTransfers = (params: PageParams, state?: TransferState) =>
  api.get<Page<Transfer>>('/hotline/transfers', { ...params, state });
export const resendTransfer = (id: number) => api.post<Transfer>(`/hotline/transfers/${id}/resend`);
export const transfer = (id: number, b: { targetOrgId: number; note?: string }) =>
  api.post<Transfer>(`${t}/${id}/transfer`, b);

export const attachmentLimits = () => api.get<AttachmentLimits>('/hotline/public/attachments/limits');

/** A public upload (multipart): the id and token the form then claims it with. */
export async function uploadPublicAttachment(file: File): Promise<PublicUpload> {
  const body = new FormData();
  body.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/api/hotline/public/attachments', {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'network error');
  }
  const text = await response.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const e = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(response.status, e?.code ?? 'internal', e?.message ?? response.statusText);
  }
  return json as PublicUpload;
}
