import { useT } from '../i18n/useT.ts';
import { TicketQueue } from '../modules/hotline/components/TicketQueue.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** The centre's queues: replies to review, extensions to decide, tickets to (re)dispatch. */
export function HotlineReviewPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('nav.hotline-review')} />
      <TicketQueue
        tabs={[
          { key: 'review', label: 'hotline.queue.to-review', states: 'replied' },
          { key: 'extension', label: 'hotline.queue.extensions', states: 'extension_requested' },
          { key: 'dispatch', label: 'hotline.queue.to-dispatch', states: 'dispatching,returned' },
        ]}
      />
    </>
  );
}
