import { App, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { useMe } from '../../auth/hooks/useMe.ts';
import * as hotline from '../api.ts';
import { useHotlineMutation, useTicketUrges } from '../hooks.ts';
import type { Urge } from '../types.ts';
import { FormModal } from './FormModal.tsx';

const ALL = { page: 1, pageSize: 50 };

/**
 * 催办 and 督办 addressed to the handling unit, with the unit's answers: on the ticket (all of
 * its records) or in the unit's inbox (those still unanswered). The server checks the addressee.
 */
export function UrgeAnswers({ ticketId, inbox = false }: { ticketId?: number; inbox?: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const me = useMe();
  const canAnswer = me.permissions.includes('hotline.handle');
  const urges = useTicketUrges(ALL, inbox ? { open: true } : { ticketId });
  const [answering, setAnswering] = useState<Urge | null>(null);
  const answer = useHotlineMutation((v: { urge: Urge; text: string }) =>
    hotline.answerUrge(v.urge.ticketId, v.urge.id, v.text),
  );
  const items = urges.data?.items ?? [];
  if (items.length === 0 && !inbox) return null;
  const body = (
    <>
      <Table<Urge>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        loading={urges.isFetching && !urges.data}
        data-testid={inbox ? 'inbox-urges' : 'ticket-urges'}
        columns={[
          ...(inbox
            ? [
                {
                  title: t('hotline.field.ticket-no'),
                  dataIndex: 'ticketNo',
                  render: (no: string, u: Urge) => <Link to={`/hotline/tickets/${u.ticketId}`}>{no}</Link>,
                },
              ]
            : []),
          {
            title: t('hotline.urge.kind'),
            dataIndex: 'kind',
            render: (k: Urge['kind']) => (
              <Tag color={k === 'supervision' ? 'purple' : 'blue'}>{t(`hotline.urge.${k}`)}</Tag>
            ),
          },
          {
            title: t('hotline.field.demand'),
            dataIndex: 'demand',
            render: (d: string, u: Urge) => (
              <Space direction="vertical" size={0}>
                <span>{d}</span>
                <Typography.Text type="secondary">
                  {u.issuedByName ?? t('hotline.detail.system')} · {formatDateTime(u.issuedAt)}
                  {u.answerDueAt && ` · ${t('hotline.urge.due', { at: formatDateTime(u.answerDueAt) })}`}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('hotline.urge.answer'),
            dataIndex: 'answer',
            render: (a: string | null, u: Urge) =>
              a !== null ? (
                <span data-testid="urge-answer">
                  {a} <Typography.Text type="secondary">{formatDateTime(u.answeredAt)}</Typography.Text>
                </span>
              ) : canAnswer && u.targetOrgId === me.orgUnitId ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setAnswering(u)}
                  data-testid="urge-answer-open"
                >
                  {t('hotline.urge.answer-it')}
                </Button>
              ) : (
                <Tag color="orange">{t('hotline.urge.unanswered')}</Tag>
              ),
          },
        ]}
      />
      <FormModal<{ answer: string }>
        open={answering !== null}
        busy={answer.isPending}
        onCancel={() => setAnswering(null)}
        title={t('hotline.urge.answer-title', { no: answering?.ticketNo ?? '' })}
        testId="dialog-urge-answer"
        onSubmit={(v) =>
          answering &&
          answer.mutate(
            { urge: answering, text: v.answer.trim() },
            {
              onSuccess: () => {
                setAnswering(null);
                void message.success(t('common.done'));
              },
            },
          )
        }
      >
        {answering && <p>{answering.demand}</p>}
        <Form.Item
          name="answer"
          label={t('hotline.urge.answer')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="dialog-urge-answer-text" />
        </Form.Item>
      </FormModal>
    </>
  );
  return inbox ? (
    body
  ) : (
    <Card size="small" title={t('hotline.detail.urges')}>
      {body}
    </Card>
  );
}
