import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { useMe } from '../../auth/hooks/useMe.ts';
import * as hotline from '../api.ts';
import { useHotlineMutation } from '../hooks.ts';
import type { TicketDetail } from '../types.ts';
import { CentreSelect } from './CentreSelect.tsx';
import { FormModal } from './FormModal.tsx';

type Dialog = 'ask' | 'answer' | 'transfer';
const required = { required: true, whitespace: true };

/**
 * The actions beside the workflow buttons: 等待来电人补充 (the unit asks, the centre records
 * the answer taken by phone) and 跨市/跨省转办 to a centre outside this one's area.
 */
export function TicketExtraActions({ detail }: { detail: TicketDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const me = useMe();
  const { ticket, actions } = detail;
  const id = ticket.id;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const act = useHotlineMutation((run: () => Promise<unknown>) => run());
  const go = (run: () => Promise<unknown>) =>
    act.mutate(run, {
      onSuccess: () => {
        setDialog(null);
        void message.success(t('common.done'));
      },
    });
  const modal = (kind: Dialog) => ({
    open: dialog === kind,
    busy: act.isPending,
    onCancel: () => setDialog(null),
  });
  const canRecordAnswer = ticket.state === 'awaiting_citizen' && me.permissions.includes('hotline.intake');

  return (
    <>
      {actions.includes('askCitizen') && (
        <Button onClick={() => setDialog('ask')} data-testid="action-askCitizen">
          {t('hotline.action.askCitizen')}
        </Button>
      )}
      {canRecordAnswer && (
        <Button type="primary" onClick={() => setDialog('answer')} data-testid="action-citizenAnswer">
          {t('hotline.citizen.record-answer')}
        </Button>
      )}
      {actions.includes('transferOut') && (
        <Button onClick={() => setDialog('transfer')} data-testid="action-transferOut">
          {t('hotline.action.transferOut')}
        </Button>
      )}

      <FormModal<{ question: string }>
        {...modal('ask')}
        title={t('hotline.action.askCitizen')}
        testId="dialog-ask"
        onSubmit={(v) => go(() => hotline.askCitizen(id, v.question.trim()))}
      >
        <p>{t('hotline.citizen.ask-hint')}</p>
        <Form.Item name="question" label={t('hotline.citizen.question')} rules={[required]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="dialog-ask-question" />
        </Form.Item>
      </FormModal>

      <FormModal<{ answer: string }>
        {...modal('answer')}
        title={t('hotline.citizen.record-answer')}
        testId="dialog-citizen-answer"
        onSubmit={(v) => go(() => hotline.recordCitizenAnswer(id, v.answer.trim()))}
      >
        <Form.Item name="answer" label={t('hotline.citizen.answer')} rules={[required]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="dialog-citizen-answer-text" />
        </Form.Item>
      </FormModal>

      <FormModal<{ targetOrgId: number; note?: string }>
        {...modal('transfer')}
        title={t('hotline.action.transferOut')}
        testId="dialog-transfer"
        onSubmit={(v) =>
          go(() =>
            hotline.transfer(id, {
              targetOrgId: v.targetOrgId,
              ...(v.note?.trim() && { note: v.note.trim() }),
            }),
          )
        }
      >
        <p>{t('hotline.transfer.hint')}</p>
        <Form.Item name="targetOrgId" label={t('hotline.transfer.target')} rules={[{ required: true }]}>
          <CentreSelect testId="dialog-transfer-target" />
        </Form.Item>
        <Form.Item name="note" label={t('hotline.field.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>
    </>
  );
}
