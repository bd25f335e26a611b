import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The form and period a statistics screen shows, kept in the address so it can be shared and reloaded. */
export function useFormPeriodParams() {
  const [params, setParams] = useSearchParams();
  const form = Number(params.get('form'));
  const formId = Number.isInteger(form) && form > 0 ? form : undefined;
  const period = params.get('period') ?? undefined;
  const set = useCallback(
    (f: number, p: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('form', String(f));
          next.set('period', p);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { formId, period, set };
}
