import { Alert, Button, Flex, Form, Input, QRCode, Steps, Typography } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { useConfirmTotp, useStartTotpSetup } from '../hooks/useProfile.ts';

export interface TotpEnrolmentProps {
  onEnrolled?: () => void;
}

/** Setup creates a secret on the server; it becomes active only once a code from it is confirmed. */
export function TotpEnrolment({ onEnrolled }: TotpEnrolmentProps) {
  const t = useT();
  const setup = useStartTotpSetup();
  const confirm = useConfirmTotp();
  const secret = setup.data;

  return (
    <div data-testid="totp-enrolment">
      <Steps
        size="small"
        current={secret ? 1 : 0}
        style={{ marginBottom: 24 }}
        items={[{ title: t('profile.totp.step-scan') }, { title: t('profile.totp.step-confirm') }]}
      />
      {!secret ? (
        <>
          <Typography.Paragraph>{t('profile.totp.intro')}</Typography.Paragraph>
          <Button
            type="primary"
            loading={setup.isPending}
            onClick={() => setup.mutate()}
            data-testid="totp-start"
          >
            {t('profile.totp.start')}
          </Button>
        </>
      ) : (
        <Flex gap={24} wrap align="flex-start">
          <QRCode value={secret.uri} size={180} data-testid="totp-qr" />
          <div style={{ flex: 1, minWidth: 240 }}>
            <Typography.Paragraph>{t('profile.totp.scan')}</Typography.Paragraph>
            <Typography.Paragraph>
              {t('profile.totp.manual')}
              <br />
              <Typography.Text code copyable data-testid="totp-secret">
                {secret.secret}
              </Typography.Text>
            </Typography.Paragraph>
            <Form<{ code: string }>
              layout="inline"
              onFinish={({ code }) => confirm.mutate(code, { onSuccess: () => onEnrolled?.() })}
            >
              <Form.Item
                name="code"
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totp-format') }]}
              >
                <Input
                  placeholder={t('login.totp-code')}
                  maxLength={6}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  style={{ width: 160 }}
                  data-testid="totp-confirm-code"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={confirm.isPending} data-testid="totp-confirm">
                {t('profile.totp.confirm')}
              </Button>
            </Form>
            {confirm.isSuccess && (
              <Alert type="success" showIcon title={t('profile.totp.enabled')} style={{ marginTop: 16 }} />
            )}
          </div>
        </Flex>
      )}
    </div>
  );
}
