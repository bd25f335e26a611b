import { useT } from '../i18n/useT.ts';
import { OrgBrowser } from '../modules/orgs/components/OrgBrowser.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function OrgsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('nav.orgs')} subtitle={t('org.subtitle')} />
      <OrgBrowser />
    </>
  );
}
