import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Spin, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { describeError } from '../../../api/error-message.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { useVersion } from './hooks.ts';
import { LayoutView } from './LayoutView.tsx';
import { NewVersionModal } from './NewVersionModal.tsx';
import type { FormAdmin, FormVersion } from './types.ts';

/** A form's layout versions: each is in force from a period on and never changes once used. */
export function VersionsCard({
  form,
  versions,
  canManage,
}: {
  form: FormAdmin;
  versions: FormVersion[];
  canManage: boolean;
}) {
  const t = useT();
  const latest = versions.at(-1);
  const [selected, setSelected] = useState<number | undefined>(latest?.id);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    if (selected === undefined && latest) setSelected(latest.id);
  }, [selected, latest]);
  const version = useVersion(form.id, selected);
  const latestLayout = useVersion(form.id, latest?.id);

  return (
    <Flex vertical gap={12}>
      <Card
        size="small"
        title={t('stats.admin.versions.title')}
        extra={
          canManage &&
          latest && (
            <Button
              icon={<PlusOutlined />}
              disabled={!latestLayout.data}
              onClick={() => setCreating(true)}
              data-testid="version-new"
            >
              {t('stats.admin.versions.new', { n: latest.versionNo })}
            </Button>
          )
        }
      >
        <Table<FormVersion>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={[...versions].reverse()}
          rowSelection={{
            type: 'radio',
            selectedRowKeys: selected === undefined ? [] : [selected],
            onChange: (keys) => setSelected(Number(keys[0])),
          }}
          onRow={(v) =>
            ({ onClick: () => setSelected(v.id), 'data-testid': `version-row-${v.versionNo}` }) as never
          }
          columns={[
            {
              title: t('stats.admin.versions.no'),
              key: 'no',
              render: (_, v) => (
                <>
                  {t('stats.report.version', { n: v.versionNo })}{' '}
                  {v.id === latest?.id && <Tag color="blue">{t('stats.admin.versions.latest')}</Tag>}
                </>
              ),
            },
            { title: t('stats.admin.versions.from'), dataIndex: 'effectiveFrom' },
            {
              title: t('stats.admin.versions.created'),
              key: 'created',
              render: (_, v) => formatDateTime(v.createdAt),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={
          version.data
            ? t('stats.admin.versions.layout-of', {
                n: version.data.version.versionNo,
                from: version.data.version.effectiveFrom,
              })
            : t('stats.admin.versions.layout')
        }
      >
        {version.isError && <Alert type="error" showIcon title={describeError(t, version.error)} />}
        {version.isPending && selected !== undefined && <Spin />}
        {version.data && <LayoutView def={version.data.layout} />}
      </Card>
      {creating && latestLayout.data && (
        <NewVersionModal
          form={form}
          previous={latestLayout.data}
          onClose={(created) => {
            setCreating(false);
            if (created !== undefined) setSelected(created);
          }}
        />
      )}
    </Flex>
  );
}
