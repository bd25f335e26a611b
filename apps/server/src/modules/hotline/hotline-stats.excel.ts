import ExcelJS from 'exceljs';
import type { HotlineSummary, toUnitDto } from './hotline-stats.service.ts';

type UnitDto = ReturnType<typeof toUnitDto>;

const percent = (r: number | null) => (r === null ? '—' : r);

/** The statistics table as a workbook: 汇总, 受理渠道, 诉求类型, 业务领域, 地区, 单位排名. */
export async function statsWorkbook(
  title: string,
  summary: HotlineSummary,
  units: readonly UnitDto[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'jtgov';
  const head = (sheet: ExcelJS.Worksheet) => {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  };

  const overview = book.addWorksheet('汇总');
  overview.columns = [
    { header: '指标', key: 'name', width: 24 },
    { header: '数值', key: 'value', width: 16, style: { numFmt: '0.00%' } },
    { header: '分子', key: 'part', width: 12 },
    { header: '分母', key: 'whole', width: 12 },
  ];
  head(overview);
  overview.addRow({ name: title });
  overview.addRow({ name: '受理总量', value: summary.received });
  overview.getRow(3).getCell('value').numFmt = '0';
  overview.addRow({
    name: '即时答复率',
    value: percent(summary.instantAnswer.rate),
    part: summary.instantAnswer.answered,
    whole: summary.instantAnswer.inquiries,
  });
  overview.addRow({
    name: '限时办结率',
    value: percent(summary.onTimeClosure.rate),
    part: summary.onTimeClosure.onTime,
    whole: summary.onTimeClosure.closed,
  });
  const s = summary.satisfaction;
  overview.addRow({
    name: '回访满意率',
    value: percent(s.rate),
    part: s.satisfied + s.basicallySatisfied,
    whole: s.satisfied + s.basicallySatisfied + s.dissatisfied,
  });

  for (const [name, rows] of [
    ['受理渠道', summary.byChannel],
    ['诉求类型', summary.byType],
    ['业务领域', summary.byDomain],
    ['地区', summary.byRegion],
  ] as const) {
    const sheet = book.addWorksheet(name);
    sheet.columns = [
      { header: name, key: 'name', width: 28 },
      { header: '受理量', key: 'count', width: 12 },
      { header: '占比', key: 'share', width: 12, style: { numFmt: '0.00%' } },
    ];
    head(sheet);
    for (const r of rows)
      sheet.addRow({
        name: r.name,
        count: r.count,
        share: summary.received > 0 ? r.count / summary.received : 0,
      });
  }

  const ranking = book.addWorksheet('单位排名');
  ranking.columns = [
    { header: '排名', key: 'rank', width: 8 },
    { header: '承办单位', key: 'orgName', width: 30 },
    { header: '承办量', key: 'received', width: 10 },
    { header: '办结量', key: 'closed', width: 10 },
    { header: '限时办结量', key: 'closedOnTime', width: 12 },
    { header: '限时办结率', key: 'onTimeRate', width: 12, style: { numFmt: '0.00%' } },
    { header: '超期未结', key: 'overdueOpen', width: 10 },
    { header: '回访满意率', key: 'satisfactionRate', width: 12, style: { numFmt: '0.00%' } },
  ];
  head(ranking);
  for (const u of units)
    ranking.addRow({
      ...u,
      onTimeRate: percent(u.onTimeRate),
      satisfactionRate: percent(u.satisfactionRate),
    });

  return Buffer.from(await book.xlsx.writeBuffer());
}
