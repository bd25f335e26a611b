import { Form, Input, InputNumber, Modal } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { useCreateToken } from '../hooks/useTokens.ts';
import type { CreateTokenInput, CreateTokenResult } from '../types.ts';

export interface CreateTokenModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: (result: CreateTokenResult) => void;
}

export function CreateTokenModal({ open, onClose, onCreated }: CreateTokenModalProps) {
  const t = useT();
  const [form] = Form.useForm<CreateTokenInput>();
  const create = useCreateToken();
  const submit = (values: CreateTokenInput) =>
    create.mutate(
      { name: values.name.trim(), expiresInDays: values.expiresInDays ?? undefined },
      {
        onSuccess: (result) => {
          onClose();
          onCreated(result);
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t('token.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<CreateTokenInput>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ expiresInDays: 90 }}
        onFinish={submit}
      >
        <Form.Item
          name="name"
          label={t('token.field.name')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input placeholder={t('token.field.name-placeholder')} data-testid="token-form-name" />
        </Form.Item>
        <Form.Item
          name="expiresInDays"
          label={t('token.field.expires-in-days')}
          extra={t('token.field.expires-hint')}
        >
          <InputNumber min={1} max={3650} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
