import { Alert, Card, Col, Descriptions, Row, Spin, Tabs, Tag } from 'antd';
import { describeError } from '../../../api/error-message.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { usePagination } from '../../../ui/usePagination.ts';
import { useIncident, useNearbyShips, useNearestResources } from '../hooks/useIncidents.ts';
import type { IncidentDetail } from '../types/incidents.ts';
import { DistressedVessel } from './DistressedVessel.tsx';
import { formatLatLon } from './geo-format.ts';
import { IncidentActions } from './IncidentActions.tsx';
import { IncidentMap } from './IncidentMap.tsx';
import { IncidentTimeline } from './IncidentTimeline.tsx';
import { STATE_COLORS } from './incident-format.ts';
import { NearbyShipsTable } from './NearbyShipsTable.tsx';
import { NearestResourcesTable } from './NearestResourcesTable.tsx';

function Facts({ incident: i }: { incident: IncidentDetail }) {
  const t = useT();
  return (
    <Descriptions size="small" column={{ xs: 1, lg: 3 }} bordered>
      <Descriptions.Item label={t('incident.field.state')}>
        <Tag color={STATE_COLORS[i.state]} data-testid="incident-state">
          {t(`incident.state.${i.state}`)}
          {i.outcome ? ` · ${t(`incident.outcome.${i.outcome}`)}` : ''}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('incident.field.nature')}>
        {t(`incident.nature.${i.nature}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('incident.field.source')}>
        {t(`incident.source.${i.source}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('incident.field.position')}>
        <span data-testid="incident-position">{formatLatLon(i.position)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('incident.field.alert-at')}>{formatDateTime(i.alertAt)}</Descriptions.Item>
      <Descriptions.Item label={t('incident.field.pob')}>{i.personsOnBoard ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('incident.field.org')}>{i.orgName}</Descriptions.Item>
      <Descriptions.Item label={t('incident.field.opened')}>
        {formatDateTime(i.openedAt)} {i.openedBy}
      </Descriptions.Item>
      <Descriptions.Item label={t('incident.field.description')}>{i.description ?? '—'}</Descriptions.Item>
    </Descriptions>
  );
}

function Loaded({ incident }: { incident: IncidentDetail }) {
  const t = useT();
  const pagination = usePagination(10);
  const nearby = useNearbyShips(incident.id, pagination.params);
  const resources = useNearestResources(incident.id);
  return (
    <>
      <PageHeader
        title={incident.code}
        subtitle={t(`incident.nature.${incident.nature}`)}
        extra={<IncidentActions incident={incident} />}
      />
      <Facts incident={incident} />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} xl={16}>
          <Card size="small" styles={{ body: { padding: 8 } }}>
            <IncidentMap
              incident={incident}
              nearby={nearby.data?.items ?? []}
              resources={resources.data?.items ?? []}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('incident.distressed')}>
            <DistressedVessel incident={incident} />
          </Card>
        </Col>
      </Row>
      <Card size="small" style={{ marginTop: 16 }}>
        <Tabs
          items={[
            {
              key: 'nearby',
              label: t('incident.nearby.title', { radius: incident.radiusNm }),
              children: <NearbyShipsTable incidentId={incident.id} query={nearby} pagination={pagination} />,
            },
            {
              key: 'resources',
              label: t('incident.resources.title'),
              children: <NearestResourcesTable incident={incident} />,
            },
            {
              key: 'timeline',
              label: t('incident.timeline.title'),
              children: <IncidentTimeline incident={incident} />,
            },
          ]}
        />
      </Card>
    </>
  );
}

export function IncidentDetailView({ id }: { id: number }) {
  const t = useT();
  const incident = useIncident(id);
  if (incident.isError) return <Alert type="error" showIcon title={describeError(t, incident.error)} />;
  if (!incident.data) return <Spin />;
  return <Loaded incident={incident.data} />;
}
