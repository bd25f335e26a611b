import { Alert, Button, Card, Descriptions, Form, Select, Space, Tag, Typography } from 'antd';
import { describeError } from '../../../../api/error-message.ts';
import { useT } from '../../../../i18n/useT.ts';
import { useCategories, usePreviewRoute } from '../../hooks/useRouting.ts';
import { REQUEST_TYPES, type RoutePreviewInput } from '../../types.ts';
import { labelOf } from '../labels.ts';
import { OrgPicker } from './OrgPicker.tsx';

/** Which unit the rules give a ticket of this type, category and place, and the rules that matched. */
export function RoutePreviewCard() {
  const t = useT();
  const categories = useCategories(undefined, undefined);
  const preview = usePreviewRoute();
  const p = preview.data;
  return (
    <Card size="small" title={t('hla.preview.title')}>
      <Form<RoutePreviewInput>
        layout="inline"
        initialValues={{ requestType: 'complaint' }}
        onFinish={(v) => preview.mutate(v)}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="requestType" label={t('hla.ticket.type')} rules={[{ required: true }]}>
          <Select
            style={{ width: 130 }}
            options={REQUEST_TYPES.map((r) => ({ value: r, label: labelOf(t, 'type', r) }))}
            data-testid="preview-type"
          />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('hla.ticket.category')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 260 }}
            options={(categories.data?.items ?? []).map((c) => ({
              value: c.code,
              label: `${c.code} ${c.name}`,
            }))}
            data-testid="preview-category"
          />
        </Form.Item>
        <Form.Item name="regionOrgId" label={t('hla.rule.region')}>
          <OrgPicker testId="preview-region" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={preview.isPending} data-testid="preview-run">
            {t('hla.preview.run')}
          </Button>
        </Form.Item>
      </Form>
      {preview.isError && (
        <Alert type="error" showIcon title={describeError(t, preview.error)} style={{ marginTop: 12 }} />
      )}
      {p && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              {
                key: 'unit',
                label: t('hla.rule.handling'),
                children: (
                  <Typography.Text strong data-testid="preview-unit">
                    {p.handlingName ?? t('hla.preview.none')}
                  </Typography.Text>
                ),
              },
              {
                key: 'source',
                label: t('hla.preview.source'),
                children: <Tag data-testid="preview-source">{t(`hla.preview.source.${p.source}`)}</Tag>,
              },
              {
                key: 'candidates',
                label: t('hla.preview.candidates'),
                children:
                  p.candidates.length === 0
                    ? '—'
                    : p.candidates.map((c) => (
                        <div key={c.id}>
                          {c.id === p.ruleId ? <Tag color="green">{t('hla.preview.chosen')}</Tag> : null}
                          {[
                            c.requestType ? labelOf(t, 'type', c.requestType) : '*',
                            c.categoryPrefix ?? '*',
                            c.regionName ?? '*',
                          ].join(' × ')}{' '}
                          → {c.handlingName} ({t('hla.rule.priority')} {c.priority})
                        </div>
                      )),
              },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
