/**
 * The sandbox record (`npm run ehr`, started by playwright.config.ts) as the launch tests see it:
 * its address, the launch address of a seeded patient, what each seeded chart should suggest, and
 * the walk that answers a case from the record.
 */
import { expect, type Page } from '@playwright/test';
import { content } from '../../content';
import type { TAnswerValue } from '../../machines/answers/answers';
import { parsePath } from '../../machines/flow/paths';
import { QuestionPage } from './pages';

export const EHR_ORIGIN = 'http://127.0.0.1:4010';
export const FHIR_BASE = `${EHR_ORIGIN}/fhir/R4`;

/** The address an EHR opens to launch the app for a seeded patient (the sandbox's launch id is `launch-<id>`). */
export const launchAddress = (patient: string) => `/launch?${new URLSearchParams({ iss: FHIR_BASE, launch: `launch-${patient}` }).toString()}`;

/** What a seeded chart should suggest (scripts/ehr/patients/README.md), by question: option → its resources. */
export type TChartCase = { patient: string; name: string; suggests: Record<string, Record<string, string[]>> };

export const seededCharts: TChartCase[] = [
  {
    patient: 'sandbox-gabapentin-ckd',
    name: 'Edith Sandbox',
    suggests: { C6: { current_drug_known_to_cause_myoclonus: ['MedicationRequest/ckd-gabapentin'], metabolic_derangement: ['Observation/ckd-egfr-recent'] } },
  },
  {
    patient: 'sandbox-child-cln2',
    name: 'Milo Sandbox',
    suggests: { C2: { under_10: ['Patient/sandbox-child-cln2'] }, D1: { PME: ['Condition/cln2-disease'] }, D1a: { NCL: ['Condition/cln2-disease'] } },
  },
  {
    patient: 'sandbox-sgce-md',
    name: 'Tom Sandbox',
    suggests: { D1: { myoclonus_dystonia_SGCE_confirmed: ['Condition/sgce-md', 'Observation/sgce-variant'] } },
  },
];

/** The answers confirming every suggestion of a chart gives: each suggested option, one list per checkbox question. */
export function suggestedAnswers(chart: TChartCase): Record<string, TAnswerValue> {
  return Object.fromEntries(
    Object.entries(chart.suggests).map(([id, options]) => {
      const q = content.questions.find((x) => x.id === id)!;
      const values = Object.keys(options);
      return [id, q.kind === 'multi' ? values : values[0]!];
    }),
  );
}

/** The region a question page shows the record's suggestions in. */
export const suggestionRegion = (page: Page) => page.getByRole('region', { name: 'Suggested by the patient’s record' });

/**
 * From the start page after a launch: Start, then every question the app asks, "Unknown / not
 * assessed" where `answers` has nothing. On a page with suggestions, `onSuggestions` acts first
 * (by default: Use this answer, for each); then the page is answered with `answers` as a clinician
 * would (ticking an option already ticked changes nothing). Returns the ids asked.
 */
export async function walkFromRecord(
  page: Page,
  answers: Record<string, TAnswerValue>,
  /** The questions whose pages show suggestions (the walk waits for them there, and checks there are none elsewhere). */
  suggested: readonly string[],
  onSuggestions: (id: string) => Promise<void> = async () => {
    // Each press replaces its button by "Ticked below": take the first left until none is.
    const use = suggestionRegion(page).getByRole('button', { name: /^Use this answer/ });
    while ((await use.count()) > 0) await use.first().click();
  },
  /** Runs on every question page as it opens, before anything else. */
  onQuestion: (id: string) => Promise<void> = async () => {},
): Promise<string[]> {
  const question = new QuestionPage(page);
  await page.getByLabel(/^I am a licensed clinician/).check();
  await page.getByRole('button', { name: 'Start now' }).click();
  const asked: string[] = [];
  for (;;) {
    await expect(page).not.toHaveURL(/\/$/);
    const { pathname, hash } = new URL(page.url());
    const position = parsePath(pathname, hash);
    if (position === 'summary') return asked;
    const id = position !== null && typeof position !== 'string' ? position.question : null;
    if (!id || asked.includes(id)) throw new Error(`unexpected page ${pathname}${hash} after ${asked.join(', ')}`);
    asked.push(id);
    await question.expectQuestion(id);
    await onQuestion(id);
    if (suggested.includes(id)) {
      await expect(suggestionRegion(page)).toBeVisible();
      await onSuggestions(id);
    } else await expect(suggestionRegion(page)).toHaveCount(0);
    await question.submit(id, answers[id] ?? 'unknown');
  }
}
