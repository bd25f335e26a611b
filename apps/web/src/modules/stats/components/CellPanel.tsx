import { Button, Card, Descriptions, Empty, Flex, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { useAddComment, useCellHistory } from '../hooks/useStats.ts';
import type { GridCell } from '../model/layout.ts';
import type { CellComment, ReportRef } from '../model/types.ts';

export interface CellPanelProps {
  reportRef: ReportRef;
  cell: GridCell | null;
  comments: readonly CellComment[];
  canComment: boolean;
}

/** The active cell: what it holds, its comments and annotations, and every earlier value. */
export function CellPanel({ reportRef, cell, comments, canComment }: CellPanelProps) {
  const t = useT();
  const [body, setBody] = useState('');
  const add = useAddComment(reportRef);
  const history = useCellHistory(reportRef, cell?.kind === 'entry' ? cell.key : null);
  if (!cell)
    return (
      <Card size="small" title={t('stats.cell.title')} data-testid="cell-panel">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stats.cell.pick')} />
      </Card>
    );
  const mine = comments.filter((c) => c.cellKey === cell.key);
  const ind = cell.indicator;
  return (
    <Card size="small" title={`${t('stats.cell.title')} ${cell.address}`} data-testid="cell-panel">
      <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('stats.cell.indicator')}>
          {ind.name}（{ind.code}）
        </Descriptions.Item>
        <Descriptions.Item label={t('stats.cell.key')}>
          <Typography.Text code>{cell.key}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('stats.cell.type')}>
          {t(`stats.value-type.${ind.valueType}`)}
          {ind.valueType !== 'text' &&
            ind.valueType !== 'boolean' &&
            ` · ${t('stats.cell.decimals', { n: ind.decimals })}`}
          {ind.unit && ` · ${ind.unit}`}
          {ind.min !== undefined && ` · ≥ ${ind.min}`}
          {ind.max !== undefined && ` · ≤ ${ind.max}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('stats.cell.kind')}>
          {t(`stats.cell-kind.${cell.kind}`)}
        </Descriptions.Item>
      </Descriptions>

      <Typography.Text strong>{t('stats.cell.comments')}</Typography.Text>
      <List
        size="small"
        dataSource={mine}
        locale={{ emptyText: t('stats.cell.no-comments') }}
        data-testid="cell-comments"
        renderItem={(c) => (
          <List.Item style={{ display: 'block' }}>
            {c.kind === 'annotation' && <Tag color="red">{t('stats.cell.annotation')}</Tag>}
            <Typography.Text>{c.body}</Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.author ?? '—'} · {formatDateTime(c.at)}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
      {canComment && (
        <Flex gap={8} style={{ marginTop: 8 }}>
          <Input
            data-testid="comment-input"
            value={body}
            maxLength={2000}
            placeholder={t('stats.cell.comment-placeholder')}
            onChange={(e) => setBody(e.target.value)}
          />
          <Button
            data-testid="comment-add"
            disabled={body.trim() === ''}
            loading={add.isPending}
            onClick={() =>
              add.mutate({ cellKey: cell.key, body: body.trim() }, { onSuccess: () => setBody('') })
            }
          >
            {t('stats.cell.comment-add')}
          </Button>
        </Flex>
      )}

      {cell.kind === 'entry' && (
        <>
          <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
            {t('stats.cell.history')}
          </Typography.Text>
          <List
            size="small"
            loading={history.isFetching}
            data-testid="cell-history"
            dataSource={history.data?.items ?? []}
            locale={{ emptyText: t('stats.cell.no-history') }}
            renderItem={(h) => (
              <List.Item>
                <Flex justify="space-between" style={{ width: '100%' }}>
                  <Typography.Text delete={h.deleted} strong>
                    {h.value ?? t('stats.cell.cleared')}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {h.changedBy ?? '—'} ·{' '}
                    {h.source === 'entry'
                      ? ''
                      : `${t(h.source === 'excel' ? 'stats.cell.excel' : 'stats.cell.imported')} · `}
                    {formatDateTime(h.changedAt)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
