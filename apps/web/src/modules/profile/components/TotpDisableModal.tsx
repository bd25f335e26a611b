import { Form, Input, Modal } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { useDisableTotp } from '../hooks/useProfile.ts';
import type { TotpDisableInput } from '../types.ts';

export interface TotpDisableModalProps {
  open: boolean;
  onClose: () => void;
}

export function TotpDisableModal({ open, onClose }: TotpDisableModalProps) {
  const t = useT();
  const [form] = Form.useForm<TotpDisableInput>();
  const disable = useDisableTotp();
  return (
    <Modal
      open={open}
      title={t('profile.totp.disable')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ danger: true }}
      confirmLoading={disable.isPending}
      destroyOnHidden
    >
      <Form<TotpDisableInput>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) => disable.mutate(values, { onSuccess: onClose })}
      >
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('login.totp-code')}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totp-format') }]}
        >
          <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
