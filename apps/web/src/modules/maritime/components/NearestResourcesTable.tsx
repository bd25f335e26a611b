import { Button, Table, Tag } from 'antd';
import { useI18n } from '../../../i18n/useT.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import { releaseResource, taskResource } from '../api/incidents.ts';
import { useIncidentAction, useNearestResources } from '../hooks/useIncidents.ts';
import type { IncidentDetail, NearestResource } from '../types/incidents.ts';
import { formatBearing, formatEta, formatNm } from './incident-format.ts';

const STATE_TAG = {
  available: 'green',
  tasked: 'orange',
  maintenance: 'default',
  offDuty: 'default',
} as const;

export function NearestResourcesTable({ incident }: { incident: IncidentDetail }) {
  const { t } = useI18n();
  const canManage = useCan('maritime.manage') && incident.state !== 'closed';
  const resources = useNearestResources(incident.id);
  const task = useIncidentAction(incident.id, (resourceId: number) => taskResource(incident.id, resourceId));
  const release = useIncidentAction(incident.id, (resourceId: number) =>
    releaseResource(incident.id, resourceId),
  );
  const tasked = new Set(incident.taskings.filter((k) => k.releasedAt === null).map((k) => k.resourceId));
  return (
    <Table<NearestResource>
      size="small"
      rowKey={(r) => r.resource.id}
      loading={resources.isFetching}
      dataSource={resources.data?.items ?? []}
      pagination={false}
      data-testid="resources-table"
      columns={[
        { title: t('vessel.field.name'), key: 'name', render: (_, r) => r.resource.name },
        {
          title: t('incident.resources.kind'),
          key: 'kind',
          render: (_, r) => t(`incident.resource-kind.${r.resource.kind}`),
        },
        {
          title: t('incident.resources.state'),
          key: 'state',
          render: (_, r) => (
            <Tag color={STATE_TAG[r.resource.state]}>{t(`incident.resource-state.${r.resource.state}`)}</Tag>
          ),
        },
        {
          title: t('incident.field.org'),
          key: 'org',
          render: (_, r) => r.resource.baseName ?? r.resource.orgName,
        },
        {
          title: t('incident.nearby.distance'),
          key: 'distance',
          align: 'right',
          render: (_, r) => formatNm(r.distanceNm),
        },
        {
          title: t('incident.nearby.bearing'),
          key: 'bearing',
          align: 'right',
          render: (_, r) => formatBearing(r.bearingDeg),
        },
        {
          title: t('incident.nearby.eta'),
          key: 'eta',
          align: 'right',
          render: (_, r) => formatEta(t, r.etaMinutes),
        },
        ...(canManage
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, r: NearestResource) =>
                  tasked.has(r.resource.id) ? (
                    <Button
                      size="small"
                      onClick={() => release.mutate(r.resource.id)}
                      loading={release.isPending}
                    >
                      {t('incident.resources.release')}
                    </Button>
                  ) : r.resource.state === 'available' && r.resource.kind !== 'base' ? (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => task.mutate(r.resource.id)}
                      loading={task.isPending}
                    >
                      {t('incident.resources.task')}
                    </Button>
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}
