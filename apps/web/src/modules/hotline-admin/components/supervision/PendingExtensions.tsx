import { Button, Input, Popconfirm, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../i18n/format.ts';
import { useT } from '../../../../i18n/useT.ts';
import { DataTable } from '../../../../ui/DataTable.tsx';
import { usePagination } from '../../../../ui/usePagination.ts';
import { useCan } from '../../../auth/hooks/useMe.ts';
import { useDecideExtension, usePendingExtensions } from '../../hooks/useOversight.ts';
import type { Extension } from '../../types.ts';

/** 延期申请 waiting for the centre: approve (a new due date) or deny, with a note. */
export function PendingExtensions() {
  const t = useT();
  const canDecide = useCan('hotline.supervise');
  const pagination = usePagination();
  const pending = usePendingExtensions(pagination.params);
  const decide = useDecideExtension();
  const [note, setNote] = useState('');
  const decision = (ext: Extension, approve: boolean) => (
    <Popconfirm
      title={t(approve ? 'hla.ext.approve' : 'hla.ext.deny')}
      description={<Input placeholder={t('hla.ext.note')} onChange={(e) => setNote(e.target.value)} />}
      onOpenChange={() => setNote('')}
      onConfirm={() => decide.mutate({ ext, approve, note: note.trim() || undefined })}
    >
      <Button size="small" danger={!approve} type={approve ? 'primary' : 'default'}>
        {t(approve ? 'hla.ext.approve' : 'hla.ext.deny')}
      </Button>
    </Popconfirm>
  );
  const columns: ColumnsType<Extension> = [
    {
      title: t('hla.ticket.no'),
      dataIndex: 'ticketNo',
      render: (no: string, e) => (
        <Link to={`/hotline/tickets/${e.ticketId}`} data-testid="extension-ticket">
          <Typography.Text code>{no}</Typography.Text>
        </Link>
      ),
    },
    { title: t('hla.ext.days'), dataIndex: 'days' },
    { title: t('hla.ext.reason'), dataIndex: 'reason', width: 260 },
    { title: t('hla.ext.legal-basis'), dataIndex: 'legalBasis', width: 220 },
    { title: t('hla.ext.requested-at'), dataIndex: 'requestedAt', render: (d: string) => formatDateTime(d) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, ext) =>
        canDecide && (
          <Space>
            {decision(ext, true)}
            {decision(ext, false)}
          </Space>
        ),
    },
  ];
  return (
    <DataTable<Extension>
      rowKey="id"
      query={pending}
      pagination={pagination}
      columns={columns}
      testId="pending-extensions"
    />
  );
}
