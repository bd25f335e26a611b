import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../../i18n/useT.ts';
import { DataTable } from '../../../../ui/DataTable.tsx';
import { usePagination } from '../../../../ui/usePagination.ts';
import { useCan, useMe } from '../../../auth/hooks/useMe.ts';
import { useKbArticles } from '../../hooks/useKb.ts';
import { DOMAIN_KEYS, type KbArticle, type KbListFilters, type OrgLevel } from '../../types.ts';
import { beijingToday, labelOf } from '../labels.ts';
import { KbArticleFormModal } from './KbArticleFormModal.tsx';
import { KbStatusTag } from './KbStatusTag.tsx';

const LEVELS: OrgLevel[] = ['ministry', 'province', 'city', 'county'];
const EXPIRY_WINDOWS = [7, 30, 90];

/** The editor's list: national, provincial and city articles with the filters an owner works by. */
export function KbArticleList() {
  const t = useT();
  const me = useMe();
  const canManage = useCan('hotline.kb.manage');
  const pagination = usePagination();
  const [filters, setFilters] = useState<KbListFilters>({});
  const [creating, setCreating] = useState(false);
  const list = useKbArticles(pagination.params, filters);
  const today = beijingToday();
  const set = (patch: KbListFilters) => {
    pagination.reset();
    setFilters((f) => ({ ...f, ...patch }));
  };

  const columns: ColumnsType<KbArticle> = [
    {
      title: t('hla.kb.field.title'),
      dataIndex: 'title',
      render: (title: string, a) => <Link to={`/hotline-admin/kb/${a.id}`}>{title}</Link>,
    },
    {
      title: t('hla.kb.field.key'),
      dataIndex: 'key',
      render: (k: string) => <Typography.Text code>{k}</Typography.Text>,
    },
    { title: t('hla.kb.field.org'), dataIndex: 'orgName' },
    { title: t('hla.kb.field.domain'), dataIndex: 'domain', render: (d: string) => labelOf(t, 'domain', d) },
    {
      title: t('hla.kb.field.status'),
      dataIndex: 'status',
      render: (s: KbArticle['status']) => <KbStatusTag status={s} />,
    },
    { title: t('hla.kb.field.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
    { title: t('hla.kb.field.owner'), dataIndex: 'ownerName', render: (n: string | null) => n ?? '—' },
    {
      title: t('hla.kb.field.expires'),
      dataIndex: 'expiresOn',
      render: (d: string | null) =>
        d ? <Typography.Text type={d <= today ? 'danger' : undefined}>{d}</Typography.Text> : '—',
    },
    {
      title: t('hla.kb.field.review'),
      dataIndex: 'reviewDueOn',
      render: (d: string | null, a) =>
        d ? (
          <Space size={4}>
            <Typography.Text type={d <= today ? 'warning' : undefined}>{d}</Typography.Text>
            {a.reviewFlagged && <Tag color="orange">{t('hla.kb.review-flagged')}</Tag>}
          </Space>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap data-testid="kb-list-filters">
        <Input.Search
          allowClear
          placeholder={t('hla.kb.filter.title')}
          style={{ width: 220 }}
          onSearch={(q) => set({ q: q.trim() || undefined })}
        />
        <Select
          allowClear
          data-testid="kb-filter-level"
          placeholder={t('hla.kb.filter.level')}
          style={{ width: 140 }}
          onChange={(level?: OrgLevel) => set({ level })}
          options={LEVELS.map((l) => ({ value: l, label: labelOf(t, 'level', l) }))}
        />
        <Select
          allowClear
          placeholder={t('hla.kb.field.status')}
          style={{ width: 120 }}
          onChange={(status?: KbArticle['status']) => set({ status })}
          options={(['draft', 'published', 'retired'] as const).map((s) => ({
            value: s,
            label: t(`hla.kb.status.${s}`),
          }))}
        />
        <Select
          allowClear
          placeholder={t('hla.kb.field.domain')}
          style={{ width: 140 }}
          onChange={(domain?: KbListFilters['domain']) => set({ domain })}
          options={DOMAIN_KEYS.map((d) => ({ value: d, label: labelOf(t, 'domain', d) }))}
        />
        <Select
          allowClear
          data-testid="kb-filter-expiring"
          placeholder={t('hla.kb.filter.expiring')}
          style={{ width: 160 }}
          onChange={(expiringWithin?: number) => set({ expiringWithin })}
          options={EXPIRY_WINDOWS.map((d) => ({
            value: d,
            label: t('hla.kb.filter.expiring-days', { days: d }),
          }))}
        />
        <Checkbox onChange={(e) => set({ reviewDue: e.target.checked || undefined })}>
          {t('hla.kb.filter.review-due')}
        </Checkbox>
        <Checkbox
          data-testid="kb-filter-mine"
          onChange={(e) => set({ ownerUserId: e.target.checked ? me.id : undefined })}
        >
          {t('hla.kb.filter.mine')}
        </Checkbox>
        {canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="kb-new"
          >
            {t('hla.kb.new')}
          </Button>
        )}
      </Space>
      <DataTable<KbArticle>
        rowKey="id"
        query={list}
        pagination={pagination}
        columns={columns}
        testId="kb-list"
      />
      <KbArticleFormModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
