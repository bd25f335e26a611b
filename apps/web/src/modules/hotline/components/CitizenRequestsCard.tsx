import { Card, Descriptions, Tag } from 'antd';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { useCitizenRequests } from '../hooks.ts';

/** 等待来电人补充: what the unit asked, and what the citizen answered (on the web or by phone). */
export function CitizenRequestsCard({ id }: { id: number }) {
  const t = useT();
  const requests = useCitizenRequests(id);
  const items = requests.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('hotline.detail.citizen-requests')} data-testid="ticket-citizen-requests">
      {items.map((r) => (
        <Descriptions key={r.id} size="small" column={1} bordered style={{ marginBottom: 8 }}>
          <Descriptions.Item label={t('hotline.citizen.question')}>
            {r.question} <span style={{ color: '#8c8c8c' }}>{formatDateTime(r.askedAt)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('hotline.citizen.answer')}>
            {r.answer === null ? (
              <Tag color="orange">{t('hotline.citizen.waiting')}</Tag>
            ) : (
              <span data-testid="citizen-answer">
                <Tag color={r.answeredVia === 'public' ? 'green' : 'blue'}>
                  {t(`hotline.citizen.via.${r.answeredVia ?? 'agent'}`)}
                </Tag>
                {r.answer}{' '}
                <span style={{ color: '#8c8c8c' }}>
                  {formatDateTime(r.answeredAt)} ·{' '}
                  {t('hotline.citizen.paused-days', { days: r.pausedWorkingDays ?? 0 })}
                </span>
              </span>
            )}
          </Descriptions.Item>
        </Descriptions>
      ))}
    </Card>
  );
}
