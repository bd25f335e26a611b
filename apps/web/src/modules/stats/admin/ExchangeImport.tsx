import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Row,
  Select,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { describeError } from '../../../api/error-message.ts';
import { useT } from '../../../i18n/useT.ts';
import { useForms } from '../hooks/useStats.ts';
import { importDataValues } from './api.ts';
import type { ImportStrategy, ImportSummary } from './types.ts';

const STRATEGIES: ImportStrategy[] = ['CREATE_AND_UPDATE', 'CREATE', 'UPDATE', 'DELETE'];
const STATUS_COLOR = { SUCCESS: 'green', WARNING: 'orange', ERROR: 'red' } as const;

/** JSON if the file says so (by name or by its first character), otherwise CSV. */
const formatOf = (name: string, text: string): 'json' | 'csv' =>
  /\.json$/i.test(name) || /^\s*[{[]/.test(text) ? 'json' : 'csv';

/**
 * Import of DHIS2 dataValueSets (JSON or CSV): a dry run first shows what would happen — counts
 * and every conflict, with the rows it concerns — then the same file is imported for real. The
 * server applies the same locks, windows, jurisdiction and audit as online filling.
 */
export function ExchangeImport() {
  const t = useT();
  const client = useQueryClient();
  const forms = useForms();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [strategy, setStrategy] = useState<ImportStrategy>('CREATE_AND_UPDATE');
  const [dataSet, setDataSet] = useState<string | undefined>();
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (asDryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const s = await importDataValues(file.text, formatOf(file.name, file.text), {
        dryRun: asDryRun,
        importStrategy: strategy,
        dataSet,
      });
      setSummary(s);
      if (!asDryRun) await client.invalidateQueries({ queryKey: ['stats'] });
    } catch (e) {
      setSummary(null);
      setError(describeError(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('stats.admin.import.title')} data-testid="import-card">
      <Typography.Paragraph type="secondary">{t('stats.admin.import.hint')}</Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8 }}>
        <Form.Item label={t('stats.admin.import.file')}>
          <Upload
            accept=".json,.csv,text/csv,application/json"
            showUploadList={false}
            beforeUpload={async (f) => {
              setFile({ name: f.name, text: await f.text() });
              setSummary(null);
              setError(null);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="import-file">
              {file ? file.name : t('stats.admin.import.choose')}
            </Button>
          </Upload>
        </Form.Item>
        <Form.Item label={t('stats.admin.import.strategy')}>
          <Select
            style={{ width: 220 }}
            value={strategy}
            onChange={setStrategy}
            options={STRATEGIES.map((s) => ({ value: s, label: `${s} · ${t(`stats.admin.strategy.${s}`)}` }))}
            data-testid="import-strategy"
          />
        </Form.Item>
        <Form.Item label={t('stats.admin.import.data-set')} tooltip={t('stats.admin.import.data-set-hint')}>
          <Select
            allowClear
            style={{ width: 260 }}
            value={dataSet}
            onChange={setDataSet}
            options={(forms.data?.items ?? []).map((f) => ({ value: f.code, label: `${f.code} ${f.name}` }))}
            data-testid="import-data-set"
          />
        </Form.Item>
        <Form.Item label={t('stats.admin.import.dry-run')}>
          <Switch checked={dryRun} onChange={setDryRun} data-testid="import-dry-run" />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            disabled={!file}
            loading={busy}
            onClick={() => void run(dryRun)}
            data-testid="import-run"
          >
            {dryRun ? t('stats.admin.import.run-dry') : t('stats.admin.import.run')}
          </Button>
        </Form.Item>
      </Form>
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="import-error" />
      )}
      {summary && (
        <Flex
          vertical
          gap={12}
          style={{ marginTop: 16 }}
          data-testid="import-summary"
          data-status={summary.status}
        >
          <Alert
            showIcon
            type={
              summary.status === 'SUCCESS' ? 'success' : summary.status === 'WARNING' ? 'warning' : 'error'
            }
            title={
              <>
                <Tag color={STATUS_COLOR[summary.status]}>{summary.status}</Tag>
                {summary.dryRun ? t('stats.admin.import.was-dry') : t('stats.admin.import.was-real')}{' '}
                {summary.importStrategy}
              </>
            }
            description={summary.description}
          />
          <Row gutter={16}>
            {(['imported', 'updated', 'ignored', 'deleted'] as const).map((k) => (
              <Col key={k} xs={12} md={6}>
                <Card size="small">
                  <Statistic
                    title={t(`stats.admin.import.count.${k}`)}
                    value={summary.importCount[k]}
                    data-testid={`import-count-${k}`}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          {summary.conflicts.length > 0 && (
            <Table
              size="small"
              data-testid="import-conflicts"
              title={() => t('stats.admin.import.conflicts', { n: summary.conflicts.length })}
              rowKey={(c) => `${c.errorCode}-${c.object}-${c.indexes.join(',')}`}
              dataSource={summary.conflicts}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: t('stats.admin.import.error-code'), dataIndex: 'errorCode', width: 100 },
                { title: t('stats.admin.import.object'), dataIndex: 'object' },
                { title: t('stats.admin.import.value'), dataIndex: 'value' },
                {
                  title: t('stats.admin.import.rows'),
                  key: 'indexes',
                  render: (_, c) => c.indexes.map((i) => i + 1).join(', '),
                },
              ]}
            />
          )}
          {summary.dryRun && summary.status !== 'ERROR' && (
            <div>
              <Button
                type="primary"
                loading={busy}
                onClick={() => void run(false)}
                data-testid="import-confirm"
              >
                {t('stats.admin.import.confirm')}
              </Button>
            </div>
          )}
        </Flex>
      )}
    </Card>
  );
}
