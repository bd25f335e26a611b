import { Button, Empty, Flex, Input, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../i18n/format.ts';
import { isMessageKey, useT } from '../../../i18n/useT.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import { addLog } from '../api/incidents.ts';
import { useIncidentAction, useTimeline } from '../hooks/useIncidents.ts';
import type { IncidentDetail, TimelineEntry } from '../types/incidents.ts';

const COLORS: Partial<Record<TimelineEntry['kind'], string>> = {
  opened: 'red',
  stateChanged: 'orange',
  resourceTasked: 'blue',
  resourceReleased: 'gray',
  planSaved: 'purple',
};

export function IncidentTimeline({ incident }: { incident: IncidentDetail }) {
  const t = useT();
  const canWrite = useCan('maritime.manage') && incident.state !== 'closed';
  const timeline = useTimeline(incident.id);
  const [text, setText] = useState('');
  const log = useIncidentAction(incident.id, (entry: string) => addLog(incident.id, entry));
  const entries = timeline.data?.items ?? [];

  // State and outcome codes read as words; anything else is shown as written.
  const word = (prefix: 'incident.state' | 'incident.outcome', code: string | null) => {
    const key = `${prefix}.${code}`;
    return code && isMessageKey(key) ? t(key) : code;
  };
  const describe = (e: TimelineEntry) =>
    [
      e.resourceName,
      e.fromState && e.toState
        ? `${word('incident.state', e.fromState)} → ${word('incident.state', e.toState)}`
        : null,
      word('incident.outcome', e.text),
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <div data-testid="incident-timeline">
      {entries.length === 0 && !timeline.isPending && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      <Timeline
        items={entries.map((e) => ({
          color: COLORS[e.kind] ?? 'green',
          content: (
            <div>
              <Typography.Text strong>{t(`incident.timeline.${e.kind}`)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {formatDateTime(e.at)} {e.actorUsername ?? ''}
              </Typography.Text>
              {describe(e) && <div data-testid="timeline-entry-text">{describe(e)}</div>}
            </div>
          ),
        }))}
      />
      {canWrite && (
        <Flex gap={8}>
          <Input.TextArea
            rows={2}
            value={text}
            maxLength={2000}
            placeholder={t('incident.timeline.placeholder')}
            onChange={(e) => setText(e.target.value)}
            data-testid="timeline-text"
          />
          <Button
            type="primary"
            disabled={!text.trim()}
            loading={log.isPending}
            onClick={() => log.mutate(text.trim(), { onSuccess: () => setText('') })}
            data-testid="timeline-add"
          >
            {t('incident.timeline.add')}
          </Button>
        </Flex>
      )}
    </div>
  );
}
