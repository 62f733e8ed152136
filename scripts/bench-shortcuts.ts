/**
 * Shortcut figures for `npm run bench`: over every vignette, the question pages a clinician visits
 * with "Skip the rest of this section" and "Go to the summary", against the enabled questions, and
 * whether the result after the shortcuts equals the result of the whole file. Prints, never fails.
 */
import { content } from '../content/index';
import { assessShown, walk } from '../tests/support/shortcut-walk';
import { answersOf, loadVignettes } from '../tests/support/vignettes';

export function shortcutFigures() {
  let pages = 0;
  let enabled = 0;
  let skipOnlyPages = 0;
  let offered = 0;
  const wrong: string[] = [];
  const vignettes = loadVignettes();
  for (const v of vignettes) {
    const answers = answersOf(v);
    const w = walk(answers, content);
    pages += w.pages;
    enabled += w.enabled;
    if (w.shortcut) offered += 1;
    skipOnlyPages += walkSkipsOnly(answers);
    if (JSON.stringify(assessShown(w.answers, content)) !== JSON.stringify(assessShown(answers, content))) wrong.push(v.file);
  }
  return { files: vignettes.length, pages, enabled, ratio: pages / enabled, skipOnlyRatio: skipOnlyPages / enabled, offered, wrong };
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
