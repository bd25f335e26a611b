import { Card, Col, Row, Statistic, Tabs } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../../../i18n/useT.ts';
import { EChart } from '../../../../ui/charts/EChart.tsx';
import type { ChartOption } from '../../../../ui/charts/echarts.ts';
import { useBoardTickets, useCardsByUnit, usePendingExtensions, useUrges } from '../../hooks/useOversight.ts';
import { CardTickets } from './CardTickets.tsx';
import { PendingExtensions } from './PendingExtensions.tsx';
import { UrgeRecords } from './UrgeRecords.tsx';

const ONE = { page: 1, pageSize: 1 };

/** 督办看板: red and yellow cards by unit, supervision and urging, extensions waiting for the centre. */
export function SupervisionBoard() {
  const t = useT();
  const byUnit = useCardsByUnit();
  const red = useBoardTickets(ONE, { card: 'red' });
  const yellow = useBoardTickets(ONE, { card: 'yellow' });
  const supervised = useBoardTickets(ONE, { supervised: true });
  const openUrges = useUrges(ONE, { open: true });
  const pending = usePendingExtensions(ONE);
  const units = byUnit.data?.items ?? [];
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 160, right: 24, top: 32, bottom: 24 },
      yAxis: { type: 'category', inverse: true, data: units.map((u) => u.orgName) },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('hla.card.red'),
          type: 'bar',
          stack: 'cards',
          data: units.map((u) => u.red),
          color: '#cf1322',
        },
        {
          name: t('hla.card.yellow'),
          type: 'bar',
          stack: 'cards',
          data: units.map((u) => u.yellow),
          color: '#faad14',
        },
        {
          name: t('hla.ticket.supervised'),
          type: 'bar',
          data: units.map((u) => u.supervised),
          color: '#722ed1',
        },
      ],
    }),
    [units, t],
  );
  const stat = (title: string, value: number | undefined, color?: string) => (
    <Col xs={12} md={8} xl={4}>
      <Card size="small">
        <Statistic title={title} value={value ?? '—'} styles={color ? { content: { color } } : undefined} />
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
      {units.length > 0 && (
        <Card size="small" title={t('hla.board.by-unit')} style={{ marginBottom: 12 }}>
          <div data-testid="board-by-unit" data-units={units.length}>
            <EChart option={option} height={Math.max(160, units.length * 40 + 60)} />
          </div>
        </Card>
      )}
      <Card size="small">
        <Tabs
          items={[
            { key: 'cards', label: t('hla.board.tab.cards'), children: <CardTickets units={units} /> },
            { key: 'urges', label: t('hla.board.tab.urges'), children: <UrgeRecords /> },
            { key: 'extensions', label: t('hla.board.tab.extensions'), children: <PendingExtensions /> },
          ]}
        />
      </Card>
    </>
  );
}
