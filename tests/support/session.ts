/**
 * Open a page of the flow with saved progress, as if the clinician had answered up to there in this
 * tab: faster than walking every question, and the same state the app saves itself.
 */
import { expect, type Page } from '@playwright/test';
import { content } from '../../content';
import { parseAnswerFile } from '../../machines/answers/parse';
import { formatPath } from '../../machines/flow/paths';
import { serialise, STORAGE_KEY } from '../../machines/exchange/persistence';
import type { TPosition } from '../../machines/flow/questionnaire.machine';
import { settled } from './pages';

/**
 * Put saved progress in this tab's sessionStorage, from a document of the app's origin that runs no
 * script (its icon): no page of the app is open to read it first or save over it, and it costs no
 * page load of its own.
 */
export async function saveInTab(page: Page, saved: string) {
  await page.goto('/icon.svg');
  await page.evaluate(([key, value]) => sessionStorage.setItem(key, value), [STORAGE_KEY, saved] as const);
}

/** Empty this tab's sessionStorage, as a new tab has it (from the icon, so that no page of the app saves into it). */
export async function clearTab(page: Page) {
  await page.goto('/icon.svg');
  await page.evaluate(() => sessionStorage.clear());
}

export async function openWithAnswers(page: Page, answers: Record<string, unknown>, position: TPosition) {
  const parsed = parseAnswerFile({ answers }, content);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  await saveInTab(page, serialise({ answers: parsed.answers, position, attested: true }, content));
  // Open the saved page by its address, as a reload there would (the start page stands on its own).
  await page.goto(formatPath(position));
  await settled(page);
  const path = formatPath(position).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}
