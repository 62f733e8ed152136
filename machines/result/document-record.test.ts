/**
 * The result document after a launch from the patient's record: a `record` section exactly when an
 * answer the clinician confirmed from the record still holds the record's option, listing the record,
 * the patient and each such answer with its record entries; and the answers marked where they came
 * from the record.
 */
import { describe, expect, test } from 'vitest';
import { content } from '../../content/index';
import { recordResultText } from '../../content/result-text';
import type { TAnswers } from '../answers/answers';
import { assess } from '../assessment/assess';
import type { TFromRecord, TRecordContext } from '../record/types';
import { CKD, EGFR, GABAPENTIN, RECORD_ANSWERS, RECORD_CONTEXT, RECORD_FROM } from '../../tests/support/record-case';
import { resultDocument, sectionOf, type TSessionFacts } from './document';

const documentOf = (answers: TAnswers, extra: Partial<TSessionFacts>) => resultDocument(assess(answers, content), { answers, setAside: {}, ...extra }, content);
const C6_PROMPT = content.questions.find((q) => q.id === 'C6')!.prompt;
const label = (id: string) => content.questions.find((q) => q.id === 'C6')!.options.find((o) => o.id === id)!.label;
const DRUG = 'current_drug_known_to_cause_myoclonus';
/** A dystonic-posture mimic: sections A, B, D and E close, so D1 is not asked. */
const MIMIC = { G1: 'sustained_twisting_postures_only', G2: 'no', G3: 'absent' };

const cases: { name: string; answers: TAnswers; fromRecord?: TFromRecord; record?: TRecordContext | null; section: boolean }[] = [
  { name: 'a case typed by hand (no record facts at all)', answers: RECORD_ANSWERS, section: false },
  { name: 'a launch from the record with nothing confirmed from it', answers: RECORD_ANSWERS, fromRecord: {}, record: RECORD_CONTEXT, section: false },
  { name: 'two options of C6 confirmed from the record and still held', answers: RECORD_ANSWERS, fromRecord: RECORD_FROM, record: RECORD_CONTEXT, section: true },
  {
    name: 'a confirmed suggestion whose option the answer no longer holds (changed by hand)',
    answers: { ...RECORD_ANSWERS, C6: ['new_or_changed_drug'] },
    fromRecord: RECORD_FROM,
    record: RECORD_CONTEXT,
    section: false,
  },
  {
    name: 'a confirmed suggestion for a question the other answers no longer ask (D1 behind a mimic)',
    answers: { ...MIMIC, D1: 'PME' },
    fromRecord: { D1: [{ question: 'D1', value: 'PME', evidence: [{ reference: 'Condition/pme', text: 'Progressive myoclonus epilepsy' }] }] },
    record: RECORD_CONTEXT,
    section: false,
  },
  { name: 'confirmed from the record, the record itself not known', answers: RECORD_ANSWERS, fromRecord: RECORD_FROM, record: null, section: true },
];

describe('the record section of the result document', () => {
  test.for(cases)('$name: section $section', ({ answers, fromRecord, record, section }) => {
    const doc = documentOf(answers, { ...(fromRecord ? { fromRecord } : {}), ...(record !== undefined ? { record } : {}) });
    const marked = sectionOf(doc, 'answers')!.groups.flatMap((g) => g.rows.filter((r) => r.fromRecord !== null).map((r) => r.question));
    expect({ section: sectionOf(doc, 'record') !== undefined, marked }).toEqual({ section, marked: section ? ['C6'] : [] });
  });

  test('names the record, the patient and the clinician, then each answer from the record with its entries, just before the answers', () => {
    const doc = documentOf(RECORD_ANSWERS, { fromRecord: RECORD_FROM, record: RECORD_CONTEXT });
    expect(sectionOf(doc, 'record')).toEqual({
      kind: 'record',
      title: recordResultText.title,
      intro: expect.stringMatching(/suggested these answers and the clinician confirmed each one/),
      fields: [
        { label: 'Record', value: 'http://127.0.0.1:4010/fhir' },
        { label: 'Patient', value: 'Patient/gabapentin-ckd' },
        { label: 'Clinician signed in to the record', value: 'Practitioner/dr-okafor' },
      ],
      evidenceLabel: 'Record entries',
      items: [
        { question: 'C6', prompt: C6_PROMPT, answer: label(DRUG), evidence: [GABAPENTIN] },
        { question: 'C6', prompt: C6_PROMPT, answer: label('metabolic_derangement'), evidence: [EGFR, CKD] },
      ],
    });
    const kinds = doc.sections.map((s) => s.kind);
    expect(kinds.indexOf('record')).toBe(kinds.indexOf('answers') - 1);
  });

  test('an answer only part of which came from the record names those options; one all from the record says so', () => {
    const row = (answers: TAnswers) =>
      sectionOf(documentOf(answers, { fromRecord: RECORD_FROM, record: RECORD_CONTEXT }), 'answers')!
        .groups.flatMap((g) => g.rows)
        .find((r) => r.question === 'C6')!.fromRecord;
    expect([row(RECORD_ANSWERS), row({ ...RECORD_ANSWERS, C6: [DRUG, 'metabolic_derangement'] })]).toEqual([
      `from the record: ${label(DRUG)}; ${label('metabolic_derangement')}`,
      'from the record',
    ]);
  });

  test('an entry given twice for one option is listed once', () => {
    const twice: TFromRecord = { C6: [...RECORD_FROM.C6!, { question: 'C6', value: DRUG, evidence: [GABAPENTIN] }] };
    const items = sectionOf(documentOf(RECORD_ANSWERS, { fromRecord: twice, record: RECORD_CONTEXT }), 'record')!.items;
    expect(items.map((i) => i.evidence.map((e) => e.reference))).toEqual([[GABAPENTIN.reference], [EGFR.reference, CKD.reference]]);
  });

  test('the assessment is the same whether the answers came from the record or were typed by hand', () => {
    const typed = documentOf(RECORD_ANSWERS, {});
    const fromRecord = documentOf(RECORD_ANSWERS, { fromRecord: RECORD_FROM, record: RECORD_CONTEXT });
    const strip = (d: typeof typed) => d.sections.filter((s) => s.kind !== 'record' && s.kind !== 'answers');
    expect(strip(fromRecord)).toEqual(strip(typed));
  });
});
