import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Modal, Popconfirm, Switch, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { describeError } from '../../../api/error-message.ts';
import { useT } from '../../../i18n/useT.ts';
import { OrgSelect } from '../../orgs/components/OrgSelect.tsx';
import { useAddObligation, useEndObligation, useObligations } from './hooks.ts';
import type { Obligation } from './types.ts';

const DAY = 'YYYY-MM-DD';

/** 填报单位: which units (or subtrees) fill the form, from when to when; ending one keeps its history. */
export function ObligationsCard({ formId, canManage }: { formId: number; canManage: boolean }) {
  const t = useT();
  const query = useObligations(formId);
  const end = useEndObligation(formId);
  const [adding, setAdding] = useState(false);
  const [endDate, setEndDate] = useState<Dayjs | null>(dayjs());
  const today = dayjs().format(DAY);

  return (
    <Card
      size="small"
      title={t('stats.admin.obligations.title')}
      extra={
        canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="obligation-add">
            {t('stats.admin.obligations.add')}
          </Button>
        )
      }
    >
      {query.isError && <Alert type="error" showIcon title={describeError(t, query.error)} />}
      {end.isError && (
        <Alert type="error" showIcon title={describeError(t, end.error)} style={{ marginBottom: 8 }} />
      )}
      <Table<Obligation>
        size="small"
        rowKey="id"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="obligations-table"
        columns={[
          { title: t('stats.field.org'), dataIndex: 'orgName' },
          {
            title: t('stats.admin.obligations.scope'),
            key: 'scope',
            render: (_, o) =>
              o.includeSubtree
                ? t('stats.admin.obligations.subtree')
                : t('stats.admin.obligations.unit-only'),
          },
          { title: t('stats.admin.obligations.from'), dataIndex: 'validFrom' },
          {
            title: t('stats.admin.obligations.to'),
            key: 'to',
            render: (_, o) => o.validTo ?? t('stats.admin.no-end'),
          },
          {
            title: t('stats.field.state'),
            key: 'state',
            render: (_, o) =>
              o.validTo !== null && o.validTo <= today ? (
                <Tag>{t('stats.admin.obligations.ended')}</Tag>
              ) : o.validFrom > today ? (
                <Tag color="blue">{t('stats.admin.obligations.future')}</Tag>
              ) : (
                <Tag color="green">{t('stats.admin.obligations.in-force')}</Tag>
              ),
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, o: Obligation) =>
                    (o.validTo === null || o.validTo > today) && (
                      <Popconfirm
                        title={t('stats.admin.obligations.end-title', { org: o.orgName })}
                        description={
                          <DatePicker
                            value={endDate}
                            onChange={setEndDate}
                            disabledDate={(d) => d.format(DAY) <= o.validFrom}
                          />
                        }
                        onConfirm={() => endDate && end.mutate({ id: o.id, validTo: endDate.format(DAY) })}
                      >
                        <Button size="small" data-testid={`obligation-end-${o.id}`}>
                          {t('stats.admin.obligations.end')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
      {adding && <AddObligationModal formId={formId} onClose={() => setAdding(false)} />}
    </Card>
  );
}

interface AddValues {
  orgUnitId: number;
  includeSubtree: boolean;
  range: [Dayjs, Dayjs | null];
}

function AddObligationModal({ formId, onClose }: { formId: number; onClose: () => void }) {
  const t = useT();
  const add = useAddObligation(formId);
  const [form] = Form.useForm<AddValues>();
  return (
    <Modal
      open
      title={t('stats.admin.obligations.add')}
      onCancel={onClose}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'obligation-save' } as never}
    >
      {add.isError && (
        <Alert type="error" showIcon title={describeError(t, add.error)} style={{ marginBottom: 12 }} />
      )}
      <Form<AddValues>
        form={form}
        layout="vertical"
        initialValues={{ includeSubtree: true, range: [dayjs().startOf('month'), null] }}
        onFinish={(v) =>
          add.mutate(
            {
              orgUnitId: v.orgUnitId,
              includeSubtree: v.includeSubtree,
              validFrom: v.range[0].format(DAY),
              validTo: v.range[1] ? v.range[1].format(DAY) : null,
            },
            { onSuccess: onClose },
          )
        }
      >
        <Form.Item name="orgUnitId" label={t('stats.field.org')} rules={[{ required: true }]}>
          <OrgSelect testId="obligation-org" />
        </Form.Item>
        <Form.Item name="includeSubtree" label={t('stats.admin.obligations.subtree')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="range"
          label={t('stats.admin.obligations.range')}
          rules={[{ required: true }]}
          extra={t('stats.admin.obligations.range-hint')}
        >
          <DatePicker.RangePicker allowEmpty={[false, true]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
