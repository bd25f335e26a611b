import { Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../../i18n/useT.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import { activateIncident, cancelIncident, closeIncident } from '../api/incidents.ts';
import { useIncidentAction } from '../hooks/useIncidents.ts';
import { CLOSE_OUTCOMES, type CloseOutcome, type IncidentDetail } from '../types/incidents.ts';

type Ending = 'close' | 'cancel';

/** What the server says the caller may do now, as buttons; closing asks for the outcome. */
export function IncidentActions({ incident }: { incident: IncidentDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const canManage = useCan('maritime.manage');
  const [ending, setEnding] = useState<Ending | null>(null);
  const [form] = Form.useForm<{ outcome?: CloseOutcome; note?: string }>();
  const activate = useIncidentAction(incident.id, () => activateIncident(incident.id));
  const end = useIncidentAction(incident.id, (v: { kind: Ending; outcome?: CloseOutcome; note?: string }) =>
    v.kind === 'close'
      ? closeIncident(incident.id, v.outcome ?? 'rescued', v.note)
      : cancelIncident(incident.id, v.note),
  );
  const can = (action: string) => canManage && incident.actions.includes(action);

  return (
    <>
      <Button onClick={() => navigate('/maritime/incidents')}>{t('incident.action.back')}</Button>
      <Button
        onClick={() => navigate(`/maritime/planning?incident=${incident.id}`)}
        data-testid="incident-plan"
      >
        {t('incident.action.plan')}
      </Button>
      {can('activate') && (
        <Button
          type="primary"
          loading={activate.isPending}
          onClick={() => activate.mutate(undefined)}
          data-testid="incident-activate"
        >
          {t('incident.action.activate')}
        </Button>
      )}
      {can('cancel') && (
        <Button onClick={() => setEnding('cancel')} data-testid="incident-cancel">
          {t('incident.action.cancel')}
        </Button>
      )}
      {can('close') && (
        <Button danger type="primary" onClick={() => setEnding('close')} data-testid="incident-close">
          {t('incident.action.close')}
        </Button>
      )}
      <Modal
        open={ending !== null}
        title={ending === 'close' ? t('incident.close.title') : t('incident.action.cancel')}
        onCancel={() => setEnding(null)}
        onOk={() => form.submit()}
        confirmLoading={end.isPending}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'incident-end-submit' }}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) =>
            ending &&
            end.mutate(
              { kind: ending, outcome: v.outcome, note: v.note?.trim() },
              { onSuccess: () => setEnding(null) },
            )
          }
        >
          {ending === 'close' && (
            <Form.Item
              name="outcome"
              label={t('incident.field.outcome')}
              rules={[{ required: true, message: t('incident.close.outcome-required') }]}
            >
              <Select
                data-testid="incident-outcome"
                options={CLOSE_OUTCOMES.map((o) => ({ value: o, label: t(`incident.outcome.${o}`) }))}
              />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('incident.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
