import { useMutation } from '@tanstack/react-query';
import { Button, Descriptions, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { fetchIncidentVesselContacts } from '../api/incidents.ts';
import type { ContactParty, VesselContacts } from '../types/incidents.ts';

const party = (p: ContactParty | null) =>
  p ? [p.name, p.phone, p.email].filter((x): x is string => Boolean(x)).join(' · ') : '—';

/** Contacts are read on an explicit click only (each read is audited) and shown as the API returns them. */
export function ContactsButton({ incidentId, mmsi }: { incidentId: number; mmsi: number }) {
  const t = useT();
  const [shown, setShown] = useState<VesselContacts | null>(null);
  const read = useMutation({
    mutationFn: () => fetchIncidentVesselContacts(incidentId, mmsi),
    onSuccess: setShown,
  });
  return (
    <>
      <Button size="small" loading={read.isPending} onClick={() => read.mutate()} data-testid="contacts-show">
        {t('incident.contacts.show')}
      </Button>
      <Modal
        open={shown !== null}
        title={`${t('incident.contacts')} · ${shown?.name ?? ''}`}
        footer={null}
        onCancel={() => setShown(null)}
      >
        {shown && (
          <>
            <Descriptions size="small" column={1} bordered data-testid="contacts">
              <Descriptions.Item label={t('incident.contacts.owner')}>
                {party(shown.contacts.owner)}
              </Descriptions.Item>
              <Descriptions.Item label={t('incident.contacts.operator')}>
                {party(shown.contacts.operator)}
              </Descriptions.Item>
              <Descriptions.Item label={t('incident.contacts.emergency')}>
                {party(shown.contacts.emergency)}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Text type="secondary">{t('incident.contacts.audited')}</Typography.Text>
          </>
        )}
      </Modal>
    </>
  );
}
