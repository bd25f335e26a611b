import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateString, DateTimeString, Nullable } from '../../platform/http/schemas.ts';
import { DOMAINS } from './reference-data.ts';

export const KbStatus = Type.Union(
  [Type.Literal('draft'), Type.Literal('published'), Type.Literal('retired')],
  {
    description: 'draft: never shown to agents; published: an answer; retired: withdrawn, history kept',
  },
);

export const KbDomain = Type.Union(
  DOMAINS.map((d) => Type.Literal(d.key)),
  { description: `business domain: ${DOMAINS.map((d) => `${d.key} ${d.name}`).join(', ')}` },
);

const Key = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{1,63}$',
  description: 'shared by an article and its overrides at lower units, e.g. ridehail-driver-licence',
});
const Title = Type.String({ minLength: 1, maxLength: 200 });
const Body = Type.String({ minLength: 1, maxLength: 20_000, description: 'plain text; line breaks kept' });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: 20, uniqueItems: true });
const CategoryCode = Type.String({ pattern: '^[0-9A-Z]{2,12}$', description: 'a hotline category code' });

export const KbArticleDto = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  orgUnitId: Type.Integer(),
  orgName: Type.String(),
  ownerUserId: Nullable(Type.Integer()),
  ownerName: Nullable(Type.String()),
  status: KbStatus,
  version: Type.Integer({ description: 'the current version; every edit adds one' }),
  title: Type.String(),
  body: Type.String(),
  domain: Type.String(),
  categoryCode: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  expiresOn: Nullable(DateString),
  reviewDueOn: Nullable(DateString),
  reviewFlagged: Type.Boolean({ description: 'the owner was told the review is due' }),
  publishedAt: Nullable(DateTimeString),
  createdAt: DateTimeString,
  updatedAt: DateTimeString,
  editable: Type.Boolean({
    description: "the article is of the caller's subtree and the caller may edit it",
  }),
});

export const KbVersionDto = Type.Object({
  version: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  domain: Type.String(),
  categoryCode: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  changeNote: Nullable(Type.String()),
  editedBy: Nullable(Type.Integer()),
  editorName: Nullable(Type.String()),
  editedAt: DateTimeString,
});

export const KbSearchHitDto = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  orgUnitId: Type.Integer(),
  orgName: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  domain: Type.String(),
  categoryCode: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  titleHtml: Type.String({ description: 'the title as escaped HTML, matches in <mark>' }),
  snippetHtml: Type.String({
    description: 'the densest part of the body as escaped HTML, matches in <mark>',
  }),
  rank: Type.Number(),
  updatedAt: DateTimeString,
});

export const KbSearchResult = Type.Object({
  items: Type.Array(KbSearchHitDto),
  total: Type.Integer({
    description: 'articles in force that matched, counted over the ranked candidates (see totalCapped)',
  }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hasMore: Type.Boolean({ description: 'a next page holds more hits' }),
  totalCapped: Type.Boolean({
    description:
      'more articles matched than are ranked (at most 500 per query word set): total is a lower bound',
  }),
  mode: Type.Union(
    [Type.Literal('fulltext'), Type.Literal('partial'), Type.Literal('fuzzy'), Type.Literal('none')],
    {
      description:
        'fulltext: every query word matched; partial: no article has them all, those with most of them; ' +
        'fuzzy: no word matched, titles like the query',
    },
  ),
  terms: Type.Array(Type.String(), { description: 'the words the query was cut into' }),
});

export const KbSearchQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    q: Type.String({ minLength: 1, maxLength: 200 }),
    domain: Type.Optional(KbDomain),
    orgUnitId: Type.Optional(
      Type.Integer({
        minimum: 1,
        description:
          "search as this unit of the caller's subtree (the unit a call concerns); default the caller's",
      }),
    ),
  }),
]);

export const KbListQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    status: Type.Optional(KbStatus),
    domain: Type.Optional(KbDomain),
    key: Type.Optional(Key),
    orgUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
    reviewDue: Type.Optional(Type.Boolean({ description: 'published articles whose review date has come' })),
    level: Type.Optional(
      Type.Union(
        [Type.Literal('ministry'), Type.Literal('province'), Type.Literal('city'), Type.Literal('county')],
        { description: "the owning unit's level: national, provincial, city or county articles" },
      ),
    ),
    ownerUserId: Type.Optional(Type.Integer({ minimum: 1, description: 'articles this user owns' })),
    expiringWithin: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 366,
        description: 'published articles that expire within this many days from today, or have expired',
      }),
    ),
    q: Type.Optional(Type.String({ maxLength: 64, description: 'part of the title' })),
  }),
]);

export const CreateKbArticleBody = Type.Object(
  {
    key: Key,
    orgUnitId: Type.Integer({ minimum: 1, description: "the owning unit, in the caller's subtree" }),
    title: Title,
    body: Body,
    domain: KbDomain,
    categoryCode: Type.Optional(Nullable(CategoryCode)),
    tags: Type.Optional(Tags),
    ownerUserId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    expiresOn: Type.Optional(Nullable(DateString)),
    reviewDueOn: Type.Optional(Nullable(DateString)),
    publish: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);

export const UpdateKbArticleBody = Type.Object(
  {
    title: Type.Optional(Title),
    body: Type.Optional(Body),
    domain: Type.Optional(KbDomain),
    categoryCode: Type.Optional(Nullable(CategoryCode)),
    tags: Type.Optional(Tags),
    ownerUserId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    expiresOn: Type.Optional(Nullable(DateString)),
    reviewDueOn: Type.Optional(Nullable(DateString)),
    changeNote: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const ReviewKbArticleBody = Type.Object(
  { nextReviewOn: Nullable(DateString), note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const RestoreKbVersionBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const KbVersionParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  version: Type.Integer({ minimum: 1 }),
});

export const KbUsageQuery = Type.Intersect([PageQuery, Type.Object({ from: DateString, to: DateString })]);

export const KbUsageDto = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  title: Type.String(),
  orgName: Type.String(),
  status: KbStatus,
  views: Type.Integer(),
  citations: Type.Integer({ description: 'instant answers of tickets that cited the article' }),
});
