import { Descriptions, Table, Typography } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import type { AuditEntry } from '../types.ts';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const show = (value: unknown): string => (value === undefined ? '' : JSON.stringify(value, null, 2));

interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

function diffRows(before: unknown, after: unknown): DiffRow[] | null {
  if (!(isObject(before) || before === null) || !(isObject(after) || after === null)) return null;
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.map((key) => {
    const b = before?.[key];
    const a = after?.[key];
    return { key, before: b, after: a, changed: show(b) !== show(a) };
  });
}

const pre = (value: unknown) => (
  <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>{show(value)}</pre>
);

export interface AuditDiffProps {
  entry: AuditEntry;
}

/** Before and after side by side, field by field, changed fields highlighted. */
export function AuditDiff({ entry }: AuditDiffProps) {
  const t = useT();
  const rows = diffRows(entry.before, entry.after);
  return (
    <div data-testid="audit-diff">
      <Descriptions
        size="small"
        column={{ xs: 1, lg: 3 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'ip', label: 'IP', children: entry.ip ?? '—' },
          { key: 'request', label: t('audit.field.request-id'), children: entry.requestId ?? '—' },
          {
            key: 'hash',
            label: t('audit.field.hash'),
            children: (
              <Typography.Text code copyable ellipsis style={{ maxWidth: 320 }}>
                {entry.hash}
              </Typography.Text>
            ),
          },
        ]}
      />
      {rows ? (
        <Table<DiffRow>
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rows}
          locale={{ emptyText: t('audit.diff.empty') }}
          onRow={(row) => ({ style: row.changed ? { background: '#fffbe6' } : undefined })}
          columns={[
            { title: t('audit.diff.field'), dataIndex: 'key', width: 180 },
            { title: t('audit.diff.before'), dataIndex: 'before', render: pre },
            { title: t('audit.diff.after'), dataIndex: 'after', render: pre },
          ]}
        />
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
          <div>
            <Typography.Text strong>{t('audit.diff.before')}</Typography.Text>
            {pre(entry.before)}
          </div>
          <div>
            <Typography.Text strong>{t('audit.diff.after')}</Typography.Text>
            {pre(entry.after)}
          </div>
        </div>
      )}
    </div>
  );
}
