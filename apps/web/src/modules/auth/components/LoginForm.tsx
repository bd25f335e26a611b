import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { describeError } from '../../../api/error-message.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/I18nProvider.tsx';
import { useT } from '../../../i18n/useT.ts';
import { useLogin } from '../hooks/useLogin.ts';
import type { LoginResponse } from '../types.ts';

interface LoginValues {
  username: string;
  password: string;
  totpCode?: string;
}

export interface LoginFormProps {
  onSuccess: (response: LoginResponse) => void;
}

function lockedUntil(error: ApiError): string | null {
  const details = error.details;
  if (
    details &&
    typeof details === 'object' &&
    'lockedUntil' in details &&
    typeof details.lockedUntil === 'string'
  ) {
    return details.lockedUntil;
  }
  return null;
}

function loginErrorText(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return describeError(t, error);
  switch (error.code) {
    case 'invalid_credentials':
      return t('login.invalid-credentials');
    case 'account_locked': {
      const until = lockedUntil(error);
      return until
        ? t('login.account-locked-until', { until: formatDateTime(until) })
        : t('login.account-locked');
    }
    case 'totp_invalid':
      return t('login.totp-invalid');
    case 'account_disabled':
      return t('login.account-disabled');
    default:
      return describeError(t, error);
  }
}

export function LoginForm({ onSuccess }: LoginFormProps) {
  const t = useT();
  const [form] = Form.useForm<LoginValues>();
  const [needsTotp, setNeedsTotp] = useState(false);
  const [errorText, setErrorText] = useState<string | null>(null);
  const loginMutation = useLogin();

  const submit = (values: LoginValues) => {
    setErrorText(null);
    loginMutation.mutate(
      {
        username: values.username.trim(),
        password: values.password,
        totpCode: needsTotp ? values.totpCode : undefined,
      },
      {
        onSuccess,
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'totp_required') {
            setNeedsTotp(true);
            return;
          }
          if (error instanceof ApiError && error.code === 'totp_invalid') form.setFieldValue('totpCode', '');
          setErrorText(loginErrorText(t, error));
        },
      },
    );
  };

  return (
    <Form
      form={form}
      layout="vertical"
      size="large"
      onFinish={submit}
      requiredMark={false}
      data-testid="login-form"
    >
      {errorText && (
        <Alert
          type="error"
          showIcon
          title={errorText}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
        />
      )}
      <Form.Item
        name="username"
        label={t('login.username')}
        rules={[{ required: true, message: t('login.username-required') }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('login.password')}
        rules={[{ required: true, message: t('login.password-required') }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="current-password"
          data-testid="login-password"
        />
      </Form.Item>
      {needsTotp && (
        <Form.Item
          name="totpCode"
          label={t('login.totp-code')}
          extra={t('login.totp-hint')}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totp-format') }]}
        >
          <Input
            prefix={<SafetyOutlined />}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            autoFocus
            data-testid="login-totp"
          />
        </Form.Item>
      )}
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={loginMutation.isPending}
        data-testid="login-submit"
      >
        {t('login.submit')}
      </Button>
    </Form>
  );
}
