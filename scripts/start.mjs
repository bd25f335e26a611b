// `npm start`: install what is missing, build what is stale, then run `jtgov start`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureDependencies, ensureNode, ensureWebBuild, root } from './bootstrap.mjs';

ensureNode();
ensureDependencies();
ensureWebBuild();
const child = spawn(
  process.execPath,
  [join(root, 'apps/server/bin/jtgov.js'), 'start', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
