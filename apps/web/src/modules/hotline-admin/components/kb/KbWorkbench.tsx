import { Card, Tabs } from 'antd';
import { useT } from '../../../../i18n/useT.ts';
import { PageHeader } from '../../../../ui/PageHeader.tsx';
import { KbArticleList } from './KbArticleList.tsx';
import { KbSearchPanel } from './KbSearchPanel.tsx';
import { KbUsagePanel } from './KbUsagePanel.tsx';

export function KbWorkbench() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('nav.hotline-admin-kb')} subtitle={t('hla.kb.subtitle')} />
      <Card size="small">
        <Tabs
          items={[
            { key: 'search', label: t('hla.kb.tab.search'), children: <KbSearchPanel /> },
            { key: 'articles', label: t('hla.kb.tab.articles'), children: <KbArticleList /> },
            { key: 'usage', label: t('hla.kb.tab.usage'), children: <KbUsagePanel /> },
          ]}
        />
      </Card>
    </>
  );
}
