import { PhoneOutlined } from '@ant-design/icons';
import { Card, Form, Input, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { useCallerHistory } from '../hooks.ts';
import type { Ticket } from '../types.ts';
import { CardTag, StateTag, useLabels } from './labels.tsx';

/** The caller: number and name, and what this number has called about before (audited read). */
export function CallerPanel({ phone }: { phone: string }) {
  const t = useT();
  const labels = useLabels();
  const history = useCallerHistory(phone);
  const items = history.data?.items ?? [];

  return (
    <Card
      size="small"
      title={
        <Space>
          <PhoneOutlined />
          {t('hotline.desk.caller')}
        </Space>
      }
    >
      <Space wrap align="start">
        <Form.Item name="requesterPhone" label={t('hotline.field.phone')} style={{ marginBottom: 8 }}>
          <Input style={{ width: 200 }} maxLength={30} data-testid="desk-phone" />
        </Form.Item>
        <Form.Item name="requesterName" label={t('hotline.field.name')} style={{ marginBottom: 8 }}>
          <Input style={{ width: 160 }} maxLength={50} data-testid="desk-name" />
        </Form.Item>
      </Space>
      {history.isSuccess && (
        <div data-testid="caller-history">
          <Typography.Text type="secondary">
            {history.data.total === 0
              ? t('hotline.desk.first-call')
              : t('hotline.desk.earlier-calls', { total: history.data.total })}
          </Typography.Text>
          {items.length > 0 && (
            <Table<Ticket>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={items}
              style={{ marginTop: 8 }}
              columns={[
                {
                  title: t('hotline.field.ticket-no'),
                  dataIndex: 'ticketNo',
                  render: (no: string, r) => <Link to={`/hotline/tickets/${r.id}`}>{no}</Link>,
                },
                { title: t('hotline.field.type'), dataIndex: 'requestType', render: labels.type },
                { title: t('hotline.field.category'), dataIndex: 'categoryName' },
                {
                  title: t('hotline.field.state'),
                  dataIndex: 'state',
                  render: (s: Ticket['state'], r) => (
                    <Space size={2}>
                      <StateTag state={s} />
                      <CardTag card={r.card} />
                    </Space>
                  ),
                },
                { title: t('hotline.field.received-at'), dataIndex: 'receivedAt', render: formatDateTime },
              ]}
            />
          )}
        </div>
      )}
    </Card>
  );
}
