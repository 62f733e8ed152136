/**
 * Vignettes (answer files in tests/vignettes) and `answerVignette`, which walks the real pages from
 * the start page to "Check your answers", answering each question the app asks from the file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { TAnswerValue } from '../../machines/answers/answers';
import { parsePath } from '../../machines/flow/paths';
import { QuestionPage, StartPage } from './pages';

export type TVignette = {
  id: string;
  title: string;
  answers: Record<string, TAnswerValue>;
  expected: { gate: string; mimic: string | null; redFlags: string[]; category: string | null; dbsTargets: string[] };
};

export function loadVignette(id: string): TVignette {
  return JSON.parse(readFileSync(path.join(__dirname, '..', 'vignettes', `${id}.json`), 'utf8')) as TVignette;
}

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
    if (onQuestion) {
      await question.expectQuestion(id);
      await onQuestion(id);
    }
    await question.answer(id, vignette.answers[id] ?? 'unknown');
  }
}
