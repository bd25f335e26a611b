import { Alert, Button, List, Space, Tag } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { useDebouncedValue } from '../../../ui/useDebouncedValue.ts';
import { useDuplicates } from '../hooks.ts';
import type { Duplicate } from '../types.ts';
import { StateTag } from './labels.tsx';

export interface DuplicateHintsProps {
  phone?: string | undefined;
  plateNo?: string | undefined;
  text?: string | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
  /** 并入已有工单: the call becomes a duplicate of this ticket (merge; its caller keeps a callback). */
  onJoin?: ((d: Duplicate) => void) | undefined;
  /** The ticket being joined, while the call is saved and merged. */
  joining?: number | undefined;
}

/** Open tickets that may be the same matter (same phone, plate, place and time, similar text). */
export function DuplicateHints(props: DuplicateHintsProps) {
  const t = useT();
  // Debounced as text: a fresh object each render would never settle.
  const settled = useDebouncedValue(
    JSON.stringify({
      phone: props.phone && props.phone.length >= 5 ? props.phone : undefined,
      plateNo: props.plateNo?.trim() || undefined,
      text: props.text && props.text.trim().length >= 4 ? props.text.trim().slice(0, 400) : undefined,
      ...(props.lat != null && props.lon != null && { lat: props.lat, lon: props.lon }),
    }),
    500,
  );
  const q = JSON.parse(settled) as Record<string, string | number | undefined>;
  const dups = useDuplicates(q);
  const items = dups.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicate-hints"
      title={t('hotline.dup.title', { total: dups.data?.total ?? items.length })}
      description={
        <List
          size="small"
          dataSource={items}
          renderItem={(d) => (
            <List.Item key={d.ticket.id} data-testid="dup-item" data-ticket-no={d.ticket.ticketNo}>
              <Space wrap size={4}>
                <Link to={`/hotline/tickets/${d.ticket.id}`}>{d.ticket.ticketNo}</Link>
                <StateTag state={d.ticket.state} />
                {d.samePhone && <Tag color="blue">{t('hotline.dup.same-phone')}</Tag>}
                {d.samePlate && <Tag color="blue">{t('hotline.dup.same-plate')}</Tag>}
                {d.nearInPlaceAndTime && <Tag color="blue">{t('hotline.dup.near')}</Tag>}
                {d.similarity >= 0.3 && (
                  <Tag>{t('hotline.dup.similar', { pct: Math.round(d.similarity * 100) })}</Tag>
                )}
                <span>{d.ticket.description.slice(0, 40)}</span>
                <span style={{ color: '#8c8c8c' }}>{formatDateTime(d.ticket.receivedAt)}</span>
                {props.onJoin && (
                  <Button
                    size="small"
                    loading={props.joining === d.ticket.id}
                    disabled={props.joining !== undefined}
                    onClick={() => props.onJoin?.(d)}
                    data-testid="dup-join"
                  >
                    {t('hotline.dup.join')}
                  </Button>
                )}
              </Space>
            </List.Item>
          )}
        />
      }
    />
  );
}
