import { Card } from 'antd';
import { useT } from '../i18n/useT.ts';
import { useMe } from '../modules/auth/hooks/useMe.ts';
import { TicketQueue } from '../modules/hotline/components/TicketQueue.tsx';
import { UrgeAnswers } from '../modules/hotline/components/UrgeAnswers.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** 承办单位: tickets dispatched to my unit, by what they wait for. */
export function HotlineInboxPage() {
  const t = useT();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('nav.hotline-inbox')} subtitle={me.orgName} />
      <TicketQueue
        base={{ handlingOrgId: me.orgUnitId }}
        tabs={[
          { key: 'sign', label: 'hotline.queue.to-sign', states: 'dispatched' },
          {
            key: 'work',
            label: 'hotline.queue.in-progress',
            states: 'in_progress,extension_requested,awaiting_citizen',
          },
          { key: 'rehandle', label: 'hotline.queue.rehandling', states: 'rehandling' },
          { key: 'replied', label: 'hotline.queue.replied', states: 'replied' },
          { key: 'all', label: 'hotline.queue.all' },
        ]}
      />
      <Card size="small" title={t('hotline.queue.urges')} style={{ marginTop: 12 }}>
        <UrgeAnswers inbox />
      </Card>
    </>
  );
}
