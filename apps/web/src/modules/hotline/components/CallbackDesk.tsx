import { App, Button, Form, Input, Radio, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { usePagination } from '../../../ui/usePagination.ts';
import * as hotline from '../api.ts';
import { useCallbacks, useHotlineMutation } from '../hooks.ts';
import { type Callback, SATISFACTIONS, type Satisfaction } from '../types.ts';
import { FormModal } from './FormModal.tsx';
import { useLabels } from './labels.tsx';

const SATISFACTION_COLOURS: Record<Satisfaction, string> = {
  satisfied: 'green',
  basicallySatisfied: 'lime',
  dissatisfied: 'red',
  unreachable: 'default',
};

/** 回访: the queue of sampled callers; 不满意 sends the ticket back to its unit (重办). */
export function CallbackDesk() {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const pagination = usePagination();
  const [state, setState] = useState<'pending' | 'done'>('pending');
  const [current, setCurrent] = useState<Callback | null>(null);
  const query = useCallbacks(pagination.params, state);
  const record = useHotlineMutation((v: { id: number; satisfaction: Satisfaction; note?: string }) =>
    hotline.recordCallback(v.id, { satisfaction: v.satisfaction, ...(v.note && { note: v.note }) }),
  );

  return (
    <>
      <Tabs
        activeKey={state}
        onChange={(k) => {
          setState(k as 'pending' | 'done');
          pagination.reset();
        }}
        items={[
          {
            key: 'pending',
            label: <span data-testid="callbacks-pending">{t('hotline.callback.pending')}</span>,
          },
          { key: 'done', label: <span data-testid="callbacks-done">{t('hotline.callback.done')}</span> },
        ]}
      />
      <DataTable<Callback>
        query={query}
        pagination={pagination}
        rowKey="id"
        testId="callback-table"
        columns={[
          {
            title: t('hotline.field.ticket-no'),
            dataIndex: 'ticketNo',
            render: (no: string, r) => <Link to={`/hotline/tickets/${r.ticketId}`}>{no}</Link>,
          },
          {
            title: t('hotline.callback.caller-ticket'),
            dataIndex: 'callerTicketNo',
            render: (no: string, r) => (r.callerTicketId === r.ticketId ? '—' : no),
          },
          { title: t('hotline.callback.round'), dataIndex: 'round' },
          {
            title: t('hotline.field.name'),
            dataIndex: 'requesterName',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('hotline.field.phone'),
            dataIndex: 'requesterPhone',
            render: (v: string | null) => v ?? '—',
          },
          { title: t('hotline.callback.due'), dataIndex: 'dueAt', render: formatDateTime },
          {
            title: t('hotline.callback.satisfaction'),
            dataIndex: 'satisfaction',
            render: (s: Satisfaction | null, r) =>
              s ? (
                <Tag color={SATISFACTION_COLOURS[s]}>{labels.satisfaction(s)}</Tag>
              ) : (
                r.state === 'pending' && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setCurrent(r)}
                    data-testid="callback-record"
                  >
                    {t('hotline.callback.record')}
                  </Button>
                )
              ),
          },
          { title: t('hotline.field.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
        ]}
      />
      <FormModal<{ satisfaction: Satisfaction; note?: string }>
        open={current !== null}
        busy={record.isPending}
        onCancel={() => setCurrent(null)}
        title={t('hotline.callback.record-title', { no: current?.ticketNo ?? '' })}
        testId="dialog-callback"
        onSubmit={(v) =>
          current &&
          record.mutate(
            { id: current.id, satisfaction: v.satisfaction, note: v.note?.trim() || undefined },
            {
              onSuccess: () => {
                setCurrent(null);
                void message.success(
                  v.satisfaction === 'dissatisfied' ? t('hotline.callback.rehandle') : t('common.done'),
                );
              },
            },
          )
        }
      >
        <Form.Item
          name="satisfaction"
          label={t('hotline.callback.satisfaction')}
          rules={[{ required: true }]}
        >
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="dialog-callback-satisfaction">
            {SATISFACTIONS.map((s) => (
              <Radio.Button key={s} value={s} data-testid={`satisfaction-${s}`}>
                {labels.satisfaction(s)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label={t('hotline.field.note')}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="dialog-callback-note" />
        </Form.Item>
      </FormModal>
    </>
  );
}
