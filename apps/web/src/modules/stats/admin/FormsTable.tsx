import { Input, Select, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/useT.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { useDebouncedValue } from '../../../ui/useDebouncedValue.ts';
import { usePagination } from '../../../ui/usePagination.ts';
import { periodTypeLabel } from './format.ts';
import { useFormPage } from './hooks.ts';
import type { FormFilter, FormListItem } from './types.ts';

const PERIOD_TYPES = ['month', 'quarter', 'halfYear', 'year', 'monthE25'];

/** 报表制度: every form my unit deals with, filtered by 表号 or name, period type and status. */
export function FormsTable() {
  const t = useT();
  const pagination = usePagination(20);
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const [periodType, setPeriodType] = useState<string | undefined>();
  const [status, setStatus] = useState<FormFilter['status']>('active');
  const filter = useMemo(() => ({ q: q || undefined, periodType, status }), [q, periodType, status]);
  const query = useFormPage(filter, pagination.params.page, pagination.params.pageSize);
  const reset = pagination.reset;

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          style={{ width: 280 }}
          placeholder={t('stats.admin.search')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            reset();
          }}
          data-testid="forms-search"
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('stats.admin.field.period-type')}
          value={periodType}
          onChange={(v) => {
            setPeriodType(v);
            reset();
          }}
          options={PERIOD_TYPES.map((p) => ({ value: p, label: periodTypeLabel(t, p) }))}
          data-testid="forms-period-type"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('stats.admin.field.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            reset();
          }}
          options={[
            { value: 'active', label: t('stats.admin.status.active') },
            { value: 'retired', label: t('stats.admin.status.retired') },
          ]}
          data-testid="forms-status"
        />
      </Space>
      <DataTable<FormListItem>
        query={query}
        pagination={pagination}
        size="small"
        testId="forms-table"
        rowKey="id"
        onRow={(f) => ({ 'data-testid': `form-row-${f.code}` }) as never}
        columns={[
          {
            title: t('stats.form.code'),
            key: 'code',
            fixed: 'left',
            render: (_, f) => (
              <Link to={`/stats/forms/${f.id}`} data-testid="form-open">
                {f.code}
              </Link>
            ),
          },
          { title: t('stats.admin.field.name'), dataIndex: 'name' },
          { title: t('stats.form.issuing'), dataIndex: 'issuingAuthority' },
          { title: t('stats.form.approving'), dataIndex: 'approvingAuthority' },
          { title: t('stats.form.approval-no'), dataIndex: 'approvalNo' },
          {
            title: t('stats.form.valid-until'),
            key: 'validUntil',
            render: (_, f) => f.validUntil ?? t('stats.admin.no-end'),
          },
          {
            title: t('stats.admin.field.period-type'),
            key: 'periodType',
            render: (_, f) => periodTypeLabel(t, f.periodType),
          },
          {
            title: t('stats.admin.field.versions'),
            key: 'versions',
            render: (_, f) =>
              f.latestVersionFrom
                ? t('stats.admin.versions-count', { n: f.versions, from: f.latestVersionFrom })
                : f.versions,
          },
          { title: t('stats.admin.field.owner'), dataIndex: 'ownerName' },
          {
            title: t('stats.admin.field.status'),
            key: 'status',
            render: (_, f) => (
              <Tag color={f.status === 'active' ? 'green' : 'default'}>
                {t(`stats.admin.status.${f.status}`)}
              </Tag>
            ),
          },
        ]}
      />
    </>
  );
}
