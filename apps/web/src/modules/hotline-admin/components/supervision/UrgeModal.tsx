import { Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useT } from '../../../../i18n/useT.ts';
import { useIssueUrge } from '../../hooks/useOversight.ts';
import type { Ticket } from '../../types.ts';

interface Values {
  kind: 'urge' | 'supervision';
  demand: string;
  answerDays?: number;
}

/** 催办 or 督办 of a ticket's handling unit: what is demanded and in how many working days. */
export function UrgeModal({ ticket, onClose }: { ticket: Ticket | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const issue = useIssueUrge();
  return (
    <Modal
      open={ticket !== null}
      title={ticket ? t('hla.urge.title', { no: ticket.ticketNo }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={issue.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'urge', answerDays: 1 }}
        onFinish={(v) => ticket && issue.mutate({ ticketId: ticket.id, ...v }, { onSuccess: onClose })}
      >
        <Form.Item name="kind" label={t('hla.urge.kind')}>
          <Radio.Group
            options={[
              { value: 'urge', label: t('hla.urge.kind.urge') },
              { value: 'supervision', label: t('hla.urge.kind.supervision') },
            ]}
          />
        </Form.Item>
        <Form.Item name="demand" label={t('hla.urge.demand')} rules={[{ required: true, max: 1000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="answerDays" label={t('hla.urge.answer-days')}>
          <InputNumber min={0} max={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
