import { Descriptions, Drawer, Empty, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../i18n/format.ts';
import { isMessageKey, useT } from '../../../i18n/useT.ts';
import { useAlarm } from '../hooks/useAlarms.ts';
import type { AlarmHistoryEntry } from '../types.ts';
import { AlarmActions } from './AlarmActions.tsx';
import { kindText, LEVEL_COLORS, peakText, STATE_TAG_COLORS } from './alarm-format.ts';

const noteOf = (e: AlarmHistoryEntry): string | null =>
  typeof e.note === 'string'
    ? e.note
    : e.note && typeof e.note === 'object' && 'note' in e.note
      ? String((e.note as { note: unknown }).note)
      : null;

/** One alarm: what happened, its handling history and the next workflow actions. */
export function AlarmDetailDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const t = useT();
  const detail = useAlarm(id);
  const d = detail.data;
  const a = d?.alarm;
  const stateWord = (s: string) => {
    const key = `valarm.state.${s}`;
    return isMessageKey(key) ? t(key) : s;
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={440}
      title={a ? `${a.plateNo} · ${kindText(t, a.kind)}` : t('valarm.detail.title')}
      extra={d && <AlarmActions detail={d} />}
      data-testid="alarm-detail"
    >
      {detail.isPending && <Spin />}
      {a && d && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('valarm.field.state')}>
              <Tag color={STATE_TAG_COLORS[a.state]} data-testid="alarm-detail-state">
                {t(`valarm.state.${a.state}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('valarm.field.level')}>
              <Tag color={LEVEL_COLORS[a.level]}>{t(`valarm.level.${a.level}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('valarm.field.source')}>
              {t(`valarm.source.${a.source}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('valarm.field.started')}>
              {formatDateTime(a.startedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('valarm.field.ended')}>
              {a.ongoing ? t('valarm.ongoing') : formatDateTime(a.endedAt)}
            </Descriptions.Item>
            <Descriptions.Item
              label={t('valarm.field.speed')}
            >{`${a.speed.toFixed(1)} km/h`}</Descriptions.Item>
            <Descriptions.Item label={t('valarm.field.peak')}>{peakText(a)}</Descriptions.Item>
            <Descriptions.Item label={t('valarm.field.position')}>
              {`${a.lat.toFixed(5)}, ${a.lon.toFixed(5)}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('valarm.field.note')}>{a.handlingNote ?? '—'}</Descriptions.Item>
          </Descriptions>
          <div data-testid="alarm-history">
            <Typography.Title level={5}>{t('valarm.detail.history')}</Typography.Title>
            {d.history.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('valarm.detail.no-history')} />
            ) : (
              <Timeline
                items={d.history.map((e) => ({
                  key: e.id,
                  content: (
                    <div>
                      <Typography.Text strong>
                        {stateWord(e.fromState)} → {stateWord(e.toState)}
                      </Typography.Text>{' '}
                      <Typography.Text type="secondary">
                        {e.actorUsername ?? '—'} · {formatDateTime(e.at)}
                      </Typography.Text>
                      {noteOf(e) && <div>{noteOf(e)}</div>}
                    </div>
                  ),
                }))}
              />
            )}
          </div>
        </Space>
      )}
    </Drawer>
  );
}
