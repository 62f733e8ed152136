/**
 * `answerVignette` walks the real pages from the start page to "Check your answers", answering each
 * question the app asks from a vignette (tests/support/vignettes.ts).
 */
import type { Page } from '@playwright/test';
import { parsePath } from '../../machines/flow/paths';
import { QuestionPage, StartPage } from './pages';
import type { TVignette } from './vignettes';

/**
 * Start a session and answer every question the app asks, "Unknown / not assessed" where the file
 * has no answer, until the summary opens. Returns the question ids in the order they were asked.
 * `onQuestion` runs on each question page as it opens, before it is answered.
 */
export async function answerVignette(
  page: Page,
  vignette: Pick<TVignette, 'answers'>,
  { onQuestion }: { onQuestion?: (id: string) => Promise<void> } = {},
): Promise<string[]> {
  const start = new StartPage(page);
  const question = new QuestionPage(page);
  await start.goto();
  await start.start();
  const asked: string[] = [];
  for (;;) {
    const { pathname, hash } = new URL(page.url());
    const position = parsePath(pathname, hash);
    if (position === 'summary') return asked;
    const id = position !== null && typeof position !== 'string' ? position.question : null;
    if (!id) throw new Error(`expected a question or the summary, got ${pathname}${hash}`);
    if (asked.includes(id)) throw new Error(`${id} was asked twice: ${asked.join(', ')}`);
    asked.push(id);
    await question.expectQuestion(id);
    if (onQuestion) await onQuestion(id);
    await question.submit(id, vignette.answers[id] ?? 'unknown');
  }
}
