import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateString, DateTimeString, Nullable } from '../../platform/http/schemas.ts';

export const StatsQuery = Type.Object({
  from: DateString,
  to: Type.String({ format: 'date', description: 'YYYY-MM-DD, inclusive (Beijing days); at most 366 days' }),
});

export const StatsPageQuery = Type.Intersect([PageQuery, StatsQuery]);

const Count = Type.Object({ key: Type.String(), name: Type.String(), count: Type.Integer() });
const Rate = Nullable(
  Type.Number({ description: 'a fraction (0.9813 = 98.13%); null when nothing was counted' }),
);

export const StatsSummaryDto = Type.Object({
  from: DateTimeString,
  to: DateTimeString,
  received: Type.Integer(),
  byChannel: Type.Array(Count),
  byType: Type.Array(Count),
  byDomain: Type.Array(Count),
  byRegion: Type.Array(Count, { description: "rolled up to the caller's direct subordinate units" }),
  instantAnswer: Type.Object(
    { answered: Type.Integer(), inquiries: Type.Integer(), rate: Rate },
    { description: '即时答复率: inquiries answered at once / inquiries received' },
  ),
  onTimeClosure: Type.Object(
    { onTime: Type.Integer(), closed: Type.Integer(), rate: Rate },
    { description: '限时办结率: handled tickets closed within the limit / closed in the period' },
  ),
  satisfaction: Type.Object(
    {
      satisfied: Type.Integer(),
      basicallySatisfied: Type.Integer(),
      dissatisfied: Type.Integer(),
      unreachable: Type.Integer(),
      rate: Rate,
    },
    { description: '回访满意率: (满意 + 基本满意) / callbacks that reached the caller' },
  ),
});

export const UnitPerformanceDto = Type.Object({
  rank: Type.Integer(),
  orgUnitId: Type.Integer(),
  orgName: Type.String(),
  received: Type.Integer(),
  closed: Type.Integer(),
  closedOnTime: Type.Integer(),
  overdueOpen: Type.Integer({ description: 'open with a red card' }),
  onTimeRate: Rate,
  satisfied: Type.Integer(),
  judged: Type.Integer(),
  satisfactionRate: Rate,
});
