import { DatePicker, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../../i18n/useT.ts';
import { EChart } from '../../../../ui/charts/EChart.tsx';
import type { ChartOption } from '../../../../ui/charts/echarts.ts';
import { DataTable } from '../../../../ui/DataTable.tsx';
import { usePagination } from '../../../../ui/usePagination.ts';
import { useKbUsage } from '../../hooks/useKb.ts';
import type { KbUsage } from '../../types.ts';
import { beijingToday, shiftDay } from '../labels.ts';
import { KbStatusTag } from './KbStatusTag.tsx';

/** Article-use KPI: views by agents and instant answers that cited the article. */
export function KbUsagePanel() {
  const t = useT();
  const today = beijingToday();
  const [range, setRange] = useState<[string, string]>([shiftDay(today, -29), today]);
  const pagination = usePagination(10);
  const usage = useKbUsage(range[0], range[1], pagination.params);
  const items = usage.data?.items ?? [];
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 180, right: 24, top: 32, bottom: 24 },
      yAxis: { type: 'category', inverse: true, data: items.map((u) => u.title) },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('hla.kb.usage.citations'),
          type: 'bar',
          data: items.map((u) => u.citations),
          color: '#1356b8',
        },
        { name: t('hla.kb.usage.views'), type: 'bar', data: items.map((u) => u.views), color: '#91caff' },
      ],
    }),
    [items, t],
  );
  const columns: ColumnsType<KbUsage> = [
    {
      title: t('hla.kb.field.title'),
      dataIndex: 'title',
      render: (v: string, u) => <Link to={`/hotline-admin/kb/${u.id}`}>{v}</Link>,
    },
    { title: t('hla.kb.field.org'), dataIndex: 'orgName' },
    {
      title: t('hla.kb.field.status'),
      dataIndex: 'status',
      render: (s: KbUsage['status']) => <KbStatusTag status={s} />,
    },
    { title: t('hla.kb.usage.citations'), dataIndex: 'citations' },
    { title: t('hla.kb.usage.views'), dataIndex: 'views' },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space>
        <Typography.Text>{t('hla.period')}</Typography.Text>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(v) => {
            if (v?.[0] && v[1]) {
              pagination.reset();
              setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')]);
            }
          }}
        />
      </Space>
      {items.length > 0 && (
        <EChart option={option} height={Math.max(160, items.length * 36 + 60)} testId="kb-usage-chart" />
      )}
      <DataTable<KbUsage>
        rowKey="id"
        query={usage}
        pagination={pagination}
        columns={columns}
        testId="kb-usage"
      />
    </Space>
  );
}
