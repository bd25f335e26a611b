import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LayoutDef } from '../model/types.ts';
import * as admin from './api.ts';
import { adminKeys } from './api.ts';
import type { FormFilter } from './types.ts';

export function useFormPage(filter: FormFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: adminKeys.list(filter, page, pageSize),
    queryFn: () => admin.fetchFormPage(filter, page, pageSize),
    placeholderData: keepPreviousData,
  });
}

export const useFormDetail = (formId: number) =>
  useQuery({ queryKey: adminKeys.form(formId), queryFn: () => admin.fetchFormDetail(formId) });

export const useVersion = (formId: number, versionId: number | undefined) =>
  useQuery({
    queryKey: adminKeys.version(formId, versionId ?? 0),
    queryFn: () => admin.fetchVersion(formId, versionId ?? 0),
    enabled: versionId !== undefined,
    staleTime: Number.POSITIVE_INFINITY, // a version never changes
  });

export const useObligations = (formId: number) =>
  useQuery({ queryKey: adminKeys.obligations(formId), queryFn: () => admin.fetchObligations(formId) });

export const useRules = (formId: number) =>
  useQuery({ queryKey: adminKeys.rules(formId), queryFn: () => admin.fetchRules(formId) });

export const useWindows = (formId: number) =>
  useQuery({ queryKey: adminKeys.windows(formId), queryFn: () => admin.fetchWindows(formId) });

export const useWindow = (formId: number, period: string | undefined) =>
  useQuery({
    queryKey: adminKeys.window(formId, period ?? ''),
    queryFn: () => admin.fetchWindow(formId, period ?? ''),
    enabled: Boolean(period),
  });

/** A write on a form: afterwards the form's screens and the statistics caches are read again. */
function useFormWrite<V, R>(formId: number, run: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: adminKeys.form(formId) });
      void client.invalidateQueries({ queryKey: ['stats', 'admin', 'forms'] });
      void client.invalidateQueries({ queryKey: ['stats', 'report'] });
      void client.invalidateQueries({ queryKey: ['stats', 'inbox'] });
      void client.invalidateQueries({ queryKey: ['stats', 'completeness'] });
    },
  });
}

export const useAddVersion = (formId: number) =>
  useFormWrite(formId, ({ fromPeriod, layout }: { fromPeriod: string; layout: LayoutDef }) =>
    admin.addVersion(formId, fromPeriod, layout),
  );
export const useAddObligation = (formId: number) =>
  useFormWrite(formId, (body: Parameters<typeof admin.addObligation>[1]) =>
    admin.addObligation(formId, body),
  );
export const useEndObligation = (formId: number) =>
  useFormWrite(formId, ({ id, validTo }: { id: number; validTo: string }) =>
    admin.endObligation(formId, id, validTo),
  );
export const useSetWindow = (formId: number) =>
  useFormWrite(formId, ({ period, ...body }: { period: string } & Parameters<typeof admin.setWindow>[2]) =>
    admin.setWindow(formId, period, body),
  );
export const useAddRule = (formId: number) =>
  useFormWrite(formId, (body: Parameters<typeof admin.addRule>[1]) => admin.addRule(formId, body));
export const useChangeRule = (formId: number) =>
  useFormWrite(formId, ({ id, ...body }: { id: number } & Parameters<typeof admin.changeRule>[2]) =>
    admin.changeRule(formId, id, body),
  );
export const useChangeForm = (formId: number) =>
  useFormWrite(formId, (body: admin.FormPatch) => admin.changeForm(formId, body));
