import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { describeError } from '../../../api/error-message.ts';
import { useT } from '../../../i18n/useT.ts';
import { useChangePassword } from '../hooks/useProfile.ts';
import { MIN_PASSWORD_LENGTH, meetsPasswordHint } from '../password-policy.ts';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export interface ChangePasswordFormProps {
  onChanged?: () => void;
}

export function ChangePasswordForm({ onChanged }: ChangePasswordFormProps) {
  const t = useT();
  const [form] = Form.useForm<PasswordValues>();
  const [errorText, setErrorText] = useState<string | null>(null);
  const change = useChangePassword();

  const submit = ({ currentPassword, newPassword }: PasswordValues) => {
    setErrorText(null);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          onChanged?.();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'invalid_credentials')
            setErrorText(t('profile.password.current-wrong'));
          else setErrorText(describeError(t, error));
        },
      },
    );
  };

  return (
    <Form<PasswordValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      style={{ maxWidth: 420 }}
      data-testid="change-password-form"
    >
      {errorText && (
        <Alert
          type="error"
          showIcon
          title={errorText}
          style={{ marginBottom: 16 }}
          data-testid="change-password-error"
        />
      )}
      <Form.Item name="currentPassword" label={t('profile.password.current')} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('profile.password.new')}
        extra={t('profile.password.hint', { min: MIN_PASSWORD_LENGTH })}
        rules={[
          { required: true },
          {
            validator: (_, value: string | undefined) =>
              !value || meetsPasswordHint(value)
                ? Promise.resolve()
                : Promise.reject(new Error(t('profile.password.weak'))),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('profile.password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('profile.password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
        {t('profile.password.submit')}
      </Button>
    </Form>
  );
}
