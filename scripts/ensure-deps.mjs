// Runs before `npm test`: on a fresh clone, install the locked dependencies first, so the README's
// test command works on its own. Does nothing when they are already installed.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('Installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
