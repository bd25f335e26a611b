import { Form, Modal } from 'antd';
import type { ReactNode } from 'react';

export interface FormModalProps<V> {
  open: boolean;
  title: ReactNode;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (values: V) => void;
  testId: string;
  initialValues?: Partial<V>;
  okText?: ReactNode;
  children: ReactNode;
}

/** A modal around a vertical form; the OK button submits it (test id `<testId>-submit`). */
export function FormModal<V extends object>({
  open,
  title,
  busy,
  onCancel,
  onSubmit,
  testId,
  initialValues,
  okText,
  children,
}: FormModalProps<V>) {
  const [form] = Form.useForm<V>();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      okText={okText}
      okButtonProps={{ 'data-testid': `${testId}-submit` }}
    >
      <Form<V>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        onFinish={onSubmit}
        data-testid={testId}
      >
        {children}
      </Form>
    </Modal>
  );
}
