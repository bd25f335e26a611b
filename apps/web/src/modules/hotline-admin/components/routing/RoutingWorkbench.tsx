import { Card, Space, Tabs } from 'antd';
import { useT } from '../../../../i18n/useT.ts';
import { PageHeader } from '../../../../ui/PageHeader.tsx';
import { CategoryTable } from './CategoryTable.tsx';
import { RoutePreviewCard } from './RoutePreviewCard.tsx';
import { RoutingRules } from './RoutingRules.tsx';

export function RoutingWorkbench() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('nav.hotline-admin-routing')} subtitle={t('hla.routing.subtitle')} />
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'rules',
              label: t('hla.routing.tab.rules'),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }} size="middle">
                  <RoutePreviewCard />
                  <RoutingRules />
                </Space>
              ),
            },
            { key: 'categories', label: t('hla.routing.tab.categories'), children: <CategoryTable /> },
          ]}
        />
      </Card>
    </>
  );
}
