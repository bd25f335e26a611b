import { Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../../i18n/useT.ts';
import type { AuditFilters, AuditOutcome } from '../types.ts';

interface FilterValues {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  outcome?: AuditOutcome;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export interface AuditFilterBarProps {
  onChange: (filters: AuditFilters) => void;
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

function toFilters(values: FilterValues): AuditFilters {
  const [start, end] = values.range ?? [null, null];
  return {
    actor: text(values.actor),
    action: text(values.action),
    objectType: text(values.objectType),
    objectId: text(values.objectId),
    outcome: values.outcome,
    from: start ? start.startOf('day').toISOString() : undefined,
    to: end ? end.endOf('day').toISOString() : undefined,
  };
}

export function AuditFilterBar({ onChange }: AuditFilterBarProps) {
  const t = useT();
  const [form] = Form.useForm<FilterValues>();
  return (
    <Form<FilterValues>
      form={form}
      layout="inline"
      onFinish={(values) => onChange(toFilters(values))}
      onReset={() => onChange({})}
      style={{ rowGap: 12, marginBottom: 16 }}
      data-testid="audit-filters"
    >
      <Form.Item name="actor">
        <Input
          allowClear
          placeholder={t('audit.field.actor')}
          style={{ width: 140 }}
          data-testid="audit-filter-actor"
        />
      </Form.Item>
      <Form.Item name="action">
        <Input
          allowClear
          placeholder={t('audit.filter.action-prefix')}
          style={{ width: 160 }}
          data-testid="audit-filter-action"
        />
      </Form.Item>
      <Form.Item name="objectType">
        <Input allowClear placeholder={t('audit.field.object-type')} style={{ width: 130 }} />
      </Form.Item>
      <Form.Item name="objectId">
        <Input allowClear placeholder={t('audit.field.object-id')} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name="outcome">
        <Select<AuditOutcome>
          allowClear
          placeholder={t('audit.field.outcome')}
          style={{ width: 110 }}
          options={[
            { value: 'success', label: t('audit.outcome.success') },
            { value: 'failure', label: t('audit.outcome.failure') },
          ]}
        />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid="audit-filter-submit">
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button htmlType="reset">{t('common.reset')}</Button>
      </Form.Item>
    </Form>
  );
}
