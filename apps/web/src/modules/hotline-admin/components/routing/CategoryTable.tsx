import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { describeError } from '../../../../api/error-message.ts';
import { useT } from '../../../../i18n/useT.ts';
import { useCan } from '../../../auth/hooks/useMe.ts';
import { useCategories } from '../../hooks/useRouting.ts';
import { type Category, type CategoryField, DOMAIN_KEYS } from '../../types.ts';
import { labelOf } from '../labels.ts';
import { CategoryVersionModal } from './CategoryVersionModal.tsx';

function Fields({ fields }: { fields: CategoryField[] }) {
  const t = useT();
  if (fields.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {fields.map((f) => (
        <Tag key={f.key} color={f.required ? 'blue' : 'default'}>
          {f.label} · {t(`hla.field-type.${f.type}`)}
          {f.required ? ` · ${t('hla.cat.required')}` : ''}
          {f.choices?.length ? ` (${f.choices.join('/')})` : ''}
        </Tag>
      ))}
    </Space>
  );
}

/** The category code table by domain as valid on a day, each code's version and fields. */
export function CategoryTable() {
  const t = useT();
  const canManage = useCan('hotline.manage');
  const [domain, setDomain] = useState<string | undefined>();
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const categories = useCategories(asOf?.format('YYYY-MM-DD'), domain);
  const columns: ColumnsType<Category> = [
    {
      title: t('hla.cat.code'),
      dataIndex: 'code',
      width: 90,
      render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
    },
    { title: t('hla.cat.name'), dataIndex: 'name' },
    {
      title: t('hla.kb.field.domain'),
      dataIndex: 'domain',
      render: (d: string, c) => labelOf(t, 'domain', d, c.domainName),
    },
    { title: t('hla.kb.field.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
    { title: t('hla.cat.valid-from'), dataIndex: 'validFrom' },
    { title: t('hla.cat.valid-to'), dataIndex: 'validTo', render: (d: string | null) => d ?? '—' },
    {
      title: t('hla.cat.fields'),
      dataIndex: 'fields',
      render: (f: CategoryField[]) => <Fields fields={f} />,
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, c: Category) => (
              <Button size="small" onClick={() => setEditing(c)}>
                {t('hla.cat.new-version')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Select
          allowClear
          placeholder={t('hla.kb.field.domain')}
          style={{ width: 160 }}
          onChange={setDomain}
          options={DOMAIN_KEYS.map((d) => ({ value: d, label: labelOf(t, 'domain', d) }))}
          data-testid="cat-filter-domain"
        />
        <DatePicker placeholder={t('hla.cat.as-of')} value={asOf} onChange={setAsOf} />
        {canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('hla.cat.new')}
          </Button>
        )}
      </Space>
      {categories.isError && <Alert type="error" showIcon title={describeError(t, categories.error)} />}
      <Table<Category>
        rowKey={(c) => `${c.code}-${c.version}`}
        size="middle"
        loading={categories.isFetching}
        dataSource={categories.data?.items ?? []}
        columns={columns}
        pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
        data-testid="category-table"
      />
      <CategoryVersionModal category={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}
