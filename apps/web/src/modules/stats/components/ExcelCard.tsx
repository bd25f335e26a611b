import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../api/error-message.ts';
import { useT } from '../../../i18n/useT.ts';
import { statsKeys, uploadWorkbook, workbookUrl } from '../api/stats.ts';
import type { ReportRef, WorkbookUploadResult } from '../model/types.ts';

/**
 * The report as the official form-shaped workbook, and filling it offline: an upload is first a
 * dry run (the changes it would make and every per-cell error, by sheet reference), then imported.
 */
export function ExcelCard({ reportRef, canUpload }: { reportRef: ReportRef; canUpload: boolean }) {
  const t = useT();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<WorkbookUploadResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (f: File, dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const r = await uploadWorkbook(reportRef, f, dryRun);
      setResult(r);
      if (!dryRun) {
        setFile(null);
        await client.invalidateQueries({ queryKey: statsKeys.report(reportRef) });
      }
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('stats.excel.title')} data-testid="excel-card">
      <Flex gap={8} wrap>
        <Button icon={<DownloadOutlined />} href={workbookUrl(reportRef)} data-testid="excel-download">
          {t('stats.excel.download')}
        </Button>
        {canUpload && (
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f);
              void upload(f, true);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy} data-testid="excel-upload">
              {t('stats.excel.upload')}
            </Button>
          </Upload>
        )}
      </Flex>
      {error && <Alert type="error" showIcon style={{ marginTop: 8 }} title={error} />}
      {result && (
        <div style={{ marginTop: 8 }} data-testid="excel-result">
          <Alert
            type={result.ok ? (result.dryRun ? 'info' : 'success') : 'error'}
            showIcon
            title={
              result.dryRun
                ? t('stats.excel.dry-run', { changes: result.changes.length, errors: result.errors.length })
                : t('stats.excel.imported', { n: result.imported })
            }
          />
          {result.errors.length > 0 && (
            <Table
              size="small"
              style={{ marginTop: 8 }}
              pagination={false}
              rowKey={(e) => `${e.ref}-${e.code}-${e.cellKey}`}
              dataSource={result.errors}
              columns={[
                { title: t('stats.excel.ref'), dataIndex: 'ref', width: 80 },
                { title: t('stats.excel.address'), dataIndex: 'address', width: 90 },
                { title: t('stats.excel.message'), dataIndex: 'message' },
              ]}
            />
          )}
          {result.changes.length > 0 && (
            <Table
              size="small"
              style={{ marginTop: 8 }}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              rowKey="cellKey"
              dataSource={result.changes}
              columns={[
                { title: t('stats.excel.ref'), dataIndex: 'ref', width: 80 },
                { title: t('stats.excel.address'), dataIndex: 'address', width: 90 },
                { title: t('stats.excel.before'), key: 'before', render: (_, c) => c.before ?? '—' },
                {
                  title: t('stats.excel.after'),
                  key: 'after',
                  render: (_, c) => <Typography.Text strong>{c.after ?? '—'}</Typography.Text>,
                },
              ]}
            />
          )}
          {result.dryRun && result.ok && file && result.changes.length > 0 && (
            <Button
              type="primary"
              style={{ marginTop: 8 }}
              loading={busy}
              onClick={() => void upload(file, false)}
              data-testid="excel-import"
            >
              {t('stats.excel.confirm')}
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}
