import { Alert, Descriptions, Empty } from 'antd';
import { useI18n } from '../../../i18n/useT.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import type { IncidentDetail } from '../types/incidents.ts';
import { ContactsButton } from './ContactsButton.tsx';
import { formatLatLon } from './geo-format.ts';
import { flagName, shipTypeText, vesselName } from './vessel-style.ts';

export function DistressedVessel({ incident }: { incident: IncidentDetail }) {
  const { t, locale } = useI18n();
  const canReadContacts = useCan('maritime.contacts.read');
  const d = incident.distressedVessel;
  if (!d) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incident.distressed.none')} />;
  const live = d.live;
  const reg = d.registry;
  const regFlag = reg?.flagName ? (locale === 'zh-CN' ? reg.flagName.zh : reg.flagName.en) : null;
  return (
    <>
      {!live && (
        <Alert
          type="warning"
          showIcon
          title={t('incident.distressed.not-live')}
          style={{ marginBottom: 8 }}
        />
      )}
      <Descriptions size="small" column={1} bordered data-testid="distressed-vessel">
        <Descriptions.Item label={t('vessel.field.name')}>
          {reg?.name ?? (live ? vesselName(live) : '—')}
        </Descriptions.Item>
        <Descriptions.Item label={t('vessel.field.mmsi')}>{d.mmsi}</Descriptions.Item>
        <Descriptions.Item label={t('vessel.field.flag')}>
          {regFlag ?? (live ? flagName(live, locale) : null) ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('vessel.field.ship-type')}>
          {(reg ? (locale === 'zh-CN' ? reg.shipTypeName.zh : reg.shipTypeName.en) : null) ??
            (live ? shipTypeText(live, locale) : null) ??
            '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('vessel.field.call-sign')}>
          {reg?.callSign ?? live?.static?.callSign ?? '—'}
        </Descriptions.Item>
        {live?.position && (
          <Descriptions.Item label={t('vessel.field.position')}>
            {formatLatLon(live.position)}
            {live.position.speed !== null ? ` · ${live.position.speed.toFixed(1)} kn` : ''}
          </Descriptions.Item>
        )}
        {reg && (
          <Descriptions.Item label={t('incident.distressed.registry')}>{reg.orgName}</Descriptions.Item>
        )}
        {canReadContacts && reg?.hasContacts && (
          <Descriptions.Item label={t('incident.contacts')}>
            <ContactsButton incidentId={incident.id} mmsi={d.mmsi} />
          </Descriptions.Item>
        )}
      </Descriptions>
    </>
  );
}
