import { BellOutlined, RiseOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Progress, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../../api/error-message.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { usePagination } from '../../../ui/usePagination.ts';
import { useCan, useMe } from '../../auth/hooks/useMe.ts';
import { useCompleteness, useReminderLog, useSendReminders } from '../hooks/useStats.ts';
import type { CompletenessRow } from '../model/types.ts';
import { levelLabel, percent, reportLink, STATE_COLORS, TIMELINESS_COLORS } from './format.ts';

const PENDING = new Set(['notStarted', 'draft', 'returned']);

/** 催报: every expected report of a form and period under my unit, rates per level, reminders. */
export function CompletenessView({ formId, period }: { formId: number; period: string }) {
  const t = useT();
  const { message } = App.useApp();
  const canRemind = useCan('stats.review');
  const me = useMe();
  // Reminders go to units below mine that have not reported; my own report is not reminded.
  const isLate = (r: CompletenessRow) => PENDING.has(r.state) && r.orgUnitId !== me.orgUnitId;
  const pagination = usePagination(50);
  const query = useCompleteness(formId, period, pagination.params.page, pagination.params.pageSize);
  const log = useReminderLog(formId, period);
  const remind = useSendReminders(formId, period);
  const [selected, setSelected] = useState<number[]>([]);
  const rows = query.data?.rows ?? [];
  const late = rows.filter(isLate);

  const send = (orgUnitIds: number[] | undefined, escalate: boolean) =>
    remind.mutate(
      { orgUnitIds, escalate },
      {
        onSuccess: (r) => {
          void message.success(t('stats.remind.sent', { n: r.reminded, recipients: r.recipients }));
          setSelected([]);
        },
      },
    );

  return (
    <div data-testid="completeness">
      {query.isError && (
        <Alert type="error" showIcon title={describeError(t, query.error)} style={{ marginBottom: 12 }} />
      )}
      <Row gutter={12} style={{ marginBottom: 12 }}>
        {(query.data?.levels ?? []).map((l) => (
          <Col key={l.level} xs={24} md={12} xl={6}>
            <Card size="small" data-testid={`rate-${l.level}`}>
              <Typography.Text strong>{levelLabel(t, l.level)}</Typography.Text>
              <Typography.Text type="secondary">
                {' '}
                · {t('stats.rates.expected', { n: l.expected })}
              </Typography.Text>
              <Flex gap={16} style={{ marginTop: 8 }}>
                <div style={{ flex: 1 }}>
                  <div>{t('stats.rates.completeness')}</div>
                  <Progress percent={Math.round(l.completeness * 1000) / 10} size="small" />
                </div>
                <div style={{ flex: 1 }}>
                  <div>{t('stats.rates.on-time')}</div>
                  <Progress
                    percent={Math.round(l.onTimeRate * 1000) / 10}
                    size="small"
                    strokeColor="#52c41a"
                  />
                </div>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('stats.rates.detail', { submitted: l.submitted, onTime: l.onTime, approved: l.approved })}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      {canRemind && (
        <Space style={{ marginBottom: 8 }} wrap>
          <Button
            icon={<BellOutlined />}
            data-testid="remind-selected"
            disabled={selected.length === 0}
            loading={remind.isPending}
            onClick={() => send(selected, false)}
          >
            {t('stats.remind.selected', { n: selected.length })}
          </Button>
          <Button
            data-testid="remind-all"
            // Late units on later pages count too: only a complete, all-reported page disables it.
            disabled={late.length === 0 && (query.data?.total ?? 0) <= rows.length}
            loading={remind.isPending}
            onClick={() => send(undefined, false)}
          >
            {t('stats.remind.all-late')}
          </Button>
          <Button
            icon={<RiseOutlined />}
            disabled={selected.length === 0}
            loading={remind.isPending}
            onClick={() => send(selected, true)}
          >
            {t('stats.remind.escalate')}
          </Button>
        </Space>
      )}
      <div data-testid="completeness-grid">
        <Table<CompletenessRow>
          size="small"
          rowKey="orgUnitId"
          loading={query.isFetching}
          dataSource={rows}
          pagination={{
            pageSize: 50,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { total }),
          }}
          scroll={{ x: 'max-content' }}
          rowSelection={
            canRemind
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as number[]),
                  getCheckboxProps: (r) => ({ disabled: !isLate(r) }),
                }
              : undefined
          }
          onRow={(r) => ({ 'data-testid': `completeness-row-${r.code}`, 'data-state': r.state }) as never}
          columns={[
            {
              title: t('stats.field.org'),
              key: 'name',
              render: (_, r) => <Link to={reportLink(formId, r.orgUnitId, period)}>{r.name}</Link>,
            },
            { title: t('stats.field.level'), key: 'level', render: (_, r) => levelLabel(t, r.level) },
            { title: t('stats.field.kind'), key: 'kind', render: (_, r) => t(`stats.kind.${r.kind}`) },
            {
              title: t('stats.field.state'),
              key: 'state',
              render: (_, r) => <Tag color={STATE_COLORS[r.state]}>{t(`stats.state.${r.state}`)}</Tag>,
            },
            {
              title: t('stats.field.timeliness'),
              key: 'timeliness',
              render: (_, r) => (
                <Tag color={TIMELINESS_COLORS[r.timeliness]}>{t(`stats.timeliness.${r.timeliness}`)}</Tag>
              ),
            },
            {
              title: t('stats.field.submitted-at'),
              key: 'submittedAt',
              render: (_, r) => formatDateTime(r.submittedAt),
            },
            {
              title: t('stats.field.approved-at'),
              key: 'approvedAt',
              render: (_, r) => formatDateTime(r.approvedAt),
            },
            {
              title: t('stats.field.reminders'),
              key: 'reminders',
              render: (_, r) =>
                r.reminders > 0 ? `${r.reminders} · ${formatDateTime(r.lastReminderAt)}` : '—',
            },
            ...(canRemind
              ? [
                  {
                    title: '',
                    key: 'remind',
                    render: (_: unknown, r: CompletenessRow) =>
                      isLate(r) && (
                        <Button
                          size="small"
                          icon={<BellOutlined />}
                          onClick={() => send([r.orgUnitId], false)}
                        >
                          {t('stats.remind.one')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      <Card size="small" title={t('stats.remind.log')} style={{ marginTop: 12 }} data-testid="reminder-log">
        <Table
          size="small"
          rowKey="id"
          loading={log.isFetching}
          dataSource={log.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('stats.remind.none') }}
          columns={[
            { title: t('stats.field.sent-at'), key: 'sentAt', render: (_, r) => formatDateTime(r.sentAt) },
            { title: t('stats.field.org'), dataIndex: 'orgName' },
            {
              title: t('stats.remind.kind'),
              key: 'kind',
              render: (_, r) =>
                r.escalatedToOrgUnitId ? t('stats.remind.escalated') : t('stats.remind.reminded'),
            },
            { title: t('stats.remind.recipients'), dataIndex: 'recipients' },
            { title: t('stats.remind.by'), key: 'by', render: (_, r) => r.sentBy ?? '—' },
          ]}
        />
      </Card>
      {query.data && rows.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('stats.rates.overall', {
            rate: percent(rows.filter((r) => !PENDING.has(r.state)).length / rows.length),
          })}
        </Typography.Text>
      )}
    </div>
  );
}
