import { useT } from '../i18n/useT.ts';
import { TicketQueue } from '../modules/hotline/components/TicketQueue.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function HotlineTicketsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('nav.hotline-tickets')} />
      <TicketQueue tabs={[{ key: 'all', label: 'hotline.queue.all' }]} />
    </>
  );
}
