import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults: demo mode on the embedded database, on loopback, port 3000, ./data', () => {
  const config = loadConfig({}, '/srv/jtgov');
  assert.equal(config.mode, 'demo');
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.dataDir, '/srv/jtgov/data');
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.adminTotp, 'optional');
  assert.ok(Object.isFrozen(config));
});

test('production listens on every interface, needs a secret key and requires administrator TOTP', () => {
  const config = loadConfig({ JTGOV_MODE: 'production', JTGOV_SECRET_KEY: 'ab'.repeat(16) });
  assert.equal(config.host, '0.0.0.0');
  assert.equal(config.adminTotp, 'required');
  assert.equal(config.cookieSecure, true);
  assert.throws(() => loadConfig({ JTGOV_MODE: 'production' }), /JTGOV_SECRET_KEY: required in production/);
});

test('every bad variable is listed at once', () => {
  try {
    loadConfig({
      PORT: 'eighty',
      JTGOV_MODE: 'staging',
      DATABASE_URL: 'mysql://x',
      JTGOV_ADMIN_PASSWORD: 'admin12345',
    });
    assert.fail('expected a ConfigError');
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    const names = err.problems.map((p) => p.split(/[=:]/)[0]);
    assert.deepEqual(names.sort(), ['DATABASE_URL', 'JTGOV_ADMIN_PASSWORD', 'JTGOV_MODE', 'PORT']);
  }
});

test('the JT/T 808 gateway runs by default on every interface, port 7808; it can be moved or turned off', () => {
  assert.deepEqual(loadConfig({}).gateway, { enabled: true, host: '0.0.0.0', port: 7808 });
  const moved = loadConfig({ JTGOV_GATEWAY: 'false', JTGOV_JT808_PORT: '0', JTGOV_JT808_HOST: '127.0.0.1' });
  assert.deepEqual(moved.gateway, { enabled: false, host: '127.0.0.1', port: 0 });
  assert.throws(() => loadConfig({ JTGOV_JT808_PORT: '70000' }), /JTGOV_JT808_PORT=70000/);
});

test('the JT/T 809 server is off unless JTGOV_JT809_PORT is set; links to superiors run by default', () => {
  assert.deepEqual(loadConfig({}).jt809, { links: true, host: '0.0.0.0', port: undefined });
  const on = loadConfig({ JTGOV_JT809_PORT: '0', JTGOV_JT809_HOST: '127.0.0.1', JTGOV_JT809_LINKS: 'false' });
  assert.deepEqual(on.jt809, { links: false, host: '127.0.0.1', port: 0 });
  assert.throws(() => loadConfig({ JTGOV_JT809_PORT: 'x' }), /JTGOV_JT809_PORT=x/);
});
