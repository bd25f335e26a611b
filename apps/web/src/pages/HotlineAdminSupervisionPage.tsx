import { useT } from '../i18n/useT.ts';
import { SupervisionBoard } from '../modules/hotline-admin/components/supervision/SupervisionBoard.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function HotlineAdminSupervisionPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('nav.hotline-admin-supervision')} subtitle={t('hla.board.subtitle')} />
      <SupervisionBoard />
    </>
  );
}
