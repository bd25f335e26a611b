import { Card, Col, Row, Statistic, Tabs } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../../../i18n/useT.ts';
import { EChart } from '../../../../ui/charts/EChart.tsx';
import type { ChartOption } from '../../../../ui/charts/echarts.ts';
import { useBoardTickets, usePendingExtensions, useUrges } from '../../hooks/useOversight.ts';
import { useUnitRanking } from '../../hooks/useStats.ts';
import { beijingToday, shiftDay } from '../labels.ts';
import { CardTickets } from './CardTickets.tsx';
import { PendingExtensions } from './PendingExtensions.tsx';
import { UrgeRecords } from './UrgeRecords.tsx';

const ONE = { page: 1, pageSize: 1 };

/** 督办看板: red and yellow cards, supervision and urging, extensions waiting for the centre. */
export function SupervisionBoard() {
  const t = useT();
  const today = beijingToday();
  // The units of the jurisdiction with their open red cards, over the last year's tickets.
  const units = useUnitRanking(shiftDay(today, -365), today, { page: 1, pageSize: 200 });
  const red = useBoardTickets(ONE, { card: 'red' });
  const yellow = useBoardTickets(ONE, { card: 'yellow' });
  const supervised = useBoardTickets(ONE, { supervised: true });
  const openUrges = useUrges(ONE, { open: true });
  const pending = usePendingExtensions(ONE);
  const unitItems = units.data?.items ?? [];
  const withRed = unitItems.filter((u) => u.overdueOpen > 0).sort((a, b) => b.overdueOpen - a.overdueOpen);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 160, right: 24, top: 16, bottom: 24 },
      yAxis: { type: 'category', inverse: true, data: withRed.map((u) => u.orgName) },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('hla.card.red'), type: 'bar', data: withRed.map((u) => u.overdueOpen), color: '#cf1322' },
      ],
    }),
    [withRed, t],
  );
  const stat = (title: string, value: number | undefined, color?: string) => (
    <Col xs={12} md={8} xl={4}>
      <Card size="small">
        <Statistic title={title} value={value ?? '—'} valueStyle={color ? { color } : undefined} />
      </Card>
    </Col>
  );
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="board-counts">
        {stat(t('hla.card.red'), red.data?.total, '#cf1322')}
        {stat(t('hla.card.yellow'), yellow.data?.total, '#d48806')}
        {stat(t('hla.ticket.supervised'), supervised.data?.total, '#531dab')}
        {stat(t('hla.urge.open'), openUrges.data?.total)}
        {stat(t('hla.ext.pending'), pending.data?.total)}
      </Row>
      {withRed.length > 0 && (
        <Card size="small" title={t('hla.board.red-by-unit')} style={{ marginBottom: 12 }}>
          <EChart option={option} height={Math.max(140, withRed.length * 32 + 40)} testId="board-red-chart" />
        </Card>
      )}
      <Card size="small">
        <Tabs
          items={[
            { key: 'cards', label: t('hla.board.tab.cards'), children: <CardTickets units={unitItems} /> },
            { key: 'urges', label: t('hla.board.tab.urges'), children: <UrgeRecords /> },
            { key: 'extensions', label: t('hla.board.tab.extensions'), children: <PendingExtensions /> },
          ]}
        />
      </Card>
    </>
  );
}
