import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useT } from '../../../../i18n/useT.ts';
import { DataTable } from '../../../../ui/DataTable.tsx';
import { usePagination } from '../../../../ui/usePagination.ts';
import { useCan } from '../../../auth/hooks/useMe.ts';
import { useRoutingMutations, useRoutingRules } from '../../hooks/useRouting.ts';
import { REQUEST_TYPES, type RoutingRule, type RoutingRuleInput } from '../../types.ts';
import { labelOf } from '../labels.ts';
import { OrgPicker } from './OrgPicker.tsx';

function RuleModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<RoutingRuleInput>();
  const { create } = useRoutingMutations();
  return (
    <Modal
      open={open}
      title={t('hla.rule.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('hla.rule.explain')}</Typography.Paragraph>
      <Form<RoutingRuleInput>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => create.mutate(v, { onSuccess: onClose })}
      >
        <Form.Item name="requestType" label={t('hla.ticket.type')}>
          <Select
            allowClear
            placeholder={t('hla.rule.any')}
            options={REQUEST_TYPES.map((r) => ({ value: r, label: labelOf(t, 'type', r) }))}
          />
        </Form.Item>
        <Form.Item
          name="categoryPrefix"
          label={t('hla.rule.category-prefix')}
          extra={t('hla.rule.category-prefix-hint')}
          rules={[{ pattern: /^[0-9A-Z]{2,12}$/ }]}
        >
          <Input placeholder={t('hla.rule.any')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="regionOrgId" label={t('hla.rule.region')}>
          <OrgPicker placeholder={t('hla.rule.any')} />
        </Form.Item>
        <Form.Item name="handlingOrgId" label={t('hla.rule.handling')} rules={[{ required: true }]}>
          <OrgPicker />
        </Form.Item>
        <Form.Item name="priority" label={t('hla.rule.priority')} extra={t('hla.rule.priority-hint')}>
          <InputNumber min={-100} max={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Routing rules (type × category × region → handling unit) of the units in the caller's area. */
export function RoutingRules() {
  const t = useT();
  const canManage = useCan('hotline.manage');
  const pagination = usePagination();
  const rules = useRoutingRules(pagination.params);
  const { remove } = useRoutingMutations();
  const [creating, setCreating] = useState(false);
  const any = <Typography.Text type="secondary">{t('hla.rule.any')}</Typography.Text>;
  const columns: ColumnsType<RoutingRule> = [
    { title: t('hla.rule.owner'), dataIndex: 'ownerName' },
    {
      title: t('hla.ticket.type'),
      dataIndex: 'requestType',
      render: (v: string | null) => (v ? labelOf(t, 'type', v) : any),
    },
    {
      title: t('hla.rule.category-prefix'),
      dataIndex: 'categoryPrefix',
      render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : any),
    },
    { title: t('hla.rule.region'), dataIndex: 'regionName', render: (v: string | null) => v ?? any },
    {
      title: t('hla.rule.handling'),
      dataIndex: 'handlingName',
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    { title: t('hla.rule.priority'), dataIndex: 'priority' },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: RoutingRule) => (
              <Popconfirm title={t('hla.rule.delete.confirm')} onConfirm={() => remove.mutate(r.id)}>
                <Button size="small" danger>
                  {t('hla.rule.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {canManage && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('hla.rule.new')}
        </Button>
      )}
      <DataTable<RoutingRule>
        rowKey="id"
        query={rules}
        pagination={pagination}
        columns={columns}
        testId="routing-rules"
      />
      <RuleModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
