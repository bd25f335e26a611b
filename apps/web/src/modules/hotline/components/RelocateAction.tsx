import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import type { LatLon } from '../../../ui/map/types.ts';
import { useMe } from '../../auth/hooks/useMe.ts';
import { OrgSelect } from '../../orgs/components/OrgSelect.tsx';
import { useOrg } from '../../orgs/hooks/useOrgQueries.ts';
import * as hotline from '../api.ts';
import { useHotlineMutation } from '../hooks.ts';
import type { Ticket, TicketState } from '../types.ts';
import { FormModal } from './FormModal.tsx';
import { LocationMap } from './LocationMap.tsx';

// The states in which the centre may correct the place (the server decides whose ticket it is).
const RELOCATABLE: readonly TicketState[] = ['dispatching', 'returned', 'dispatched', 'in_progress'];

interface PlaceValues {
  locationText: string;
  regionOrgId?: number;
  at?: LatLon | null;
  note?: string;
}

/** 更改地点: a new address, region (属地) and map pin; a ticket at a unit is re-routed by the rules. */
export function RelocateAction({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const { message } = App.useApp();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const region = useOrg(open ? ticket.regionOrgId : null);
  const act = useHotlineMutation((v: PlaceValues) =>
    hotline.relocate(ticket.id, {
      locationText: v.locationText.trim(),
      ...(v.regionOrgId && { regionOrgId: v.regionOrgId }),
      ...(v.at && { lat: v.at.lat, lon: v.at.lon }),
      ...(v.note?.trim() && { note: v.note.trim() }),
    }),
  );
  if (!me.permissions.includes('hotline.intake') || !RELOCATABLE.includes(ticket.state)) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="action-relocate">
        {t('hotline.action.relocate')}
      </Button>
      <FormModal<PlaceValues>
        open={open}
        busy={act.isPending}
        onCancel={() => setOpen(false)}
        title={t('hotline.action.relocate')}
        testId="dialog-relocate"
        initialValues={{
          locationText: ticket.locationText ?? '',
          ...(ticket.regionOrgId !== null && { regionOrgId: ticket.regionOrgId }),
          at: ticket.lat !== null && ticket.lon !== null ? { lat: ticket.lat, lon: ticket.lon } : null,
        }}
        onSubmit={(v) =>
          act.mutate(v, {
            onSuccess: () => {
              setOpen(false);
              void message.success(t('common.done'));
            },
          })
        }
      >
        <p>{t('hotline.relocate.hint')}</p>
        <Form.Item
          name="locationText"
          label={t('hotline.field.location')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} data-testid="dialog-relocate-text" />
        </Form.Item>
        <Form.Item name="regionOrgId" label={t('hotline.field.region')}>
          <OrgSelect
            testId="dialog-relocate-region"
            placeholder={t('hotline.field.region-placeholder')}
            {...(region.data && { initialLabel: region.data.name })}
          />
        </Form.Item>
        <Form.Item name="at" label={t('hotline.public.map')}>
          <LocationMap height={240} testId="dialog-relocate-map" />
        </Form.Item>
        <Form.Item name="note" label={t('hotline.field.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>
    </>
  );
}
