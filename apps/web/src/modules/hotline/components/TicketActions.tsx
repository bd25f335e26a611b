import { App, Button, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { useMe } from '../../auth/hooks/useMe.ts';
import { OrgSelect } from '../../orgs/components/OrgSelect.tsx';
import * as hotline from '../api.ts';
import { useExtensions, useHotlineMutation, useReasons } from '../hooks.ts';
import { isOpen, type RequestType, type TicketDetail } from '../types.ts';
import { CategoryPicker } from './CategoryPicker.tsx';
import { cleanFields } from './category-fields.ts';
import { FormModal } from './FormModal.tsx';

type Dialog =
  | 'split'
  | 'dispatch'
  | 'reroute'
  | 'sendBack'
  | 'extension'
  | 'decide'
  | 'reply'
  | 'reject'
  | 'merge'
  | 'cancel'
  | 'urge';

const required = { required: true, whitespace: true };

/** The transitions the server says the caller may take now, as buttons; each asks for what it needs. */
export function TicketActions({ detail }: { detail: TicketDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const { ticket, actions } = detail;
  const id = ticket.id;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const reasons = useReasons();
  const extensions = useExtensions(id);
  const pending = extensions.data?.items.find((e) => e.decision === 'pending');
  const me = useMe();
  const canSupervise = me.permissions.includes('hotline.supervise');
  // Splitting is the centre's (the server checks the ticket is its own).
  const canSplit = me.permissions.includes('hotline.intake') && isOpen(ticket.state);
  const has = (a: string) => actions.includes(a);
  const done = () => {
    setDialog(null);
    void message.success(t('common.done'));
  };
  const act = useHotlineMutation((run: () => Promise<unknown>) => run());
  const go = (run: () => Promise<unknown>) => act.mutate(run, { onSuccess: done });
  const modal = (kind: Dialog) => ({
    open: dialog === kind,
    busy: act.isPending,
    onCancel: () => setDialog(null),
  });

  const button = (
    action: string,
    label: Parameters<typeof t>[0],
    onClick: () => void,
    primary = false,
    danger = false,
  ) =>
    has(action) && (
      <Button
        key={action}
        type={primary ? 'primary' : 'default'}
        danger={danger}
        onClick={onClick}
        data-testid={`action-${action}`}
      >
        {t(label)}
      </Button>
    );

  return (
    <>
      {button('dispatch', 'hotline.action.dispatch', () => setDialog('dispatch'), true)}
      {button('reroute', 'hotline.action.reroute', () => setDialog('reroute'))}
      {button('signFor', 'hotline.action.signFor', () => go(() => hotline.signFor(id)), true)}
      {button('requestExtension', 'hotline.action.requestExtension', () => setDialog('extension'))}
      {button('reply', 'hotline.action.reply', () => setDialog('reply'), true)}
      {button('sendBack', 'hotline.action.sendBack', () => setDialog('sendBack'), false, true)}
      {has('approveExtension') && pending && (
        <Button type="primary" onClick={() => setDialog('decide')} data-testid="action-decideExtension">
          {t('hotline.action.decideExtension')}
        </Button>
      )}
      {button('close', 'hotline.action.close', () => go(() => hotline.review(id, { approve: true })), true)}
      {button('rejectReply', 'hotline.action.rejectReply', () => setDialog('reject'), false, true)}
      {button('merge', 'hotline.action.merge', () => setDialog('merge'))}
      {canSplit && (
        <Button onClick={() => setDialog('split')} data-testid="action-split">
          {t('hotline.action.split')}
        </Button>
      )}
      {button('unmerge', 'hotline.action.unmerge', () => go(() => hotline.unmerge(id)))}
      {canSupervise && isOpen(ticket.state) && (
        <Button onClick={() => setDialog('urge')} data-testid="action-urge">
          {t('hotline.action.urge')}
        </Button>
      )}
      {button('cancel', 'hotline.action.cancel', () => setDialog('cancel'), false, true)}

      {(['dispatch', 'reroute'] as const).map((kind) => (
        <FormModal<{ handlingOrgId?: number }>
          key={kind}
          {...modal(kind)}
          title={t(`hotline.action.${kind}`)}
          testId={`dialog-${kind}`}
          onSubmit={(v) =>
            go(() =>
              kind === 'dispatch'
                ? hotline.dispatch(id, v.handlingOrgId)
                : hotline.reroute(id, v.handlingOrgId),
            )
          }
        >
          <Form.Item
            name="handlingOrgId"
            label={t('hotline.field.handling-unit')}
            extra={t('hotline.dialog.unit-by-rules')}
          >
            <OrgSelect testId={`dialog-${kind}-unit`} />
          </Form.Item>
        </FormModal>
      ))}

      <FormModal<{ reasonCode: string; note?: string }>
        {...modal('sendBack')}
        title={t('hotline.action.sendBack')}
        testId="dialog-sendBack"
        onSubmit={(v) =>
          go(() =>
            hotline.sendBack(id, {
              reasonCode: v.reasonCode,
              ...(v.note?.trim() && { note: v.note.trim() }),
            }),
          )
        }
      >
        <Form.Item name="reasonCode" label={t('hotline.field.send-back-reason')} rules={[{ required: true }]}>
          <Select
            options={(reasons.data?.items ?? [])
              .filter((r) => r.kind === 'sendBack')
              .map((r) => ({ value: r.code, label: r.name }))}
            data-testid="dialog-sendBack-reason"
          />
        </Form.Item>
        <Form.Item name="note" label={t('hotline.field.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>

      <FormModal<{ days: number; reason: string; legalBasis: string }>
        {...modal('extension')}
        title={t('hotline.action.requestExtension')}
        testId="dialog-extension"
        initialValues={{ days: 5 }}
        onSubmit={(v) => go(() => hotline.requestExtension(id, v))}
      >
        <Form.Item name="days" label={t('hotline.field.extension-days')} rules={[{ required: true }]}>
          <InputNumber min={1} max={60} data-testid="dialog-extension-days" />
        </Form.Item>
        <Form.Item name="reason" label={t('hotline.field.extension-reason')} rules={[required]}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="dialog-extension-reason" />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('hotline.field.legal-basis')} rules={[required]}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="dialog-extension-basis" />
        </Form.Item>
      </FormModal>

      <FormModal<{ approve: boolean; note?: string }>
        {...modal('decide')}
        title={t('hotline.action.decideExtension')}
        testId="dialog-decide"
        initialValues={{ approve: true }}
        onSubmit={(v) =>
          pending &&
          go(() =>
            hotline.decideExtension(id, pending.id, {
              approve: v.approve,
              ...(v.note?.trim() && { note: v.note.trim() }),
            }),
          )
        }
      >
        {pending && (
          <p data-testid="dialog-decide-request">
            {t('hotline.extension.summary', {
              days: pending.days,
              reason: pending.reason,
              basis: pending.legalBasis,
            })}
          </p>
        )}
        <Form.Item name="approve" rules={[{ required: true }]}>
          <Radio.Group data-testid="dialog-decide-choice">
            <Radio value={true}>{t('hotline.extension.approve')}</Radio>
            <Radio value={false}>{t('hotline.extension.deny')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label={t('hotline.field.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </FormModal>

      <FormModal<{ facts: string; handling: string; legalBasis: string }>
        {...modal('reply')}
        title={t('hotline.action.reply')}
        testId="dialog-reply"
        onSubmit={(v) => go(() => hotline.reply(id, v))}
      >
        <Form.Item name="facts" label={t('hotline.reply.facts')} rules={[required]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="dialog-reply-facts" />
        </Form.Item>
        <Form.Item name="handling" label={t('hotline.reply.handling')} rules={[required]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="dialog-reply-handling" />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('hotline.reply.legal-basis')} rules={[required]}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="dialog-reply-basis" />
        </Form.Item>
      </FormModal>

      <FormModal<{ note: string }>
        {...modal('reject')}
        title={t('hotline.action.rejectReply')}
        testId="dialog-reject"
        onSubmit={(v) => go(() => hotline.review(id, { approve: false, note: v.note.trim() }))}
      >
        <Form.Item name="note" label={t('hotline.field.review-note')} rules={[required]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="dialog-reject-note" />
        </Form.Item>
      </FormModal>

      <FormModal<{ ticketNo: string }>
        {...modal('merge')}
        title={t('hotline.action.merge')}
        testId="dialog-merge"
        onSubmit={(v) =>
          go(async () => {
            const target = await hotline.fetchTicketByNo(v.ticketNo.trim());
            return hotline.merge(id, target.ticket.id);
          })
        }
      >
        <Form.Item
          name="ticketNo"
          label={t('hotline.field.merge-into')}
          rules={[{ required: true, pattern: /^\d{14}$/ }]}
        >
          <Input maxLength={14} data-testid="dialog-merge-no" />
        </Form.Item>
      </FormModal>

      <FormModal<{
        requestType: RequestType;
        categoryCode: string;
        fields?: Record<string, string | undefined>;
        description: string;
      }>
        {...modal('split')}
        title={t('hotline.action.split')}
        testId="dialog-split"
        initialValues={{ requestType: ticket.requestType }}
        onSubmit={(v) =>
          act.mutate(
            () =>
              hotline.split(id, [
                {
                  requestType: v.requestType,
                  categoryCode: v.categoryCode,
                  fields: cleanFields(v.fields),
                  description: v.description.trim(),
                },
              ]),
            {
              onSuccess: (r) => {
                setDialog(null);
                const nos = (r as { items: { ticketNo: string }[] }).items.map((x) => x.ticketNo).join('、');
                void message.success(t('hotline.split.done', { nos }));
              },
            },
          )
        }
      >
        <CategoryPicker />
        <Form.Item name="description" label={t('hotline.split.description')} rules={[required]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="dialog-split-description" />
        </Form.Item>
      </FormModal>

      <FormModal<{ kind: 'urge' | 'supervision'; demand: string }>
        {...modal('urge')}
        title={t('hotline.action.urge')}
        testId="dialog-urge"
        initialValues={{ kind: 'urge' }}
        onSubmit={(v) => go(() => hotline.urge(id, { kind: v.kind, demand: v.demand.trim() }))}
      >
        <Form.Item name="kind">
          <Radio.Group>
            <Radio value="urge">{t('hotline.urge.urge')}</Radio>
            <Radio value="supervision">{t('hotline.urge.supervision')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="demand" label={t('hotline.field.demand')} rules={[required]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </FormModal>

      <FormModal<{ reason: string }>
        {...modal('cancel')}
        title={t('hotline.action.cancel')}
        testId="dialog-cancel"
        onSubmit={(v) => go(() => hotline.cancel(id, v.reason.trim()))}
      >
        <Form.Item name="reason" label={t('hotline.field.cancel-reason')} rules={[required]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>
    </>
  );
}
