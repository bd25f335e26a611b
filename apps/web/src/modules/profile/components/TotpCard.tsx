import { CheckCircleTwoTone } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { useMe } from '../../auth/hooks/useMe.ts';
import { TotpDisableModal } from './TotpDisableModal.tsx';
import { TotpEnrolment } from './TotpEnrolment.tsx';

export function TotpCard() {
  const t = useT();
  const me = useMe();
  const [disabling, setDisabling] = useState(false);
  return (
    <Card title={t('profile.totp.title')} data-testid="totp-card">
      {me.totpEnabled ? (
        <Flex align="center" gap={16} wrap>
          <Typography.Text>
            <CheckCircleTwoTone twoToneColor="#52c41a" /> {t('profile.totp.enabled')}
          </Typography.Text>
          <Button danger onClick={() => setDisabling(true)} data-testid="totp-disable">
            {t('profile.totp.disable')}
          </Button>
          {me.isAdmin && <Typography.Text type="secondary">{t('profile.totp.admin-note')}</Typography.Text>}
        </Flex>
      ) : (
        <TotpEnrolment />
      )}
      <TotpDisableModal open={disabling} onClose={() => setDisabling(false)} />
    </Card>
  );
}
