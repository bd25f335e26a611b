import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { describeError } from '../../../api/error-message.ts';
import { useT } from '../../../i18n/useT.ts';
import * as hotline from '../api.ts';

/**
 * The handling unit's question on the public page, and the citizen's answer to it (tracking
 * number plus query code): the ticket's clocks run again once it is sent.
 */
export function PublicAnswerForm({
  ticketNo,
  code,
  question,
}: {
  ticketNo: string;
  code: string;
  question: string;
}) {
  const t = useT();
  const client = useQueryClient();
  const [form] = Form.useForm<{ answer: string }>();
  const send = useMutation({
    mutationFn: (answer: string) => hotline.answerPublic(ticketNo, code, answer),
    meta: { silent: true },
    onSuccess: () => client.invalidateQueries({ queryKey: ['hotline-public', 'view'] }),
  });
  return (
    <div data-testid="public-question" style={{ marginBottom: 16 }}>
      <Alert type="warning" showIcon title={t('hotline.public.question')} description={question} />
      {send.isError && (
        <Alert type="error" showIcon title={describeError(t, send.error)} style={{ marginTop: 8 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        style={{ marginTop: 12 }}
        onFinish={(v) => send.mutate(v.answer.trim())}
      >
        <Form.Item
          name="answer"
          label={t('hotline.public.your-answer')}
          rules={[{ required: true, whitespace: true, message: t('hotline.public.answer-required') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="public-answer-text" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={send.isPending}
          data-testid="public-answer-send"
        >
          {t('hotline.public.send-answer')}
        </Button>
      </Form>
    </div>
  );
}
