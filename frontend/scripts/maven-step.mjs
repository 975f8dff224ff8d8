// Run by Maven (exec-maven-plugin) before the Spring Boot build: `node scripts/maven-step.mjs install|build`.
// Each step runs npm only when its output is older than its input, so a restart with nothing changed does not
// touch npm (or the network); a fresh clone (no node_modules, no built output) runs both. Prints what it does.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const step = process.argv[2];
const installCmd = process.env.FRONTEND_NPM_INSTALL || 'ci';

/** Newest modification time under the given paths (files or directories), 0 when none exists. */
function newest(...paths) {
  let t = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) t = Math.max(t, newest(join(p, e)));
    } else {
      t = Math.max(t, st.mtimeMs);
    }
  }
  return t;
}

function mtime(p) {
  return existsSync(p) ? statSync(p).mtimeMs : 0;
}

function npm(args) {
  console.log(`[frontend] npm ${args.join(' ')}`);
  const r = spawnSync('npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (step === 'install') {
  // npm writes node_modules/.package-lock.json on every install: newer than the lock file means up to date.
  const installed = mtime(join(root, 'node_modules', '.package-lock.json'));
  const wanted = newest(join(root, 'package-lock.json'), join(root, 'package.json'));
  if (installed > 0 && installed >= wanted) {
    console.log('[frontend] node_modules is up to date with package-lock.json: npm install skipped');
  } else {
    console.log(installed ? '[frontend] package-lock.json changed: installing packages' : '[frontend] first build: installing packages (needs the npm registry)');
    npm([installCmd, '--no-audit', '--no-fund']);
  }
} else if (step === 'build') {
  const out = resolve(root, '..', 'target', 'classes', 'static', 'index.html');
  const built = mtime(out);
  const sources = newest(
    join(root, 'src'),
    join(root, 'public'),
    join(root, 'index.html'),
    join(root, 'vite.config.ts'),
    join(root, 'tsconfig.json'),
    join(root, 'package-lock.json'),
  );
  if (built > 0 && built >= sources) {
    console.log('[frontend] built UI in target/classes/static is newer than frontend/src: build skipped');
  } else {
    console.log(built ? '[frontend] frontend sources changed: building the UI' : '[frontend] building the UI into target/classes/static');
    npm(['run', 'build']);
  }
} else {
  console.error('usage: node scripts/maven-step.mjs install|build');
  process.exit(2);
}
