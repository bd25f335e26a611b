/**
 * Open311 GeoReport v2 wire format (open311.github.io GeoReport/v2): one value tree rendered as
 * XML (required by the spec) or JSON (its "Spark" mapping: a list is an array, an element with
 * children an object). Pure functions; none throws on any input.
 */

export type Scalar = string | number | boolean | null;
export type Open311Value = Scalar | Open311Object | Open311List;
export interface Open311Object {
  readonly [key: string]: Open311Value;
}

/** A list: in XML each item is an element named `item`; in JSON the items form an array. */
export class Open311List {
  readonly item: string;
  readonly items: readonly Open311Value[];
  constructor(item: string, items: readonly Open311Value[]) {
    this.item = item;
    this.items = items;
  }
}

export type Open311Format = 'xml' | 'json';

export const CONTENT_TYPES: Record<Open311Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

// Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML =
  /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text as XML character data: escaped, with characters XML cannot carry dropped. */
export const xmlText = (text: string): string =>
  text
    .replace(NOT_XML, (c) => (c.length === 2 ? c : ''))
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] as string);

function xmlOf(name: string, value: Open311Value): string {
  if (value instanceof Open311List)
    return `<${name}>${value.items.map((v) => xmlOf(value.item, v)).join('')}</${name}>`;
  if (value === null) return `<${name}/>`;
  if (typeof value === 'object')
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => xmlOf(k, v))
      .join('')}</${name}>`;
  return `<${name}>${xmlText(String(value))}</${name}>`;
}

function jsonOf(value: Open311Value): unknown {
  if (value instanceof Open311List) return value.items.map(jsonOf);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonOf(v)]));
}

/** The document `root` (an element name) holding `value`, in the format asked for. */
export function render(format: Open311Format, root: string, value: Open311Value): string {
  if (format === 'json') return JSON.stringify(jsonOf(value));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlOf(root, value)}`;
}

/** The spec's error document: `<errors><error><code/><description/></error></errors>`. */
export const renderErrors = (
  format: Open311Format,
  errors: readonly { code: number; description: string }[],
) =>
  render(
    format,
    'errors',
    new Open311List(
      'error',
      errors.map((e) => ({ code: e.code, description: e.description })),
    ),
  );

// W3C date-time (a profile of ISO 8601) with a mandatory zone, as the spec requires.
const W3C_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** A W3C date-time with its zone, or undefined (no zone, an impossible date, anything else). */
export function parseW3cDateTime(text: string): Date | undefined {
  const m = W3C_DATETIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00', , , zh = '00', zm = '00'] = m;
  const n = (v: string | undefined) => Number(v);
  if (n(mo) < 1 || n(mo) > 12 || n(d) < 1 || n(h) > 23 || n(mi) > 59 || n(s) > 59 || n(zh) > 23 || n(zm) > 59)
    return undefined;
  if (n(d) > new Date(Date.UTC(n(y), n(mo), 0)).getUTCDate()) return undefined;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

export type FormBody = Readonly<Record<string, string | readonly string[]>>;

/**
 * An application/x-www-form-urlencoded body as name → value, a repeated name → its values in
 * order. Malformed percent escapes are kept as written (URLSearchParams never throws).
 */
export function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(body)) {
    const seen = out[key];
    if (seen === undefined) out[key] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else out[key] = [seen, value];
  }
  return out;
}

export interface DecodedRequest {
  /** The plain arguments (service_code, lat, description …); an empty value counts as absent. */
  readonly args: Readonly<Record<string, string>>;
  /** attribute[CODE]=v → v; attribute[CODE][]=v1&attribute[CODE][]=v2 → [v1, v2]. */
  readonly attributes: Readonly<Record<string, string | readonly string[]>>;
}

const ATTRIBUTE = /^attribute\[([^\]]{1,64})\](\[\])?$/;

/** Splits a POST body into arguments and attributes as the spec encodes them. */
export function decodeRequest(body: FormBody): DecodedRequest {
  const args: Record<string, string> = Object.create(null);
  const attributes: Record<string, string | string[]> = Object.create(null);
  for (const [key, raw] of Object.entries(body)) {
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
    const m = ATTRIBUTE.exec(key);
    if (m?.[1]) {
      const code = m[1];
      if (m[2])
        attributes[code] = [
          ...(Array.isArray(attributes[code]) ? (attributes[code] as string[]) : []),
          ...values.filter((v) => v !== ''),
        ];
      else if (values[0] !== undefined && values[0] !== '') attributes[code] = values[0];
      continue;
    }
    const first = values.find((v) => v !== '');
    if (first !== undefined) args[key] = first;
  }
  return { args, attributes };
}

/**
 * A citizen's text for public GETs: phone numbers, identity-card numbers and e-mail addresses
 * masked, and the requester's own name wherever it appears.
 */
export function redactPersonal(text: string, names: readonly (string | null)[] = []): string {
  let out = text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '***@***')
    .replace(/(?<![\dA-Za-z])\d{6}(19|20)\d{2}[01]\d[0-3]\d{4}[\dXx](?![\dA-Za-z])/g, '******************')
    .replace(/(?<!\d)(\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g, '***********')
    .replace(/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, '***********');
  for (const name of names) if (name && name.length >= 2) out = out.split(name).join('**');
  return out;
}
