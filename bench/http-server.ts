// The server side of the HTTP benchmark, in its own process so the load generator does not share
// its event loop: `bare` serves one bare Fastify route; `platform` serves the whole application on
// PostgreSQL (DATABASE_URL) or PGlite (no DATABASE_URL). Prints `ready <port>` when listening.
import Fastify from 'fastify';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { loadSecretBox, openConfiguredDatabase } from '../apps/server/src/runtime.ts';

const mode = process.argv[2];
if (mode === 'bare') {
  const app = Fastify({ logger: false });
  app.get('/bare', async () => ({ items: [], total: 0, page: 1, pageSize: 20 }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`ready ${(app.server.address() as { port: number }).port}`);
} else {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const handle = await openConfiguredDatabase(config);
  const app = await buildApp({
    config,
    db: handle.db,
    dbKind: handle.kind,
    secretBox: loadSecretBox(config),
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`ready ${(app.server.address() as { port: number }).port}`);
}
