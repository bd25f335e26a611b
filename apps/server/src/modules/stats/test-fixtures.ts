import type { IndicatorDef, LayoutDef } from './layout.ts';

/**
 * 公路里程 by 行政等级 (rows) × 技术等级 × 路面类型 (columns), shaped after 交通运输综合统计报表制度's
 * highway mileage form (交行统1-1表). Used by tests and demo content.
 */
const km = (code: string, name: string): IndicatorDef => ({
  code,
  name,
  unit: '公里',
  valueType: 'number',
  decimals: 3,
  aggregation: 'sum',
  min: 0,
});

export const highwayMileageLayout: LayoutDef = {
  rows: [
    {
      indicator: km('total', '公路里程合计'),
      sumOf: ['national', 'provincial', 'county', 'township', 'special', 'village'],
    },
    { indicator: km('national', '国道'), indent: 1 },
    { indicator: km('provincial', '省道'), indent: 1 },
    { indicator: km('county', '县道'), indent: 1 },
    { indicator: km('township', '乡道'), indent: 1 },
    { indicator: km('special', '专用公路'), indent: 1 },
    { indicator: km('village', '村道'), indent: 1 },
  ],
  dimensions: [
    {
      code: 'grade',
      name: '按技术等级',
      options: [
        { code: 'expressway', name: '高速' },
        { code: 'class1', name: '一级' },
        { code: 'class2', name: '二级' },
        { code: 'class3', name: '三级' },
        { code: 'class4', name: '四级' },
        { code: 'substandard', name: '等外' },
      ],
    },
    {
      code: 'pavement',
      name: '按路面类型',
      options: [
        { code: 'paved', name: '有铺装' },
        { code: 'simple', name: '简易铺装' },
        { code: 'unpaved', name: '未铺装' },
      ],
    },
  ],
  total: true,
  subtotals: true,
  // Expressways are always paved; a county road is never an expressway in this form.
  disabled: [
    'national.expressway_unpaved',
    'county.expressway_paved',
    'county.expressway_simple',
    'county.expressway_unpaved',
  ],
};
