import { Card, Col, Row } from 'antd';
import { useT } from '../i18n/useT.ts';
import { ChangePasswordForm } from '../modules/profile/components/ChangePasswordForm.tsx';
import { ProfileInfoCard } from '../modules/profile/components/ProfileInfoCard.tsx';
import { TotpCard } from '../modules/profile/components/TotpCard.tsx';
import { ApiTokensCard } from '../modules/tokens/components/ApiTokensCard.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function ProfilePage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('nav.profile')} />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <ProfileInfoCard />
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('profile.password.title')} style={{ height: '100%' }}>
            <ChangePasswordForm />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <TotpCard />
        </Col>
        <Col span={24}>
          <ApiTokensCard />
        </Col>
      </Row>
    </>
  );
}
