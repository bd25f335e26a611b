import { useCallback, useState } from 'react';
import type { PageParams } from '../api/types.ts';

export interface Pagination {
  /** What goes to the server (and into query keys): nothing but page and pageSize. */
  params: PageParams;
  onChange: (page: number, pageSize: number) => void;
  /** Back to the first page, e.g. when a filter changes. */
  reset: () => void;
}

export function usePagination(initialPageSize = 20): Pagination {
  const [params, setParams] = useState<PageParams>({ page: 1, pageSize: initialPageSize });
  const onChange = useCallback((page: number, pageSize: number) => {
    setParams((prev) => ({ page: pageSize === prev.pageSize ? page : 1, pageSize }));
  }, []);
  const reset = useCallback(() => setParams((prev) => (prev.page === 1 ? prev : { ...prev, page: 1 })), []);
  return { params, onChange, reset };
}
