import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../api/error-message.ts';
import { useT } from '../../../i18n/useT.ts';
import { useChangeRule, useRules } from './hooks.ts';
import { RuleModal } from './RuleModal.tsx';
import type { Rule } from './types.ts';

/** 审核公式: hard rules block submission, soft ones need a written explanation (强制上报说明). */
export function RulesCard({ formId, canManage }: { formId: number; canManage: boolean }) {
  const t = useT();
  const query = useRules(formId);
  const change = useChangeRule(formId);
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  return (
    <Card
      size="small"
      title={t('stats.rules.title')}
      extra={
        canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="rule-add">
            {t('stats.admin.rules.add')}
          </Button>
        )
      }
    >
      {query.isError && <Alert type="error" showIcon title={describeError(t, query.error)} />}
      {change.isError && <Alert type="error" showIcon title={describeError(t, change.error)} />}
      <Table<Rule>
        size="small"
        rowKey="id"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="rules-table"
        onRow={(r) => ({ 'data-testid': `rule-row-${r.code}` }) as never}
        columns={[
          { title: t('stats.grid.code'), dataIndex: 'code', width: 100 },
          { title: t('stats.admin.field.name'), dataIndex: 'name' },
          {
            title: t('stats.admin.rules.expression'),
            key: 'expression',
            render: (_, r) => <Typography.Text code>{r.expression}</Typography.Text>,
          },
          {
            title: t('stats.admin.rules.importance'),
            key: 'importance',
            render: (_, r) => (
              <Tag color={r.importance === 'hard' ? 'red' : 'orange'}>
                {t(`stats.admin.importance.${r.importance}`)}
              </Tag>
            ),
          },
          {
            title: t('stats.admin.rules.missing'),
            key: 'missing',
            render: (_, r) => t(`stats.admin.missing.${r.missingValues}`),
          },
          {
            title: t('stats.admin.rules.active'),
            key: 'active',
            render: (_, r) => (
              <Switch
                size="small"
                checked={r.active}
                disabled={!canManage}
                loading={change.isPending && change.variables?.id === r.id}
                onChange={(active) => change.mutate({ id: r.id, active })}
              />
            ),
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, r: Rule) => (
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setEditing(r)}
                      data-testid="rule-edit"
                    >
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <RuleModal
          formId={formId}
          rule={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
