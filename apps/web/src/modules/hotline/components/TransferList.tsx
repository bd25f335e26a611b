import { App, Button, Space, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { usePagination } from '../../../ui/usePagination.ts';
import { useMe } from '../../auth/hooks/useMe.ts';
import * as hotline from '../api.ts';
import { useHotlineMutation, useTransfers } from '../hooks.ts';
import { TRANSFER_STATES, type Transfer, type TransferState } from '../types.ts';

const COLOR: Record<TransferState, string> = {
  readyToSend: 'gold',
  sent: 'processing',
  sendFailed: 'red',
  doneExternal: 'green',
};

export const TransferStateTag = ({ state }: { state: TransferState }) => {
  const t = useT();
  return (
    <Tag color={COLOR[state]} data-testid="transfer-state" data-state={state}>
      {t(`hotline.transfer.state.${state}`)}
    </Tag>
  );
};

/**
 * 跨区转出: transfers through the province or the ministry by send state (ready to send, sent,
 * send failed, done elsewhere). A failed send returns the ticket to the dispatch queue: the
 * sending centre sends it again from here, or dispatches it from the ticket page.
 */
export function TransferList() {
  const t = useT();
  const pagination = usePagination();
  const [state, setState] = useState<TransferState | 'all'>('all');
  const transfers = useTransfers(pagination.params, state === 'all' ? undefined : state);
  const { message } = App.useApp();
  const canSend = useMe().permissions.includes('hotline.intake');
  const resend = useHotlineMutation((id: number) => hotline.resendTransfer(id));
  const columns: ColumnsType<Transfer> = [
    {
      title: t('hotline.field.ticket-no'),
      dataIndex: 'ticketNo',
      render: (no: string, r) => (
        <Link to={`/hotline/tickets/${r.ticketId}`} data-testid="transfer-ticket">
          {no}
        </Link>
      ),
    },
    { title: t('hotline.transfer.from'), dataIndex: 'fromName' },
    { title: t('hotline.transfer.target'), dataIndex: 'toName' },
    {
      title: t('hotline.transfer.hub'),
      dataIndex: 'hubName',
      render: (n: string, r) => `${n}（${t(`hotline.transfer.route.${r.route}`)}）`,
    },
    {
      title: t('hotline.field.state'),
      dataIndex: 'state',
      render: (s: TransferState) => <TransferStateTag state={s} />,
    },
    { title: t('hotline.transfer.attempts'), dataIndex: 'attempts' },
    {
      title: t('hotline.transfer.error'),
      dataIndex: 'lastError',
      render: (e: string | null) => (e ? <Typography.Text type="danger">{e}</Typography.Text> : '—'),
    },
    {
      title: t('hotline.transfer.updated'),
      dataIndex: 'updatedAt',
      render: (d: string) => formatDateTime(d),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, r) => (
        <Space size={4}>
          {canSend && r.state === 'sendFailed' && (
            <Button
              size="small"
              type="primary"
              loading={resend.isPending && resend.variables === r.id}
              onClick={() => resend.mutate(r.id, { onSuccess: () => void message.success(t('common.done')) })}
              data-testid="transfer-resend"
            >
              {t('hotline.transfer.resend')}
            </Button>
          )}
          <Link to={`/hotline/tickets/${r.ticketId}`}>
            <Button size="small">
              {t(r.state === 'sendFailed' ? 'hotline.transfer.handle-failed' : 'hotline.desk.open-ticket')}
            </Button>
          </Link>
        </Space>
      ),
    },
  ];
  return (
    <>
      <Tabs
        activeKey={state}
        onChange={(k) => {
          pagination.reset();
          setState(k as TransferState | 'all');
        }}
        items={[
          { key: 'all', label: <span data-testid="transfer-tab-all">{t('hotline.queue.all')}</span> },
          ...TRANSFER_STATES.map((s) => ({
            key: s,
            label: <span data-testid={`transfer-tab-${s}`}>{t(`hotline.transfer.state.${s}`)}</span>,
          })),
        ]}
      />
      <DataTable<Transfer>
        rowKey="id"
        query={transfers}
        pagination={pagination}
        columns={columns}
        testId="transfer-table"
      />
    </>
  );
}
