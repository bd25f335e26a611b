import { Flex } from 'antd';
import { useT } from '../i18n/useT.ts';
import { useCan } from '../modules/auth/hooks/useMe.ts';
import { ExchangeExport } from '../modules/stats/admin/ExchangeExport.tsx';
import { ExchangeImport } from '../modules/stats/admin/ExchangeImport.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function StatsExchangePage() {
  const t = useT();
  const canImport = useCan('stats.fill');
  return (
    <>
      <PageHeader title={t('nav.stats-exchange')} subtitle={t('stats.admin.exchange.subtitle')} />
      <Flex vertical gap={16}>
        {canImport && <ExchangeImport />}
        <ExchangeExport />
      </Flex>
    </>
  );
}
