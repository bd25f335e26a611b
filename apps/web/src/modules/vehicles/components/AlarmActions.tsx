import { Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import { useAlarmAction } from '../hooks/useAlarms.ts';
import type { AlarmAction, AlarmDetail } from '../types.ts';

const ORDER: readonly AlarmAction[] = ['acknowledge', 'handle', 'close'];

/** What the server says the caller may do now, as buttons; handle and close ask for a note. */
export function AlarmActions({ detail }: { detail: AlarmDetail }) {
  const t = useT();
  const canHandle = useCan('vehicle.alarm.handle');
  const [asking, setAsking] = useState<AlarmAction | null>(null);
  const [form] = Form.useForm<{ note?: string }>();
  const act = useAlarmAction(detail.alarm.id);
  const actions = canHandle ? ORDER.filter((a) => detail.actions.includes(a)) : [];
  if (actions.length === 0) return null;

  return (
    <>
      <Space>
        {actions.map((a) => (
          <Button
            key={a}
            type={a === 'close' ? 'primary' : 'default'}
            loading={act.isPending && act.variables?.action === a}
            onClick={() => (a === 'acknowledge' ? act.mutate({ action: a }) : setAsking(a))}
            data-testid={`alarm-${a}`}
          >
            {t(`valarm.action.${a}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={asking !== null}
        title={asking ? t(`valarm.action.${asking}`) : ''}
        onCancel={() => setAsking(null)}
        onOk={() => form.submit()}
        confirmLoading={act.isPending}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'alarm-note-submit' }}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) =>
            asking &&
            act.mutate(
              { action: asking, note: v.note?.trim() || undefined },
              { onSuccess: () => setAsking(null) },
            )
          }
        >
          <Form.Item
            name="note"
            label={t('valarm.field.note')}
            rules={
              asking === 'close'
                ? [{ required: true, whitespace: true, message: t('valarm.action.note-required') }]
                : []
            }
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="alarm-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
