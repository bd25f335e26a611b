import { Tag } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import type { Card, Channel, RequestType, Satisfaction, TicketState } from '../types.ts';

const STATE_COLOURS: Partial<Record<TicketState, string>> = {
  not_accepted: 'default',
  answered: 'green',
  accepted: 'blue',
  dispatching: 'blue',
  dispatched: 'geekblue',
  returned: 'orange',
  transferred_out: 'purple',
  in_progress: 'cyan',
  extension_requested: 'gold',
  awaiting_citizen: 'magenta',
  replied: 'lime',
  closed: 'green',
  callback_pending: 'green',
  callback_done: 'green',
  rehandling: 'volcano',
  archived: 'default',
  merged: 'default',
  cancelled: 'default',
};

export function StateTag({ state }: { state: TicketState }) {
  const t = useT();
  return (
    <Tag color={STATE_COLOURS[state] ?? 'default'} data-testid="ticket-state" data-state={state}>
      {t(`hotline.state.${state}`)}
    </Tag>
  );
}

/** 黄牌 one working day before a deadline, 红牌 once it has passed. */
export function CardTag({ card }: { card: Card }) {
  const t = useT();
  if (card === 'none') return null;
  return (
    <Tag color={card === 'red' ? 'red' : 'gold'} data-testid="ticket-card" data-card={card}>
      {t(`hotline.card.${card}`)}
    </Tag>
  );
}

export function useLabels() {
  const t = useT();
  return {
    type: (v: RequestType) => t(`hotline.type.${v}`),
    channel: (v: Channel) => t(`hotline.channel.${v}`),
    satisfaction: (v: Satisfaction) => t(`hotline.satisfaction.${v}`),
    state: (v: TicketState) => t(`hotline.state.${v}`),
  };
}
