import { Type } from 'typebox';
import { DateString } from '../http/schemas.ts';

const DayKind = Type.Union([Type.Literal('holiday'), Type.Literal('workday')], {
  description: 'holiday: a public holiday; workday: a make-up workday (调休上班)',
});

export const CalendarDayDto = Type.Object({
  date: DateString,
  kind: DayKind,
  name: Type.String(),
  source: Type.String(),
});

export const CalendarYearDto = Type.Object({
  year: Type.Integer(),
  hasData: Type.Boolean({
    description: "false: the year's notice is not loaded, and only weekends count as days off",
  }),
  days: Type.Array(CalendarDayDto),
});

export const CalendarQuery = Type.Object({ year: Type.Integer({ minimum: 1949, maximum: 2200 }) });

export const DateParams = Type.Object({ date: DateString });

export const SetDayBody = Type.Object(
  {
    kind: DayKind,
    name: Type.String({ minLength: 1, maxLength: 32, description: 'e.g. 春节' }),
    source: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'the notice, e.g. 国办发明电〔2026〕N号' }),
    ),
  },
  { additionalProperties: false },
);
