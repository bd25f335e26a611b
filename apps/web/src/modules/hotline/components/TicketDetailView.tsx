import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../../api/error-message.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useCategories, useExtensions, useReplies, useTicket } from '../hooks.ts';
import type { Clock, TicketDetail } from '../types.ts';
import { CitizenRequestsCard } from './CitizenRequestsCard.tsx';
import { LocationMap } from './LocationMap.tsx';
import { CardTag, StateTag, useLabels } from './labels.tsx';
import { RelocateAction } from './RelocateAction.tsx';
import { TicketActions } from './TicketActions.tsx';
import { TicketExtraActions } from './TicketExtraActions.tsx';
import { TicketTimeline } from './TicketTimeline.tsx';
import { UrgeAnswers } from './UrgeAnswers.tsx';

function Facts({ detail }: { detail: TicketDetail }) {
  const t = useT();
  const labels = useLabels();
  const k = detail.ticket;
  const fields = Object.entries(k.fields);
  const specs = useCategories().data?.items.find((c) => c.code === k.categoryCode)?.fields ?? [];
  const labelOf = (key: string) => specs.find((f) => f.key === key)?.label ?? key;
  return (
    <Card size="small" title={t('hotline.detail.facts')}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="ticket-facts">
        <Descriptions.Item label={t('hotline.field.type')}>{labels.type(k.requestType)}</Descriptions.Item>
        <Descriptions.Item label={t('hotline.field.category')}>
          {k.categoryName} ({k.categoryCode} v{k.categoryVersion})
        </Descriptions.Item>
        {fields.map(([key, v]) => (
          <Descriptions.Item key={key} label={labelOf(key)}>
            {v}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('hotline.field.channel')}>{labels.channel(k.channel)}</Descriptions.Item>
        <Descriptions.Item label={t('hotline.field.received-at')}>
          {formatDateTime(k.receivedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('hotline.field.name')}>{k.requesterName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('hotline.field.phone')}>{k.requesterPhone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('hotline.field.location')}>
          {k.locationText ?? '—'}
          {k.lat !== null && k.lon !== null && ` (${k.lat.toFixed(5)}, ${k.lon.toFixed(5)})`}
        </Descriptions.Item>
        <Descriptions.Item label={t('hotline.field.query-code')}>{detail.queryCode}</Descriptions.Item>
        <Descriptions.Item label={t('hotline.field.centre')}>{k.centreName}</Descriptions.Item>
        <Descriptions.Item label={t('hotline.field.handling-unit')}>
          <span data-testid="ticket-unit">{k.handlingName ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('hotline.field.counters')} span={2}>
          {t('hotline.detail.counters', {
            sendBack: k.sendBackCount,
            extension: k.extensionCount,
            rehandle: k.rehandleCount,
            dissatisfied: k.dissatisfiedCount,
            urge: k.urgeCount,
          })}
          {k.supervised && (
            <Tag color="red" style={{ marginInlineStart: 8 }}>
              {t('hotline.supervised')}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('hotline.field.description')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{k.description}</span>
        </Descriptions.Item>
        {k.instantAnswer && (
          <Descriptions.Item label={t('hotline.field.instant-answer')} span={2}>
            <span data-testid="ticket-answer">
              {k.answerText}{' '}
              {k.kbArticleId && <Tag>{t('hotline.detail.kb-article', { id: k.kbArticleId })}</Tag>}
            </span>
          </Descriptions.Item>
        )}
        {k.splitFromId && (
          <Descriptions.Item label={t('hotline.detail.split-from')}>
            <Link to={`/hotline/tickets/${k.splitFromId}`}>#{k.splitFromId}</Link>
          </Descriptions.Item>
        )}
        {k.mergedIntoId && (
          <Descriptions.Item label={t('hotline.detail.merged-into')}>
            <Link to={`/hotline/tickets/${k.mergedIntoId}`}>#{k.mergedIntoId}</Link>
          </Descriptions.Item>
        )}
        {k.notAcceptedReason && (
          <Descriptions.Item label={t('hotline.field.not-accepted-reason')} span={2}>
            {k.notAcceptedReason}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function Clocks({ clocks }: { clocks: Clock[] }) {
  const t = useT();
  return (
    <Card size="small" title={t('hotline.detail.clocks')}>
      <Table<Clock>
        size="small"
        pagination={false}
        rowKey={(c) => `${c.kind}-${c.startedAt}`}
        dataSource={clocks}
        data-testid="ticket-clocks"
        columns={[
          {
            title: t('hotline.clock.kind'),
            dataIndex: 'kind',
            render: (k: Clock['kind']) => t(`hotline.clock.${k}`),
          },
          { title: t('hotline.clock.started'), dataIndex: 'startedAt', render: formatDateTime },
          { title: t('hotline.clock.due'), dataIndex: 'dueAt', render: formatDateTime },
          {
            title: t('hotline.clock.stopped'),
            dataIndex: 'stoppedAt',
            render: (v: string | null) =>
              v ? formatDateTime(v) : <Tag color="processing">{t('hotline.clock.running')}</Tag>,
          },
          {
            title: t('hotline.field.card'),
            dataIndex: 'card',
            render: (c: Clock['card']) => <CardTag card={c} />,
          },
        ]}
      />
    </Card>
  );
}

function Replies({ id }: { id: number }) {
  const t = useT();
  const replies = useReplies(id);
  const items = replies.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('hotline.detail.replies')} data-testid="ticket-replies">
      {items.map((r) => (
        <Descriptions key={r.id} size="small" column={1} bordered style={{ marginBottom: 8 }}>
          <Descriptions.Item label={t('hotline.reply.review')}>
            <Tag color={r.review === 'approved' ? 'green' : r.review === 'rejected' ? 'red' : 'gold'}>
              {t(`hotline.reply.review.${r.review}`)}
            </Tag>
            {formatDateTime(r.repliedAt)} {r.reviewNote && `— ${r.reviewNote}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('hotline.reply.facts')}>{r.facts}</Descriptions.Item>
          <Descriptions.Item label={t('hotline.reply.handling')}>{r.handling}</Descriptions.Item>
          <Descriptions.Item label={t('hotline.reply.legal-basis')}>{r.legalBasis}</Descriptions.Item>
        </Descriptions>
      ))}
    </Card>
  );
}

function Extensions({ id }: { id: number }) {
  const t = useT();
  const ext = useExtensions(id);
  const items = ext.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('hotline.detail.extensions')} data-testid="ticket-extensions">
      {items.map((e) => (
        <div key={e.id} style={{ marginBottom: 6 }}>
          <Tag color={e.decision === 'approved' ? 'green' : e.decision === 'denied' ? 'red' : 'gold'}>
            {t(`hotline.extension.${e.decision}`)}
          </Tag>
          {t('hotline.extension.summary', { days: e.days, reason: e.reason, basis: e.legalBasis })}
          {e.newDueAt && (
            <Typography.Text type="secondary">
              {' '}
              — {t('hotline.extension.new-due', { at: formatDateTime(e.newDueAt) })}
            </Typography.Text>
          )}
        </div>
      ))}
    </Card>
  );
}

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;

function Attachments({ detail }: { detail: TicketDetail }) {
  const t = useT();
  if (detail.attachments.length === 0) return null;
  return (
    <Card size="small" title={t('hotline.detail.attachments')} data-testid="ticket-attachments">
      {detail.attachments.map((a) => (
        <div key={a.id}>
          {a.filename}{' '}
          <Typography.Text type="secondary">
            ({a.mime}, {kb(a.size)})
          </Typography.Text>
        </div>
      ))}
    </Card>
  );
}

/** 工单详情: facts, clocks with their cards, replies, extensions, the timeline, and my actions. */
export function TicketDetailView({ id }: { id: number }) {
  const t = useT();
  const navigate = useNavigate();
  const query = useTicket(id);
  if (query.isError) return <Alert type="error" showIcon title={describeError(t, query.error)} />;
  if (!query.data) return <Spin />;
  const detail = query.data;
  const k = detail.ticket;
  return (
    <div data-testid="ticket-detail" data-ticket-no={k.ticketNo}>
      <PageHeader
        title={
          <Space>
            <span data-testid="ticket-no">{k.ticketNo}</span>
            <StateTag state={k.state} />
            <CardTag card={k.card} />
          </Space>
        }
        subtitle={k.categoryName}
        extra={
          <Space wrap data-testid="ticket-actions">
            <Button onClick={() => navigate(-1)}>{t('hotline.action.back')}</Button>
            <TicketActions detail={detail} />
            <TicketExtraActions detail={detail} />
            <RelocateAction ticket={k} />
          </Space>
        }
      />
      <Row gutter={12}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Facts detail={detail} />
            <Clocks clocks={detail.clocks} />
            <CitizenRequestsCard id={id} />
            <Replies id={id} />
            <Extensions id={id} />
            <UrgeAnswers ticketId={id} />
            <Attachments detail={detail} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            {k.lat !== null && k.lon !== null && (
              <Card size="small" title={t('hotline.field.location')}>
                <LocationMap value={{ lat: k.lat, lon: k.lon }} height={240} testId="ticket-map" />
              </Card>
            )}
            <TicketTimeline id={id} notes={detail.notes} />
          </Space>
        </Col>
      </Row>
    </div>
  );
}
