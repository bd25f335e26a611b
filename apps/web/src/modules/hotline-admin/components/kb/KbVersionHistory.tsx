import { Alert, Button, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { describeError } from '../../../../api/error-message.ts';
import { formatDateTime } from '../../../../i18n/format.ts';
import { useT } from '../../../../i18n/useT.ts';
import * as kb from '../../api/kb.ts';
import { useKbAction, useKbVersions } from '../../hooks/useKb.ts';
import { diffLines } from '../../lib/line-diff.ts';
import type { KbArticle, KbVersion } from '../../types.ts';

/** A version against the one before it: title and body line by line. */
function VersionDiff({ version, previous }: { version: KbVersion; previous: KbVersion | undefined }) {
  const t = useT();
  const before = previous ? `${previous.title}\n\n${previous.body}` : '';
  const lines = diffLines(before, `${version.title}\n\n${version.body}`);
  const style = {
    same: { color: 'inherit' },
    added: { background: '#e6ffed', color: '#135200' },
    removed: { background: '#ffeef0', color: '#a8071a', textDecoration: 'line-through' },
  } as const;
  return (
    <div data-testid="kb-diff">
      <Typography.Paragraph type="secondary">
        {previous
          ? t('hla.kb.diff.against', { version: version.version, previous: previous.version })
          : t('hla.kb.diff.first')}
      </Typography.Paragraph>
      <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }}>
        {lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the diff of two fixed texts, never reordered
          <div key={i} style={style[l.op]} data-op={l.op}>
            {l.op === 'added' ? '+ ' : l.op === 'removed' ? '− ' : '  '}
            {l.text || ' '}
          </div>
        ))}
      </pre>
    </div>
  );
}

export function KbVersionHistory({ article }: { article: KbArticle }) {
  const t = useT();
  const versions = useKbVersions(article.id);
  const [shown, setShown] = useState<KbVersion | null>(null);
  const restore = useKbAction(article.id, (version: number) => kb.restoreVersion(article.id, version));
  const items = versions.data?.items ?? [];
  const previousOf = (v: KbVersion) => items.find((p) => p.version === v.version - 1);

  const columns: ColumnsType<KbVersion> = [
    { title: t('hla.kb.field.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
    { title: t('hla.kb.field.title'), dataIndex: 'title' },
    { title: t('hla.kb.field.change-note'), dataIndex: 'changeNote', render: (n: string | null) => n ?? '—' },
    { title: t('hla.kb.field.editor'), dataIndex: 'editorName', render: (n: string | null) => n ?? '—' },
    { title: t('hla.kb.field.edited-at'), dataIndex: 'editedAt', render: (d: string) => formatDateTime(d) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, v) => (
        <Space>
          <Button size="small" onClick={() => setShown(v)} data-testid={`kb-diff-${v.version}`}>
            {t('hla.kb.diff.show')}
          </Button>
          {article.editable && v.version !== article.version && (
            <Popconfirm
              title={t('hla.kb.restore.confirm', { version: v.version })}
              onConfirm={() => restore.mutate(v.version)}
            >
              <Button size="small">{t('hla.kb.restore')}</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      {versions.isError && <Alert type="error" showIcon title={describeError(t, versions.error)} />}
      <Table<KbVersion>
        rowKey="version"
        size="middle"
        loading={versions.isFetching}
        dataSource={items}
        columns={columns}
        pagination={false}
        data-testid="kb-versions"
      />
      <Modal
        open={shown !== null}
        width={820}
        title={shown ? t('hla.kb.diff.title', { version: shown.version }) : ''}
        footer={null}
        onCancel={() => setShown(null)}
        destroyOnHidden
      >
        {shown && <VersionDiff version={shown} previous={previousOf(shown)} />}
      </Modal>
    </>
  );
}
