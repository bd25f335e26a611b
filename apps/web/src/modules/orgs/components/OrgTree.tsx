import { Empty, type GetRef, Spin, Tree, Typography } from 'antd';
import { type Key, useEffect, useRef } from 'react';
import { useT } from '../../../i18n/useT.ts';
import type { OrgTreeNode } from '../hooks/useOrgTree.ts';
import { OrgStatusTag } from './OrgStatusTag.tsx';

// The tree scrolls inside its card (virtual list), so a province with hundreds of units stays usable.
const TREE_HEIGHT = 520;

type TreeRef = GetRef<typeof Tree<OrgTreeNode>>;

/** Keys of the nodes above `key`, or null when `key` is not in the loaded tree. */
function ancestorKeys(nodes: OrgTreeNode[] | undefined, key: string, trail: string[] = []): string[] | null {
  for (const node of nodes ?? []) {
    if (node.key === key) return trail;
    const found = ancestorKeys(node.children, key, [...trail, node.key]);
    if (found) return found;
  }
  return null;
}

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
  const treeRef = useRef<TreeRef>(null);
  const scrolledTo = useRef<number | null>(null);

  // Scroll a newly selected unit into view once its branch is loaded and expanded (e.g. picked by search).
  useEffect(() => {
    if (selectedId === null || scrolledTo.current === selectedId) return;
    const key = String(selectedId);
    const trail = ancestorKeys(treeData, key);
    if (!trail?.every((k) => expandedKeys.includes(k))) return;
    scrolledTo.current = selectedId;
    // Wait a frame so the virtual list has measured the newly expanded rows.
    requestAnimationFrame(() => treeRef.current?.scrollTo({ key, align: 'top', offset: 64 }));
  }, [selectedId, treeData, expandedKeys]);

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
          ref={treeRef}
          height={TREE_HEIGHT}
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
