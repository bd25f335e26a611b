import { Button, Card, Checkbox, Form, Input, Space, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../i18n/format.ts';
import { isMessageKey, useT } from '../../../i18n/useT.ts';
import * as hotline from '../api.ts';
import { useCitizenRequests, useHotlineMutation, useTicketHistory } from '../hooks.ts';
import type { CitizenRequest, Note, TicketState, WorkflowEvent } from '../types.ts';
import { useLabels } from './labels.tsx';

type Entry =
  | { at: string; kind: 'event'; event: WorkflowEvent }
  | { at: string; kind: 'note'; note: Note }
  | { at: string; kind: 'citizen'; request: CitizenRequest };

// Row ids and counters in a transition's note mean nothing to a reader; the citizen's answer
// (channel, days paused) has an entry of its own.
const TECHNICAL = /Id$|^round$|^via$|^pausedWorkingDays$/;
// A question to the citizen reads as itself.
const PLAIN = new Set(['question']);

/** Short text of what a transition carried (a reason, a note), when it is plain. */
function noteText(note: unknown): string | null {
  if (!note || typeof note !== 'object') return null;
  const parts = Object.entries(note as Record<string, unknown>)
    .filter(([k, v]) => !TECHNICAL.test(k) && (typeof v === 'string' || typeof v === 'number'))
    .map(([k, v]) => (PLAIN.has(k) ? String(v) : `${k}: ${v}`));
  return parts.length ? parts.join('；') : null;
}

/** The staff timeline: every transition and every note (internal ones marked), oldest first. */
export function TicketTimeline({ id, notes }: { id: number; notes: Note[] }) {
  const t = useT();
  const labels = useLabels();
  const history = useTicketHistory(id);
  const citizen = useCitizenRequests(id);
  const [form] = Form.useForm<{ body: string; public?: boolean }>();
  const add = useHotlineMutation((v: { body: string; public?: boolean }) => hotline.addNote(id, v));

  const entries: Entry[] = [
    ...(history.data?.items ?? []).map((event) => ({ at: event.at, kind: 'event' as const, event })),
    ...notes.map((note) => ({ at: note.at, kind: 'note' as const, note })),
    // The citizen's answers (the transitions carry only the channel and the days paused).
    ...(citizen.data?.items ?? []).flatMap((request) =>
      request.answeredAt ? [{ at: request.answeredAt, kind: 'citizen' as const, request }] : [],
    ),
  ].sort((a, b) => a.at.localeCompare(b.at));

  return (
    <Card size="small" title={t('hotline.detail.timeline')} data-testid="ticket-timeline">
      <Timeline
        items={entries.map((e) =>
          e.kind === 'citizen'
            ? {
                key: `c${e.request.id}`,
                color: 'orange',
                children: (
                  <div data-testid="timeline-citizen">
                    <Space size={6}>
                      <Tag color="orange">{t(`hotline.citizen.via.${e.request.answeredVia ?? 'agent'}`)}</Tag>
                      <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                    </Space>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{e.request.answer}</div>
                  </div>
                ),
              }
            : e.kind === 'event'
              ? {
                  key: `e${e.event.id}`,
                  color: 'blue',
                  children: (
                    <div data-testid="timeline-event">
                      <Space size={6} wrap>
                        <Typography.Text strong>
                          {isMessageKey(`hotline.action.${e.event.action}`)
                            ? t(`hotline.action.${e.event.action}` as never)
                            : e.event.action}
                        </Typography.Text>
                        <span>→ {labels.state(e.event.toState as TicketState)}</span>
                        <Typography.Text type="secondary">
                          {formatDateTime(e.at)} {e.event.actorUsername ?? t('hotline.detail.system')}
                        </Typography.Text>
                      </Space>
                      {noteText(e.event.note) && (
                        <div>
                          <Typography.Text type="secondary">{noteText(e.event.note)}</Typography.Text>
                        </div>
                      )}
                    </div>
                  ),
                }
              : {
                  key: `n${e.note.id}`,
                  color: e.note.kind === 'internal' ? 'gray' : 'green',
                  children: (
                    <div data-testid="timeline-note">
                      <Space size={6}>
                        <Tag color={e.note.kind === 'internal' ? 'default' : 'green'}>
                          {t(`hotline.note.${e.note.kind}`)}
                        </Tag>
                        <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                      </Space>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{e.note.body}</div>
                    </div>
                  ),
                },
        )}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          add.mutate(
            { body: v.body.trim(), public: Boolean(v.public) },
            { onSuccess: () => form.resetFields() },
          )
        }
      >
        <Form.Item name="body" rules={[{ required: true, whitespace: true }]} style={{ marginBottom: 8 }}>
          <Input.TextArea
            rows={2}
            maxLength={2000}
            placeholder={t('hotline.note.placeholder')}
            data-testid="note-body"
          />
        </Form.Item>
        <Space>
          <Form.Item name="public" valuePropName="checked" noStyle>
            <Checkbox data-testid="note-public">{t('hotline.note.public-check')}</Checkbox>
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending} data-testid="note-add">
            {t('hotline.note.add')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
