import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Progress, Row, Space, Statistic, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { describeError } from '../../../../api/error-message.ts';
import { useT } from '../../../../i18n/useT.ts';
import { DataTable } from '../../../../ui/DataTable.tsx';
import { usePagination } from '../../../../ui/usePagination.ts';
import { exportUrl } from '../../api/stats.ts';
import { useStatsSummary, useUnitRanking } from '../../hooks/useStats.ts';
import type { CountItem, UnitPerformance } from '../../types.ts';
import { beijingToday, labelOf, percent, shiftDay } from '../labels.ts';
import { CountChart } from './CountChart.tsx';

function RateCard({
  title,
  rate,
  detail,
  testId,
}: {
  title: string;
  rate: number | null;
  detail: string;
  testId: string;
}) {
  return (
    <Card size="small">
      <Space align="center" size="large">
        <Progress
          type="circle"
          size={72}
          percent={rate === null ? 0 : Math.round(rate * 1000) / 10}
          format={() => (rate === null ? '—' : `${Math.round(rate * 100)}%`)}
        />
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{title}</Typography.Text>
          <Typography.Text data-testid={testId} style={{ fontSize: 20 }}>
            {percent(rate)}
          </Typography.Text>
          <Typography.Text type="secondary">{detail}</Typography.Text>
        </Space>
      </Space>
    </Card>
  );
}

/** Statistics of the caller's jurisdiction in the manner of JT/T 1019.5, with the Excel export. */
export function StatsDashboard() {
  const t = useT();
  const today = beijingToday();
  const [range, setRange] = useState<[string, string]>([shiftDay(today, -29), today]);
  const [from, to] = range;
  const summary = useStatsSummary(from, to);
  const pagination = usePagination();
  const units = useUnitRanking(from, to, pagination.params);
  const s = summary.data;
  const byKey = useCallback(
    (group: 'channel' | 'type' | 'domain') => (i: CountItem) => labelOf(t, group, i.key, i.name),
    [t],
  );
  const channel = byKey('channel');
  const type = byKey('type');
  const domain = byKey('domain');
  const region = useCallback((i: CountItem) => i.name, []);

  const columns: ColumnsType<UnitPerformance> = [
    { title: t('hla.stats.rank'), dataIndex: 'rank', width: 64 },
    { title: t('hla.stats.unit'), dataIndex: 'orgName' },
    { title: t('hla.stats.received'), dataIndex: 'received' },
    { title: t('hla.stats.closed'), dataIndex: 'closed' },
    { title: t('hla.stats.closed-on-time'), dataIndex: 'closedOnTime' },
    { title: t('hla.stats.on-time-rate'), dataIndex: 'onTimeRate', render: percent },
    { title: t('hla.stats.overdue-open'), dataIndex: 'overdueOpen' },
    { title: t('hla.stats.satisfaction-rate'), dataIndex: 'satisfactionRate', render: percent },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Typography.Text>{t('hla.period')}</Typography.Text>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(from), dayjs(to)]}
          onChange={(v) => {
            if (v?.[0] && v[1]) {
              pagination.reset();
              setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')]);
            }
          }}
          data-testid="stats-range"
        />
        <Button icon={<DownloadOutlined />} href={exportUrl(from, to)} download data-testid="stats-export">
          {t('hla.stats.export')}
        </Button>
      </Space>
      {summary.isError && <Alert type="error" showIcon title={describeError(t, summary.error)} />}
      {s && (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={12} xl={6}>
              <Card size="small" style={{ height: '100%' }}>
                <div data-testid="stats-received">
                  <Statistic
                    title={t('hla.stats.received')}
                    value={s.received}
                    styles={{ content: { fontSize: 32 } }}
                  />
                </div>
              </Card>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <RateCard
                title={t('hla.stats.instant-answer')}
                rate={s.instantAnswer.rate}
                detail={t('hla.stats.instant-answer.detail', { ...s.instantAnswer, rate: '' })}
                testId="stats-instant-rate"
              />
            </Col>
            <Col xs={24} md={12} xl={6}>
              <RateCard
                title={t('hla.stats.on-time')}
                rate={s.onTimeClosure.rate}
                detail={t('hla.stats.on-time.detail', { ...s.onTimeClosure, rate: '' })}
                testId="stats-on-time-rate"
              />
            </Col>
            <Col xs={24} md={12} xl={6}>
              <RateCard
                title={t('hla.stats.satisfaction')}
                rate={s.satisfaction.rate}
                detail={t('hla.stats.satisfaction.detail', { ...s.satisfaction, rate: '' })}
                testId="stats-satisfaction-rate"
              />
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <CountChart
                title={t('hla.stats.by-channel')}
                items={s.byChannel}
                label={channel}
                color="#1356b8"
                testId="stats-chart-channel"
              />
            </Col>
            <Col xs={24} xl={12}>
              <CountChart
                title={t('hla.stats.by-type')}
                items={s.byType}
                label={type}
                color="#389e0d"
                testId="stats-chart-type"
              />
            </Col>
            <Col xs={24} xl={12}>
              <CountChart
                title={t('hla.stats.by-domain')}
                items={s.byDomain}
                label={domain}
                color="#d48806"
                testId="stats-chart-domain"
              />
            </Col>
            <Col xs={24} xl={12}>
              <CountChart
                title={t('hla.stats.by-region')}
                items={s.byRegion}
                label={region}
                color="#531dab"
                testId="stats-chart-region"
              />
            </Col>
          </Row>
        </>
      )}
      <Card size="small" title={t('hla.stats.ranking')}>
        <DataTable<UnitPerformance>
          rowKey="orgUnitId"
          query={units}
          pagination={pagination}
          columns={columns}
          testId="stats-units"
        />
      </Card>
    </Space>
  );
}
