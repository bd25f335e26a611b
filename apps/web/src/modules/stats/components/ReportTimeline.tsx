import { Card, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../i18n/format.ts';
import { isMessageKey, useT } from '../../../i18n/useT.ts';
import { useTimeline } from '../hooks/useStats.ts';
import type { ReportRef, TimelineEntry } from '../model/types.ts';

const COLORS: Record<string, string> = {
  submit: 'blue',
  approve: 'green',
  publish: 'green',
  return: 'red',
  reopen: 'orange',
  withdraw: 'gray',
  remind: 'orange',
  escalate: 'red',
};

/** A note's human part: a return reason, explanations of soft rules, a reminder's or unlock's text. */
function noteText(entry: TimelineEntry): string | null {
  const note = entry.note as Record<string, unknown> | null;
  if (!note || typeof note !== 'object') return typeof note === 'string' ? note : null;
  const parts: string[] = [];
  if (typeof note.reason === 'string') parts.push(note.reason);
  if (note.explanations && typeof note.explanations === 'object')
    for (const [rule, text] of Object.entries(note.explanations as Record<string, string>))
      parts.push(`${rule}：${text}`);
  if (typeof note.note === 'string') parts.push(note.note);
  if (typeof note.decisionNote === 'string') parts.push(note.decisionNote);
  return parts.length > 0 ? parts.join('；') : null;
}

/** Every action on the report, unlock requests and reminders, oldest first. */
export function ReportTimeline({ reportRef }: { reportRef: ReportRef }) {
  const t = useT();
  const query = useTimeline(reportRef);
  const items = query.data?.items ?? [];
  const label = (e: TimelineEntry) => {
    const key = e.kind === 'unlockRequest' ? `stats.unlock.${e.action}` : `stats.event.${e.action}`;
    return isMessageKey(key) ? t(key) : e.action;
  };
  return (
    <Card size="small" title={t('stats.timeline.title')} data-testid="report-timeline">
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('stats.timeline.empty')}</Typography.Text>
      ) : (
        <Timeline
          items={items.map((e, i) => {
            const note = noteText(e);
            return {
              key: `${e.at}-${i}`,
              color: COLORS[e.action] ?? 'blue',
              content: (
                <div data-testid="timeline-entry" data-action={e.action}>
                  <Typography.Text strong>{label(e)}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {e.actor ?? '—'} · {formatDateTime(e.at)}
                  </Typography.Text>
                  {note && <div style={{ whiteSpace: 'pre-wrap' }}>{note}</div>}
                </div>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
