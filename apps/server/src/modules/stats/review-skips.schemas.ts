import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateTimeString, Nullable } from '../../platform/http/schemas.ts';

const SkippableLevel = Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('county')], {
  description: 'the review level passed over for reports from the unit and its subtree',
});

export const ReviewSkipParams = Type.Object({ formId: Type.Integer({ minimum: 1 }) });

export const ReviewSkipKeyParams = Type.Object({
  formId: Type.Integer({ minimum: 1 }),
  orgUnitId: Type.Integer({ minimum: 1 }),
  level: SkippableLevel,
});

export const ReviewSkipQuery = PageQuery;

const PeriodBound = (description: string) =>
  Type.Optional(Nullable(Type.String({ minLength: 4, maxLength: 20, description })));

export const ReviewSkipBody = Type.Object({
  reason: Type.String({ maxLength: 500, default: '', description: 'why the level is skipped' }),
  fromPeriod: PeriodBound('first period (of the form’s type) it applies to; none: every period before'),
  untilPeriod: PeriodBound('last period it applies to; none: from then on'),
});

export const ReviewSkipDto = Type.Object({
  orgUnitId: Type.Integer(),
  orgName: Type.String(),
  orgCode: Type.String(),
  orgLevel: Type.String(),
  level: SkippableLevel,
  reason: Type.String(),
  fromPeriod: Nullable(Type.String()),
  untilPeriod: Nullable(Type.String()),
  createdAt: DateTimeString,
  createdBy: Nullable(Type.Integer()),
});
