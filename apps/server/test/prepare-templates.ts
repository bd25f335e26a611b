// Run once by `npm test` before the test processes: builds the PGlite template file and the
// PostgreSQL template database that every test database is cloned from.
import { writeFile } from 'node:fs/promises';
import { buildPgliteTemplate, openTestDatabase } from './databases.ts';

const target = process.env.JTGOV_TEST_PGLITE_TEMPLATE;
if (!target) throw new Error('JTGOV_TEST_PGLITE_TEMPLATE must name the file to write');
const blob = await buildPgliteTemplate();
await writeFile(target, Buffer.from(await blob.arrayBuffer()));
// Opening one PostgreSQL test database builds the template database.
const handle = await openTestDatabase('postgres');
await handle.close();
console.error(`test templates ready (PGlite ${(blob.size / 1e6).toFixed(1)} MB)`);
