import type { UseQueryResult } from '@tanstack/react-query';
import { Badge } from 'antd';
import type { Page } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/useT.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import type { Pagination } from '../../../ui/usePagination.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import type { NearbyShip } from '../types/incidents.ts';
import { ContactsButton } from './ContactsButton.tsx';
import { formatBearing, formatEta, formatNm } from './incident-format.ts';
import { CATEGORY_COLORS, vesselName } from './vessel-style.ts';

export interface NearbyShipsTableProps {
  incidentId: number;
  query: UseQueryResult<Page<NearbyShip>>;
  pagination: Pagination;
}

export function NearbyShipsTable({ incidentId, query, pagination }: NearbyShipsTableProps) {
  const { t } = useI18n();
  const canReadContacts = useCan('maritime.contacts.read');
  return (
    <DataTable<NearbyShip>
      query={query}
      pagination={pagination}
      rowKey={(n) => n.vessel.mmsi}
      size="small"
      testId="nearby-table"
      columns={[
        {
          title: t('vessel.field.name'),
          key: 'name',
          render: (_, n) => (
            <Badge
              color={CATEGORY_COLORS[n.vessel.category]}
              text={n.registry?.name ?? vesselName(n.vessel)}
            />
          ),
        },
        { title: t('vessel.field.mmsi'), key: 'mmsi', render: (_, n) => n.vessel.mmsi },
        {
          title: t('vessel.field.category'),
          key: 'category',
          render: (_, n) => t(`maritime.category.${n.vessel.category}`),
        },
        {
          title: t('incident.nearby.distance'),
          key: 'distance',
          align: 'right',
          render: (_, n) => formatNm(n.distanceNm),
        },
        {
          title: t('incident.nearby.bearing'),
          key: 'bearing',
          align: 'right',
          render: (_, n) => formatBearing(n.bearingDeg),
        },
        {
          title: t('vessel.field.speed'),
          key: 'speed',
          align: 'right',
          render: (_, n) =>
            n.vessel.position?.speed == null ? '—' : `${n.vessel.position.speed.toFixed(1)} kn`,
        },
        {
          title: t('incident.nearby.eta'),
          key: 'eta',
          align: 'right',
          render: (_, n) => formatEta(t, n.etaMinutes),
        },
        ...(canReadContacts
          ? [
              {
                title: t('incident.contacts'),
                key: 'contacts',
                render: (_: unknown, n: NearbyShip) =>
                  n.registry?.hasContacts ? (
                    <ContactsButton incidentId={incidentId} mmsi={n.vessel.mmsi} />
                  ) : (
                    '—'
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
