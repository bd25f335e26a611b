import { ApartmentOutlined, BellOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { RoleTags } from '../../auth/components/RoleTags.tsx';
import { useMe } from '../../auth/hooks/useMe.ts';
import { useUnreadCount } from '../../notifications/hooks/useNotifications.ts';

/** A light start page: who I am, for whom, and whether anything waits for me. */
export function DashboardOverview() {
  const t = useT();
  const me = useMe();
  const unread = useUnreadCount();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={8}>
        <Card
          title={
            <>
              <ApartmentOutlined /> {t('dashboard.my-org')}
            </>
          }
          data-testid="dashboard-org"
        >
          <Typography.Title level={4} style={{ margin: 0 }}>
            {me.orgName}
          </Typography.Title>
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card
          title={
            <>
              <SafetyCertificateOutlined /> {t('dashboard.my-roles')}
            </>
          }
          data-testid="dashboard-roles"
        >
          <RoleTags roles={me.roles} />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card
          title={
            <>
              <BellOutlined /> {t('dashboard.unread')}
            </>
          }
          data-testid="dashboard-unread"
        >
          <Statistic value={unread.data?.count ?? 0} loading={unread.isPending} />
        </Card>
      </Col>
    </Row>
  );
}
