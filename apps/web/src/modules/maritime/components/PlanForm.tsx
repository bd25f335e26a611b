import { Button, Col, DatePicker, Divider, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/useT.ts';
import { useLeewayObjects } from '../hooks/usePlanning.ts';
import { PATTERN_TYPES } from '../types/planning.ts';
import { parseCoordinate } from './geo-format.ts';
import type { PlanFormValues } from './plan-form-values.ts';

export interface PlanFormProps {
  initial: PlanFormValues;
  computing: boolean;
  onCompute: (values: PlanFormValues) => void;
  extra?: ReactNode;
}

const num = (
  name: keyof PlanFormValues,
  label: string,
  min: number,
  max: number,
  step = 1,
  testId?: string,
) => (
  <Col span={12} key={name}>
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <InputNumber min={min} max={max} step={step} style={{ width: '100%' }} data-testid={testId} />
    </Form.Item>
  </Col>
);

export function PlanForm({ initial, computing, onCompute, extra }: PlanFormProps) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<PlanFormValues>();
  const leeway = useLeewayObjects();
  const patternType = Form.useWatch('patternType', form) ?? initial.patternType;
  const coord = (kind: 'lat' | 'lon') => ({
    validator: (_: unknown, value: string | undefined) =>
      value && parseCoordinate(value, kind) !== null
        ? Promise.resolve()
        : Promise.reject(new Error(t('incident.field.coord-invalid'))),
  });

  return (
    <Form<PlanFormValues>
      form={form}
      layout="vertical"
      size="small"
      initialValues={initial}
      onFinish={onCompute}
      data-testid="plan-form"
    >
      <Form.Item label={t('planning.lkp')} required extra={t('incident.field.coord-hint')}>
        <Flex gap={8}>
          <Form.Item name="lat" noStyle rules={[coord('lat')]}>
            <Input placeholder={t('incident.field.lat')} data-testid="plan-lat" />
          </Form.Item>
          <Form.Item name="lon" noStyle rules={[coord('lon')]}>
            <Input placeholder={t('incident.field.lon')} data-testid="plan-lon" />
          </Form.Item>
        </Flex>
      </Form.Item>
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item name="lkpAt" label={t('planning.lkp-at')} rules={[{ required: true }]}>
            <DatePicker showTime style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="datumAt" label={t('planning.datum-at')} rules={[{ required: true }]}>
            <DatePicker showTime style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="searchObject" label={t('planning.object')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={leeway.isPending}
          options={(leeway.data ?? []).map((o) => ({
            value: o.type,
            label: locale === 'zh-CN' ? o.zh : o.en,
          }))}
        />
      </Form.Item>
      <Row gutter={8}>
        {num('windSpeed', t('planning.wind-speed'), 0, 100, 1, 'plan-wind-speed')}
        {num('windFrom', t('planning.wind-from'), 0, 360, 5)}
        {num('currentSpeed', t('planning.current-speed'), 0, 100, 0.1)}
        {num('currentTowards', t('planning.current-towards'), 0, 360, 5)}
        {num('x', t('planning.error-x'), 0, 100, 0.1)}
        {num('y', t('planning.error-y'), 0, 100, 0.1)}
        {num('safetyFactor', t('planning.safety-factor'), 1, 5, 0.1)}
      </Row>
      <Divider style={{ margin: '4px 0 12px' }} />
      <Form.Item name="patternType" label={t('planning.pattern')}>
        <Select
          data-testid="plan-pattern"
          options={[
            { value: 'none', label: t('planning.pattern.none') },
            ...PATTERN_TYPES.map((p) => ({ value: p, label: t(`planning.pattern.${p}`) })),
          ]}
        />
      </Form.Item>
      {patternType !== 'none' && (
        <Row gutter={8}>
          {num('orientation', t('planning.orientation'), 0, 360, 5)}
          {patternType === 'sector' && num('sectorRadius', t('planning.sector-radius'), 0.1, 50, 0.5)}
          {patternType !== 'sector' && num('spacing', t('planning.track-spacing'), 0.1, 50, 0.5)}
          {patternType !== 'sector' && num('legs', t('planning.legs'), 1, 200)}
          {(patternType === 'parallelSweep' || patternType === 'creepingLine') &&
            num('legLength', t('planning.leg-length'), 0.1, 500)}
        </Row>
      )}
      <Flex gap={8} wrap>
        <Button type="primary" htmlType="submit" loading={computing} data-testid="plan-compute">
          {t('planning.compute')}
        </Button>
        {extra}
      </Flex>
    </Form>
  );
}
