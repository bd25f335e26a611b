import { useQueryClient } from '@tanstack/react-query';
import type { TreeDataNode } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Page } from '../../../api/types.ts';
import { fetchOrgChildren, orgKeys } from '../api.ts';
import type { OrgChild, OrgDto } from '../types.ts';

export interface OrgTreeNode extends TreeDataNode {
  key: string;
  /** null for the "more units than shown" hint under a very large parent. */
  org: OrgDto | null;
  hiddenCount?: number;
  children?: OrgTreeNode[];
}

type ChildrenById = ReadonlyMap<number, Page<OrgChild>>;

function buildNode(org: OrgDto, childCount: number | null, loaded: ChildrenById): OrgTreeNode {
  const page = loaded.get(org.id);
  const node: OrgTreeNode = { key: String(org.id), org, isLeaf: childCount === 0 };
  if (page) {
    node.children = page.items.map((child) => buildNode(child, child.childCount, loaded));
    const hidden = page.total - page.items.length;
    if (hidden > 0) {
      node.children.push({
        key: `more-${org.id}`,
        org: null,
        hiddenCount: hidden,
        isLeaf: true,
        selectable: false,
      });
    }
  }
  return node;
}

/**
 * The lazily loaded org tree as of a date. Loaded children live here (fetched through the query
 * cache), so after a change only the affected parents are reloaded and the expansion is kept.
 */
export function useOrgTree(root: OrgDto | undefined, asOf: string | null) {
  const queryClient = useQueryClient();
  const [loaded, setLoaded] = useState<ChildrenById>(new Map());
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  // The callbacks read the latest loaded set through a ref, so their identity stays stable and
  // effects that depend on them do not re-run on every load.
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;

  const fetchChildren = useCallback(
    (id: number, fresh = false) =>
      queryClient.fetchQuery({
        queryKey: orgKeys.children(id, asOf),
        queryFn: () => fetchOrgChildren(id, asOf),
        staleTime: fresh ? 0 : 60_000,
      }),
    [queryClient, asOf],
  );

  const storeChildren = useCallback((entries: [number, Page<OrgChild>][]) => {
    if (entries.length === 0) return;
    setLoaded((prev) => {
      const next = new Map(prev);
      for (const [id, page] of entries) next.set(id, page);
      return next;
    });
  }, []);

  // A new date is a different tree: start again from the root, expanded one level.
  useEffect(() => {
    setLoaded(new Map());
    if (!root) return;
    setExpandedKeys([String(root.id)]);
    let cancelled = false;
    fetchChildren(root.id).then(
      (page) => {
        if (!cancelled) storeChildren([[root.id, page]]);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [root, fetchChildren, storeChildren]);

  const loadData = useCallback(
    async (node: OrgTreeNode) => {
      if (!node.org || loadedRef.current.has(node.org.id)) return;
      const page = await fetchChildren(node.org.id);
      storeChildren([[node.org.id, page]]);
    },
    [fetchChildren, storeChildren],
  );

  /** Re-reads the children of the given units (those already loaded), e.g. after a change. */
  const reload = useCallback(
    async (ids: (number | null | undefined)[]) => {
      const targets = [...new Set(ids)].filter(
        (id): id is number => typeof id === 'number' && loadedRef.current.has(id),
      );
      const pages = await Promise.all(
        targets.map(async (id) => [id, await fetchChildren(id, true)] as [number, Page<OrgChild>]),
      );
      storeChildren(pages);
    },
    [fetchChildren, storeChildren],
  );

  /** Loads and expands the chain from the tree's root down to a unit's parent (ancestor ids, root first). */
  const reveal = useCallback(
    async (ancestorIds: number[]) => {
      if (!root) return;
      const start = ancestorIds.indexOf(root.id);
      if (start < 0) return;
      const chain = ancestorIds.slice(start);
      const missing = chain.filter((id) => !loadedRef.current.has(id));
      const pages = await Promise.all(
        missing.map(async (id) => [id, await fetchChildren(id)] as [number, Page<OrgChild>]),
      );
      storeChildren(pages);
      setExpandedKeys((prev) => {
        const added = chain.map(String).filter((key) => !prev.includes(key));
        return added.length > 0 ? [...prev, ...added] : prev;
      });
    },
    [root, fetchChildren, storeChildren],
  );

  const treeData = useMemo(() => (root ? [buildNode(root, null, loaded)] : []), [root, loaded]);
  const loadedKeys = useMemo(() => [...loaded.keys()].map(String), [loaded]);

  return { treeData, loadData, loadedKeys, expandedKeys, setExpandedKeys, reload, reveal };
}
