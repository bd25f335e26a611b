import { type Static, type TSchema, Type } from 'typebox';

export const PageQuery = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1, description: '1-based page number' }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});
export type PageQuery = Static<typeof PageQuery>;

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ description: 'rows matching the filters, across all pages' }),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });

export interface PageResult<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const offsetOf = (q: PageQuery): number => (q.page - 1) * q.pageSize;

/** The page a route returns: a repository's rows (and total) mapped to DTOs. */
export const toPage = <R, T>(
  result: { items: readonly R[]; total: number },
  q: PageQuery,
  map: (row: R) => T,
): PageResult<T> => ({
  items: result.items.map(map),
  total: result.total,
  page: q.page,
  pageSize: q.pageSize,
});

/** A page cut from a short list held in memory (catalogues, the live picture). */
export const pageOf = <T>(all: readonly T[], q: PageQuery): PageResult<T> => ({
  items: all.slice(offsetOf(q), offsetOf(q) + q.pageSize),
  total: all.length,
  page: q.page,
  pageSize: q.pageSize,
});
