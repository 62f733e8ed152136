/**
 * One answer vocabulary, as a clinician meets it: "Unknown / not assessed" where it was chosen, "Not
 * answered" where no answer was given, on the summary, and the same after a FHIR export and a resume.
 */
import type { Page } from '@playwright/test';
import { FHIR_QUESTIONNAIRE_URL } from '../../machines/exchange/fhir';
import { downloadFrom } from '../support/exports';
import { expect, test } from '../support/fixtures';
import { questionById, settled, type SummaryPage } from '../support/pages';

const fhirButton = (page: Page) => page.getByRole('button', { name: 'Download FHIR QuestionnaireResponse' });
const resumeFileInput = (page: Page) => page.getByLabel('FHIR QuestionnaireResponse file (.json) from this tool or another FHIR form');

/** The summary as read: each question with its answer, and the notes above the answers. */
async function summaryText(summary: SummaryPage) {
  const prompts = await summary.main.getByRole('term').allInnerTexts();
  const answers = await summary.main.getByRole('definition').filter({ hasNotText: /^Change/ }).allInnerTexts();
  return { rows: prompts.map((prompt, i) => [prompt, answers[i]]), notes: await summary.main.getByRole('note').allInnerTexts() };
}

test('"Unknown / not assessed" chosen in the browser still reads so after a FHIR export and a resume, and a question never answered still reads "Not answered"', async ({ page, startPage, questionPage, summaryPage, resultPage }) => {
  await startPage.goto();
  await startPage.start();
  // Two questions answered "Unknown / not assessed", two answered.
  for (const [question, value] of [['G1', 'positive_jerks'], ['G2', 'unknown'], ['G3', 'absent'], ['C1', 'unknown']] as const) await questionPage.answer(question, value);
  // The rest is left open: the summary opened by its address.
  await page.goto('/summary');
  await settled(page);
  await summaryPage.expectOpen();
  const before = await summaryText(summaryPage);
  expect(before.rows).toEqual(
    expect.arrayContaining([
      [questionById('G2').prompt, 'Unknown / not assessed'],
      [questionById('C1').prompt, 'Unknown / not assessed'],
      [questionById('C2').prompt, 'Not answered'],
    ]),
  );
  expect(before.rows.flat().filter((text) => text === 'Not provided')).toEqual([]);

  await summaryPage.seeAssessment.click();
  await resultPage.expectOpen();
  const file = await downloadFrom(page, fhirButton(page));
  expect(JSON.parse(file.bytes.toString('utf8'))).toMatchObject({ resourceType: 'QuestionnaireResponse', questionnaire: expect.stringContaining(FHIR_QUESTIONNAIRE_URL) });

  await resultPage.startAgain.click();
  await expect(startPage.heading).toBeVisible();
  await startPage.attestation.check();
  await resumeFileInput(page).setInputFiles({ name: file.name, mimeType: 'application/fhir+json', buffer: file.bytes });
  await page.getByRole('button', { name: 'Replace my answers with the file' }).click();

  await summaryPage.expectOpen();
  await expect(summaryPage.main.getByRole('term')).toHaveCount(before.rows.length);
  expect(await summaryText(summaryPage)).toEqual(before);
});
