import { Type } from 'typebox';

/** Every Open311 argument is text: an empty one must behave like an absent one (GeoReport v2). */
const Arg = (description: string) => Type.Optional(Type.String({ maxLength: 20_000, description }));

export const FormatParams = Type.Object({
  format: Type.String({ description: 'xml (required by the spec) or json' }),
});

export const ServiceParams = Type.Object({
  service_code: Type.String({ maxLength: 64 }),
  format: Type.String({ description: 'xml or json' }),
});

export const RequestParams = Type.Object({
  service_request_id: Type.String({ maxLength: 64 }),
  format: Type.String({ description: 'xml or json' }),
});

export const TokenParams = Type.Object({
  token: Type.String({ maxLength: 64 }),
  format: Type.String({ description: 'xml or json' }),
});

export const JurisdictionQuery = Type.Object({
  jurisdiction_id: Arg('an org unit code (MOT, or a GB/T 2260 region code): that subtree'),
});

export const RequestsQuery = Type.Object({
  jurisdiction_id: Arg('an org unit code: only its subtree'),
  service_request_id: Arg('comma list of tracking numbers; overrides every other filter'),
  service_code: Arg('comma list of service codes'),
  start_date: Arg('W3C date-time with zone'),
  end_date: Arg('W3C date-time with zone; at most 90 days after start_date'),
  status: Arg('comma list of open, closed'),
  page: Arg('paging extension: 1-based page'),
  page_size: Arg('paging extension: at most 1000 (the default)'),
});

export const RequestsBody = Type.Record(
  Type.String(),
  Type.Union([Type.String(), Type.Array(Type.String())]),
  {
    description:
      'application/x-www-form-urlencoded: api_key, service_code, lat+long | address_string | address_id, ' +
      'attribute[CODE] (attribute[CODE][] repeated for a multivaluelist), email, device_id, account_id, ' +
      'first_name, last_name, phone, description (≤ 4000), media_url',
  },
);

export const ServiceTypeParams = Type.Object({ code: Type.String({ pattern: '^[0-9A-Z]{2,12}$' }) });
export const ServiceTypeBody = Type.Object(
  { type: Type.Union([Type.Literal('realtime'), Type.Literal('batch')]) },
  { additionalProperties: false },
);
export const ServiceTypeDto = Type.Object({ serviceCode: Type.String(), type: Type.String() });
