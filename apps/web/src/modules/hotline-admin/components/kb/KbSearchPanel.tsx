import { Alert, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../../../../api/error-message.ts';
import { useT } from '../../../../i18n/useT.ts';
import { Marked } from '../../../../ui/Marked.tsx';
import { usePagination } from '../../../../ui/usePagination.ts';
import { useKbSearch } from '../../hooks/useKb.ts';
import { DOMAIN_KEYS, type DomainKey } from '../../types.ts';
import { labelOf } from '../labels.ts';

/** Full-text search as agents get it: segmented, ranked, matches highlighted. */
export function KbSearchPanel() {
  const t = useT();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [domain, setDomain] = useState<DomainKey | undefined>();
  const pagination = usePagination(10);
  const search = useKbSearch(q, domain, pagination.params);
  const result = search.data;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Input.Search
          data-testid="kb-search-input"
          placeholder={t('hla.kb.search.placeholder')}
          enterButton={t('hla.kb.search.button')}
          allowClear
          style={{ width: 480 }}
          onSearch={(value) => {
            pagination.reset();
            setQ(value.trim());
          }}
        />
        <Select
          allowClear
          placeholder={t('hla.kb.field.domain')}
          style={{ width: 160 }}
          value={domain}
          onChange={(v) => {
            pagination.reset();
            setDomain(v);
          }}
          options={DOMAIN_KEYS.map((d) => ({ value: d, label: labelOf(t, 'domain', d) }))}
        />
      </Space>
      {search.isError && <Alert type="error" showIcon title={describeError(t, search.error)} />}
      {result && q && (
        <Typography.Text type="secondary" data-testid="kb-search-summary">
          {t(`hla.kb.search.mode.${result.mode}`, { total: result.total })}
          {result.terms.length > 0 && ` · ${t('hla.kb.search.terms')}：${result.terms.join(' / ')}`}
        </Typography.Text>
      )}
      {q ? (
        <List
          data-testid="kb-search-results"
          loading={search.isFetching}
          dataSource={result?.items ?? []}
          locale={{ emptyText: <Empty description={t('hla.kb.search.empty')} /> }}
          pagination={{
            current: pagination.params.page,
            pageSize: pagination.params.pageSize,
            total: result?.total ?? 0,
            onChange: pagination.onChange,
            size: 'small',
          }}
          renderItem={(hit, index) => (
            <List.Item
              key={hit.id}
              data-testid="kb-hit"
              style={{ cursor: 'pointer' }}
              onClick={() => navigate(`/hotline-admin/kb/${hit.id}`)}
            >
              <List.Item.Meta
                title={
                  <Space>
                    <Typography.Text type="secondary">
                      {(pagination.params.page - 1) * pagination.params.pageSize + index + 1}.
                    </Typography.Text>
                    <Marked html={hit.titleHtml} testId="kb-hit-title" />
                    <Tag>{hit.orgName}</Tag>
                    <Tag color="blue">{labelOf(t, 'domain', hit.domain)}</Tag>
                    <Typography.Text type="secondary">v{hit.version}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('hla.kb.search.rank', { rank: hit.rank.toFixed(3) })}
                    </Typography.Text>
                  </Space>
                }
                description={<Marked html={hit.snippetHtml} testId="kb-hit-snippet" />}
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty description={t('hla.kb.search.hint')} />
      )}
    </Space>
  );
}
