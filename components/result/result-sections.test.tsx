// @vitest-environment jsdom
/**
 * The result page after a launch from the patient's record: a clinician sees, under its own heading,
 * which record and patient the answers came from and each answer from the record with the record
 * entries behind it, as a list; the answers say which came from the record.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { content } from '@/content/index';
import { assess } from '@/machines/assessment/assess';
import { resultDocument, type TSessionFacts } from '@/machines/result/document';
import { CKD, EGFR, GABAPENTIN, RECORD_ANSWERS, RECORD_CONTEXT, RECORD_FROM } from '../../tests/support/record-case';
import { ResultSections } from './result-sections';

afterEach(cleanup);

const show = (facts: Partial<TSessionFacts>) =>
  render(<ResultSections document={resultDocument(assess(RECORD_ANSWERS, content), { answers: RECORD_ANSWERS, setAside: {}, ...facts }, content)} />);

describe('the result page, answers from the record', () => {
  test('shows the record section under a heading: the record, the patient, each answer from the record and its entries as a list', () => {
    show({ fromRecord: RECORD_FROM, record: RECORD_CONTEXT });
    const section = screen.getByRole('region', { name: 'From the patient’s record' });
    expect(within(section).getByText(RECORD_CONTEXT.serverUrl)).toBeVisible();
    expect(within(section).getByText(RECORD_CONTEXT.patient)).toBeVisible();
    // One item per answer from the record, each with its own list of record entries.
    const answers = [...section.querySelectorAll(':scope > ul > li')] as HTMLElement[];
    expect(answers.map((li) => within(li).getAllByRole('listitem').map((e) => e.textContent))).toEqual([
      [`${GABAPENTIN.text} (${GABAPENTIN.reference})`],
      [`${EGFR.text} (${EGFR.reference})`, `${CKD.text} (${CKD.reference})`],
    ]);
    expect(answers.map((li) => li.firstChild?.textContent)).toEqual(['Which of these apply to the context of onset?', 'Which of these apply to the context of onset?']);
    expect(answers.map((li) => li.querySelector('strong')?.textContent)).toEqual([
      'A drug now taken that is known to cause myoclonus, whenever it was started',
      'Metabolic disturbance (kidney or liver failure, sodium, glucose, dialysis)',
    ]);
  });

  test('marks the answer that came from the record in the answers', () => {
    show({ fromRecord: RECORD_FROM, record: RECORD_CONTEXT });
    const row = screen.getByText('Which of these apply to the context of onset?', { selector: 'dt' }).parentElement!;
    expect(row).toHaveTextContent(/\(from the record: A drug now taken that is known to cause myoclonus, whenever it was started; Metabolic disturbance/);
  });

  test('says nothing of a record when no answer came from one', () => {
    show({});
    expect([screen.queryByRole('region', { name: 'From the patient’s record' }), screen.queryByText(/from the record/)]).toEqual([null, null]);
  });
});
