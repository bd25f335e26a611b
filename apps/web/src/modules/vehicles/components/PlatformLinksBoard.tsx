import { App, Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../api/error-message.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { usePagination } from '../../../ui/usePagination.ts';
import type { LinkReport, PlatformLink } from '../api/platform-links.ts';
import {
  useLinkReports,
  useLinkTraffic,
  usePlatformLinks,
  useRequestLinkReport,
} from '../hooks/usePlatformLinks.ts';
import { LinkTrafficChart } from './LinkTrafficChart.tsx';

const DAY_MS = 86_400_000;
const orDash = (v: number | null) => (v === null ? '—' : v);

/** JT/T 809 links with their state, a chosen link's hourly traffic, and its link reports. */
export function PlatformLinksBoard() {
  const t = useT();
  const { message } = App.useApp();
  const links = usePlatformLinks();
  const [chosen, setChosen] = useState<number | null>(null);
  const link = links.data?.items.find((l) => l.id === chosen) ?? links.data?.items[0] ?? null;
  const linkId = link?.id ?? null;
  const traffic = useLinkTraffic(linkId);
  const pagination = usePagination(10);
  const reports = useLinkReports(linkId, pagination.params);
  const ask = useRequestLinkReport(linkId);
  const canAsk = link?.direction === 'subordinate' && link.edition === '2019' && link.status.subLink;

  const onAsk = () => {
    const end = new Date();
    ask.mutate(
      { startTime: new Date(end.getTime() - DAY_MS).toISOString(), endTime: end.toISOString() },
      {
        onSuccess: (r) =>
          void message.success(t(r.answeredAt ? 'vlink.report.answered' : 'vlink.report.unanswered')),
        onError: (err) => void message.error(describeError(t, err)),
      },
    );
  };

  return (
    <>
      <PageHeader title={t('nav.vehicles-platform-links')} subtitle={t('vlink.subtitle')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Table<PlatformLink>
          data-testid="platform-links-table"
          size="middle"
          rowKey="id"
          loading={links.isFetching && !links.data}
          dataSource={links.data?.items ?? []}
          pagination={false}
          rowSelection={{
            type: 'radio',
            selectedRowKeys: linkId === null ? [] : [linkId],
            onChange: (keys) => setChosen(Number(keys[0])),
          }}
          onRow={(l) => ({ onClick: () => setChosen(l.id) })}
          columns={[
            { title: t('vlink.field.name'), dataIndex: 'name' },
            { title: t('vlink.field.direction'), render: (_, l) => t(`vlink.direction.${l.direction}`) },
            { title: t('vlink.field.org'), dataIndex: 'orgName' },
            { title: t('vlink.field.edition'), dataIndex: 'edition' },
            {
              title: t('vlink.field.status'),
              render: (_, l) => (
                <Tag
                  data-testid={`link-status-${l.id}`}
                  color={l.status.connected ? 'green' : l.enabled ? 'red' : 'default'}
                >
                  {t(
                    l.status.connected
                      ? 'vlink.status.connected'
                      : l.enabled
                        ? 'vlink.status.down'
                        : 'vlink.status.disabled',
                  )}
                </Tag>
              ),
            },
            {
              title: t('vlink.field.positions'),
              render: (_, l) =>
                l.direction === 'superior' ? l.status.positionsForwarded : l.status.positionsReceived,
            },
            { title: t('vlink.field.reconnects'), render: (_, l) => l.status.reconnects },
            { title: t('vlink.field.lastError'), render: (_, l) => l.status.lastError ?? '—' },
          ]}
        />
      </Card>
      {link && (
        <Card size="small" title={t('vlink.traffic.title', { name: link.name })} style={{ marginBottom: 16 }}>
          <LinkTrafficChart hours={traffic.data?.hours ?? []} />
        </Card>
      )}
      {link && (
        <Card
          size="small"
          title={t('vlink.report.title')}
          extra={
            <Space>
              <Button
                type="primary"
                data-testid="link-report-request"
                disabled={!canAsk}
                loading={ask.isPending}
                onClick={onAsk}
              >
                {t('vlink.report.request')}
              </Button>
            </Space>
          }
        >
          <DataTable<LinkReport>
            testId="link-reports"
            query={reports}
            pagination={pagination}
            rowKey="id"
            columns={[
              { title: t('vlink.report.requestedAt'), render: (_, r) => formatDateTime(r.requestedAt) },
              { title: t('vlink.report.origin'), render: (_, r) => t(`vlink.report.origin.${r.origin}`) },
              {
                title: t('vlink.report.period'),
                render: (_, r) => `${formatDateTime(r.startTime)} – ${formatDateTime(r.endTime)}`,
              },
              {
                title: t('vlink.report.answeredAt'),
                render: (_, r) => (r.answeredAt ? formatDateTime(r.answeredAt) : t('vlink.report.none')),
              },
              { title: t('vlink.report.disconnects'), render: (_, r) => orDash(r.disconnects) },
              { title: t('vlink.report.downSeconds'), render: (_, r) => orDash(r.disconnectedSeconds) },
              { title: t('vlink.report.lost'), render: (_, r) => orDash(r.lostLocations) },
            ]}
          />
        </Card>
      )}
    </>
  );
}
