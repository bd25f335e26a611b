import { Empty, Spin, Tree, Typography } from 'antd';
import type { Key } from 'react';
import { useT } from '../../../i18n/useT.ts';
import type { OrgTreeNode } from '../hooks/useOrgTree.ts';
import { OrgStatusTag } from './OrgStatusTag.tsx';

export interface OrgTreeProps {
  treeData: OrgTreeNode[];
  loading: boolean;
  loadData: (node: OrgTreeNode) => Promise<void>;
  loadedKeys: string[];
  expandedKeys: string[];
  onExpand: (keys: string[]) => void;
  selectedId: number | null;
  onSelect: (id: number) => void;
}

export function OrgTree({
  treeData,
  loading,
  loadData,
  loadedKeys,
  expandedKeys,
  onExpand,
  selectedId,
  onSelect,
}: OrgTreeProps) {
  const t = useT();
  const renderTitle = (node: OrgTreeNode) => {
    if (!node.org) {
      return (
        <Typography.Text type="secondary">
          {t('org.tree.more-hidden', { count: node.hiddenCount ?? 0 })}
        </Typography.Text>
      );
    }
    const { org } = node;
    return (
      <span data-testid="org-tree-node" data-org-id={org.id}>
        <Typography.Text
          delete={org.status !== 'active'}
          type={org.status === 'active' ? undefined : 'secondary'}
        >
          {org.name}
        </Typography.Text>
        {org.status !== 'active' && (
          <span style={{ marginInlineStart: 6 }}>
            <OrgStatusTag status={org.status} />
          </span>
        )}
      </span>
    );
  };

  return (
    <div data-testid="org-tree" style={{ minHeight: 200 }}>
      {loading ? (
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      ) : treeData.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Tree<OrgTreeNode>
          showLine
          blockNode
          treeData={treeData}
          loadData={loadData}
          loadedKeys={loadedKeys}
          expandedKeys={expandedKeys}
          onExpand={(keys: Key[]) => onExpand(keys.map(String))}
          selectedKeys={selectedId === null ? [] : [String(selectedId)]}
          onSelect={(_keys, info) => {
            if (info.node.org) onSelect(info.node.org.id);
          }}
          titleRender={renderTitle}
        />
      )}
    </div>
  );
}
