import { App, Card, Col, DatePicker, Divider, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { toIsoDate } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import type { OrgAction } from '../hooks/useOrgMutations.ts';
import { useOrg, useRootOrg } from '../hooks/useOrgQueries.ts';
import { useOrgTree } from '../hooks/useOrgTree.ts';
import type { OrgDto } from '../types.ts';
import { OrgActionModal } from './OrgActionModal.tsx';
import { OrgActions } from './OrgActions.tsx';
import { OrgDetails } from './OrgDetails.tsx';
import { OrgHistoryTable } from './OrgHistoryTable.tsx';
import { OrgSearch } from './OrgSearch.tsx';
import { OrgTree } from './OrgTree.tsx';

/** Tree on the left (as of a date), the selected unit's details, history and changes on the right. */
export function OrgBrowser() {
  const t = useT();
  const { message } = App.useApp();
  const canManage = useCan('org.manage');
  const [asOfDay, setAsOfDay] = useState<Dayjs | null>(null);
  const asOf = asOfDay ? toIsoDate(asOfDay) : null;
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [action, setAction] = useState<OrgAction | null>(null);

  const root = useRootOrg();
  const tree = useOrgTree(root.data, asOf);
  const selected = useOrg(selectedId);
  const { reveal } = tree;

  useEffect(() => {
    if (selectedId === null && root.data) setSelectedId(root.data.id);
  }, [selectedId, root.data]);

  // Bring the selected unit into view in the tree, e.g. when it was picked from the search results.
  const ancestorIds = selected.data?.ancestors.map((a) => a.id).join(',');
  useEffect(() => {
    if (ancestorIds) void reveal(ancestorIds.split(',').map(Number));
  }, [ancestorIds, reveal]);

  const onDone = (done: OrgAction, result: OrgDto) => {
    const org = selected.data;
    void tree.reload([org?.id, org?.parentId, result.id, result.parentId, result.mergedIntoId]);
    void message.success(t('org.action.done'));
    if (done === 'create') setSelectedId(result.id);
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={9} xl={8}>
        <Card title={t('org.tree.title')} styles={{ body: { paddingTop: 12 } }}>
          <OrgSearch selectedId={selectedId} onSelect={(hit) => setSelectedId(hit.id)} />
          <Divider style={{ margin: '12px 0' }} />
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8 }}>
            <Typography.Text type="secondary">{t('org.tree.as-of')}</Typography.Text>
            <DatePicker
              value={asOfDay}
              onChange={setAsOfDay}
              placeholder={t('org.tree.as-of-today')}
              data-testid="org-as-of"
            />
          </div>
          <OrgTree
            treeData={tree.treeData}
            loading={root.isPending}
            loadData={tree.loadData}
            loadedKeys={tree.loadedKeys}
            expandedKeys={tree.expandedKeys}
            onExpand={tree.setExpandedKeys}
            selectedId={selectedId}
            onSelect={setSelectedId}
          />
        </Card>
      </Col>
      <Col xs={24} lg={15} xl={16}>
        <OrgDetails
          org={selected.data}
          loading={selected.isPending && selectedId !== null}
          onSelect={setSelectedId}
          actions={
            canManage && selected.data ? <OrgActions org={selected.data} onAction={setAction} /> : undefined
          }
        />
        {selectedId !== null && <OrgHistoryTable key={selectedId} orgId={selectedId} />}
        {selected.data && (
          <OrgActionModal
            action={action}
            org={selected.data}
            onClose={() => setAction(null)}
            onDone={onDone}
          />
        )}
      </Col>
    </Row>
  );
}
