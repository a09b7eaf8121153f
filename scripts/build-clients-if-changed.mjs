// `npm run demo` builds the two clients only when their sources changed since the last build: a second start
// serves in seconds instead of waiting minutes for Vite and Taro. The test command always builds afresh.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SHARED = ['common/src', 'common/package.json', 'package-lock.json'];
const CLIENTS = [
  {
    workspace: 'client-sidebar',
    inputs: ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'],
    outputs: ['dist'],
  },
  {
    workspace: 'client-miniprogram',
    inputs: ['src', 'config', 'types', 'babel.config.cjs', 'package.json', 'tsconfig.json'],
    outputs: ['dist', 'dist-h5'],
  },
];
const STAMP = '.source-hash';

function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

function sourceHash(client) {
  const hash = createHash('sha256');
  const paths = [...client.inputs.map((p) => join(root, client.workspace, p)), ...SHARED.map((p) => join(root, p))];
  for (const file of paths.flatMap(filesUnder)) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

for (const client of CLIENTS) {
  const hash = sourceHash(client);
  const stamps = client.outputs.map((out) => join(root, client.workspace, out, STAMP));
  const current = stamps.every((stamp) => existsSync(stamp) && readFileSync(stamp, 'utf8') === hash);
  if (current) {
    console.log(`${client.workspace}: unchanged since its last build, not rebuilt`);
    continue;
  }
  execFileSync('npm', ['run', 'build', '-w', client.workspace], { cwd: root, stdio: 'inherit' });
  for (const stamp of stamps) writeFileSync(stamp, hash);
}
