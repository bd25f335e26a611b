import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ajvFormats from 'ajv-formats';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { DateTimeString, Nullable } from './schemas.ts';

// Fastify validates with ajv's coerceTypes, as the app does; these fields must keep an explicit
// null as null and a zero, an empty string or false as themselves.
const Body = Type.Object({
  integer: Nullable(Type.Integer({ minimum: 0 })),
  number: Nullable(Type.Number()),
  string: Nullable(Type.String({ maxLength: 4 })),
  boolean: Nullable(Type.Boolean()),
  at: Nullable(DateTimeString),
  choice: Nullable(Type.Union([Type.Literal('a'), Type.Literal('b')])),
  point: Nullable(Type.Object({ lat: Type.Number() })),
});

async function echo() {
  const app = Fastify({ ajv: { plugins: [ajvFormats.default as never] } });
  app.post('/', { schema: { body: Body, response: { 200: Body } } }, async (request) => request.body);
  return app;
}

describe('Nullable fields under coercion', () => {
  test('an explicit null stays null, in the request and in the response', async () => {
    const app = await echo();
    const body = {
      integer: null,
      number: null,
      string: null,
      boolean: null,
      at: null,
      choice: null,
      point: null,
    };
    const res = await app.inject({ method: 'POST', url: '/', payload: body });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), body);
  });

  test('falsy values are kept as given, not turned into null', async () => {
    const app = await echo();
    const body = {
      integer: 0,
      number: 0,
      string: '',
      boolean: false,
      at: '2026-12-01T08:00:00.000Z',
      choice: 'b',
      point: { lat: 0 },
    };
    const res = await app.inject({ method: 'POST', url: '/', payload: body });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), body);
  });

  test('the inner schema still validates a value', async () => {
    const app = await echo();
    const base = { number: 1, string: 'x', boolean: true, at: null, choice: 'a', point: null };
    for (const bad of [
      { ...base, integer: -1 },
      { ...base, integer: 1, string: 'too long' },
      { ...base, integer: 1, choice: 'c' },
      { ...base, integer: 1, at: 'yesterday' },
      { ...base, integer: 1, point: { lat: 'north' } },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/', payload: bad });
      assert.equal(res.statusCode, 400, JSON.stringify(bad));
    }
  });

  test('query strings are still coerced to the inner type', async () => {
    const app = Fastify();
    app.get(
      '/',
      { schema: { querystring: Type.Object({ n: Nullable(Type.Integer()) }) } },
      async (request) => request.query,
    );
    assert.deepEqual((await app.inject({ method: 'GET', url: '/?n=42' })).json(), { n: 42 });
  });
});
