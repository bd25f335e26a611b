import { SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Pagination, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { useDebouncedValue } from '../../../ui/useDebouncedValue.ts';
import { usePagination } from '../../../ui/usePagination.ts';
import { useOrgSearch } from '../hooks/useOrgQueries.ts';
import type { OrgSearchHit } from '../types.ts';
import { OrgStatusTag } from './OrgStatusTag.tsx';

export interface OrgSearchProps {
  selectedId: number | null;
  onSelect: (hit: OrgSearchHit) => void;
}

export function OrgSearch({ selectedId, onSelect }: OrgSearchProps) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text);
  const pagination = usePagination(10);
  const { reset } = pagination;
  const search = useOrgSearch(q, pagination.params);

  useEffect(() => {
    if (q) reset();
  }, [q, reset]);

  return (
    <div>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('org.search.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="org-search-input"
      />
      {q.trim() && (
        <Spin spinning={search.isFetching}>
          <div data-testid="org-search-results" style={{ marginTop: 8, maxHeight: 320, overflow: 'auto' }}>
            {search.data?.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
            {search.data?.items.map((hit) => (
              <button
                key={hit.id}
                type="button"
                onClick={() => onSelect(hit)}
                data-testid="org-search-result"
                style={{
                  display: 'block',
                  width: '100%',
                  textAlign: 'left',
                  border: 'none',
                  borderRadius: 6,
                  padding: '6px 8px',
                  cursor: 'pointer',
                  background: hit.id === selectedId ? '#e6f0ff' : 'transparent',
                }}
              >
                <Typography.Text strong>{hit.name}</Typography.Text>
                {hit.status !== 'active' && (
                  <span style={{ marginInlineStart: 6 }}>
                    <OrgStatusTag status={hit.status} />
                  </span>
                )}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {hit.pathNames.join(' / ')}
                </Typography.Text>
              </button>
            ))}
          </div>
          {search.data && search.data.total > pagination.params.pageSize && (
            <Pagination
              size="small"
              simple
              current={pagination.params.page}
              pageSize={pagination.params.pageSize}
              total={search.data.total}
              onChange={pagination.onChange}
              style={{ marginTop: 8 }}
            />
          )}
        </Spin>
      )}
    </div>
  );
}
