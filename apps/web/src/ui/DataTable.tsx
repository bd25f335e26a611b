import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Table, type TableProps } from 'antd';
import { describeError } from '../api/error-message.ts';
import type { Page } from '../api/types.ts';
import { useT } from '../i18n/useT.ts';
import type { Pagination } from './usePagination.ts';

export interface DataTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'pagination' | 'loading'> {
  query: UseQueryResult<Page<T>>;
  pagination: Pagination;
  testId?: string;
}

/** An antd Table over a server-paginated list: the server pages, sorts and filters; the table shows. */
export function DataTable<T extends object>({ query, pagination, testId, ...tableProps }: DataTableProps<T>) {
  const t = useT();
  return (
    <div data-testid={testId}>
      {query.isError && (
        <Alert type="error" showIcon title={describeError(t, query.error)} style={{ marginBottom: 12 }} />
      )}
      <Table<T>
        size="middle"
        scroll={{ x: 'max-content' }}
        {...tableProps}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={{
          current: pagination.params.page,
          pageSize: pagination.params.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: pagination.onChange,
        }}
      />
    </div>
  );
}
