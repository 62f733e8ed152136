// What identifies a build's code: a hash of the sources a page is made from and the locked
// dependencies. The same sources give the same stamp (a rebuild changes nothing the service worker
// fetches); any change gives another. Given to the pages as process.env.BUILD_STAMP (next.config.js):
// the result's picture, kept in the tab, is drawn only by the build that kept it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SOURCES = ['app', 'components', 'machines', 'content', 'public', 'next.config.js', 'ehr.config.json', 'package-lock.json'];

/** Every file under `path`, in a fixed order; tests left out (they are no page's code). */
function filesUnder(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => (/\.test\.tsx?$/.test(name) ? [] : filesUnder(join(path, name))));
}

/** @param {string} root the project's folder */
export function buildStamp(root) {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((source) => filesUnder(join(root, source)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('base64url').slice(0, 16);
}
