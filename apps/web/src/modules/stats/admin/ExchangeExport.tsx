import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Radio, Row, Select, Switch, Typography } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { useOrgSearch } from '../../orgs/hooks/useOrgQueries.ts';
import { useForms } from '../hooks/useStats.ts';
import { periodLabel, recentPeriods } from '../model/periods.ts';
import { exportUrl } from './api.ts';

const FIRST_PAGE = { page: 1, pageSize: 20 };

/** Export of one form's values as DHIS2 dataValueSets, for a unit (and its children), JSON or CSV. */
export function ExchangeExport() {
  const t = useT();
  const forms = useForms();
  const [formCode, setFormCode] = useState<string | undefined>();
  const [periods, setPeriods] = useState<string[]>([]);
  const [orgCode, setOrgCode] = useState<string | undefined>();
  const [children, setChildren] = useState(true);
  const [format, setFormat] = useState<'json' | 'csv'>('csv');
  const [text, setText] = useState('');
  const search = useOrgSearch(useDeferredValue(text), FIRST_PAGE);
  const form = forms.data?.items.find((f) => f.code === formCode);
  const periodOptions = useMemo(() => (form ? recentPeriods(form.periodType, new Date(), 24) : []), [form]);
  const ready = formCode && periods.length > 0 && orgCode;
  const href = ready
    ? exportUrl({ dataSet: formCode, period: periods.join(','), orgUnit: orgCode, children, format })
    : undefined;

  return (
    <Card size="small" title={t('stats.admin.export.title')} data-testid="export-card">
      <Typography.Paragraph type="secondary">{t('stats.admin.export.hint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Row gutter={16}>
          <Col xs={24} lg={8}>
            <Form.Item label={t('stats.field.form')} required>
              <Select
                value={formCode}
                onChange={(c: string) => {
                  setFormCode(c);
                  setPeriods([]);
                }}
                options={(forms.data?.items ?? []).map((f) => ({
                  value: f.code,
                  label: `${f.code} ${f.name}`,
                }))}
                data-testid="export-form"
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={8}>
            <Form.Item label={t('stats.field.period')} required>
              <Select
                mode="multiple"
                value={periods}
                onChange={setPeriods}
                options={periodOptions.map((p) => ({ value: p, label: periodLabel(t, p) }))}
                data-testid="export-period"
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={8}>
            <Form.Item label={t('stats.field.org')} required>
              <Select
                showSearch={{ filterOption: false, onSearch: setText }}
                value={orgCode}
                onChange={setOrgCode}
                loading={search.isFetching}
                placeholder={t('org.select.placeholder')}
                notFoundContent={text.trim() ? undefined : t('org.select.type-to-search')}
                options={(search.data?.items ?? []).map((o) => ({
                  value: o.code,
                  label: `${o.name}（${o.code}）`,
                }))}
                data-testid="export-org"
              />
            </Form.Item>
          </Col>
        </Row>
        <Flex gap={24} align="end" wrap>
          <Form.Item label={t('stats.admin.export.children')}>
            <Switch checked={children} onChange={setChildren} />
          </Form.Item>
          <Form.Item label={t('stats.admin.export.format')}>
            <Radio.Group
              optionType="button"
              value={format}
              onChange={(e) => setFormat(e.target.value)}
              options={[
                { value: 'csv', label: 'CSV' },
                { value: 'json', label: 'JSON' },
              ]}
            />
          </Form.Item>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            disabled={!href}
            href={href}
            // The server names the file (form, periods, unit).
            download
            data-testid="export-download"
          >
            {t('stats.admin.export.download')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
