import { useT } from '../i18n/useT.ts';
import { TransferList } from '../modules/hotline/components/TransferList.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** 跨区转出: the centre's cross-city and cross-province transfers and their send state. */
export function HotlineTransfersPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('nav.hotline-transfers')} subtitle={t('hotline.transfer.subtitle')} />
      <TransferList />
    </>
  );
}
