/**
 * Shortcut figures for `npm run bench`: over every vignette, the question pages a clinician visits
 * with "Skip the rest of this section" and "Go to the summary", against the enabled questions, and
 * whether the result after the shortcuts equals the result of the whole file. Prints, never fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { content } from '../content/index';
import { parseAnswerFile } from '../machines/answers/answers';
import { assessShown, walk } from '../tests/support/shortcut-walk';

export function shortcutFigures(dir = path.join(__dirname, '..', 'tests', 'vignettes')) {
  let pages = 0;
  let enabled = 0;
  let skipOnlyPages = 0;
  let offered = 0;
  const wrong: string[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  for (const f of files) {
    const parsed = parseAnswerFile(JSON.parse(readFileSync(path.join(dir, f), 'utf8')), content);
    if (!parsed.ok) throw new Error(`${f}: ${parsed.problems.map((p) => p.message).join('; ')}`);
    const w = walk(parsed.answers, content);
    pages += w.pages;
    enabled += w.enabled;
    if (w.shortcut) offered += 1;
    skipOnlyPages += walkSkipsOnly(parsed.answers);
    if (JSON.stringify(assessShown(w.answers, content)) !== JSON.stringify(assessShown(parsed.answers, content))) wrong.push(f);
  }
  return { files: files.length, pages, enabled, ratio: pages / enabled, skipOnlyRatio: skipOnlyPages / enabled, offered, wrong };
}

/** The same walk without "Go to the summary": the pages skipping sections alone takes. */
function walkSkipsOnly(file: Parameters<typeof walk>[0]): number {
  return walk(file, content, { summary: false }).pages;
}

if (require.main === module) {
  const r = shortcutFigures();
  console.log(`shortcuts over ${r.files} vignettes: ${r.pages} question pages visited of ${r.enabled} enabled questions`);
  console.log(`  page ratio with skips and "Go to the summary": ${r.ratio.toFixed(3)} (target <= 0.85)`);
  console.log(`  page ratio with section skips alone:          ${r.skipOnlyRatio.toFixed(3)}`);
  console.log(`  "Go to the summary" offered in ${r.offered} of ${r.files}; wrong results after shortcuts: ${r.wrong.length}${r.wrong.length ? ` (${r.wrong.join(', ')})` : ''}`);
}
