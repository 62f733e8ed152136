import { describe, expect, test } from 'vitest';
import type { TAnswers } from '../answers/answers';
import { flowContent as content } from '../../content/flow';
import { canSaveBack, fromRecordOf, pendingSuggestions, readRecordSession, resolveSuggestions, type TRecordSession } from './session';


const known = (question: string, value: string) => content.questions.some((q) => q.id === question && q.options.some((o) => o.id === value));

const drug = { question: 'C6', value: 'current_drug_known_to_cause_myoclonus', evidence: [{ reference: 'MedicationRequest/med-1', text: 'Gabapentin 300 mg, active since 2026-03-02' }] };
const renal = { question: 'C6', value: 'metabolic_derangement', evidence: [{ reference: 'Observation/egfr-1', text: 'eGFR 22 on 2026-11-30' }] };
const pme = { question: 'D1', value: 'PME', evidence: [{ reference: 'Condition/cln2', text: 'CLN2 disease, confirmed' }] };

const session = (over: Partial<TRecordSession> = {}): TRecordSession => ({
  v: 1,
  recordName: 'Sandbox',
  context: { serverUrl: 'http://127.0.0.1:4010/fhir/R4', patient: 'Patient/p1', user: 'Practitioner/dr' },
  patientLabel: 'Ada Example, born 1955-04-02',
  scope: 'launch openid fhirUser patient/Observation.rs',
  suggestions: [drug, renal, pme],
  gaps: [],
  readAt: '2026-12-06T10:00:00Z',
  bound: true,
  confirmed: [],
  declined: [],
  saved: null,
  ...over,
});

describe('a suggestion counts only once confirmed, and only while the answer holds it', () => {
  test.for<{ name: string; s: TRecordSession; answers: TAnswers; from: string[] }>([
    { name: 'nothing confirmed: nothing from the record, whatever the answers', s: session(), answers: { C6: ['current_drug_known_to_cause_myoclonus'] }, from: [] },
    { name: 'confirmed and held', s: session({ confirmed: ['C6=current_drug_known_to_cause_myoclonus'] }), answers: { C6: ['current_drug_known_to_cause_myoclonus', 'new_or_changed_drug'] }, from: ['C6=current_drug_known_to_cause_myoclonus'] },
    { name: 'confirmed, then the answer changed to leave it out', s: session({ confirmed: ['C6=current_drug_known_to_cause_myoclonus'] }), answers: { C6: ['none'] }, from: [] },
    { name: 'confirmed, then answered unknown', s: session({ confirmed: ['D1=PME'] }), answers: { D1: 'unknown' }, from: [] },
    { name: 'a single choice confirmed and held', s: session({ confirmed: ['D1=PME'] }), answers: { D1: 'PME' }, from: ['D1=PME'] },
  ])('$name', ({ s, answers, from }) => {
    const got = Object.values(fromRecordOf(s, answers)).flat().map((x) => `${x.question}=${x.value}`);
    expect(got).toEqual(from);
  });

  test('continuing with a choice confirms what it holds and sets aside what it leaves out; other questions wait', () => {
    const after = resolveSuggestions(session(), 'C6', ['current_drug_known_to_cause_myoclonus']);
    expect(after.confirmed).toEqual(['C6=current_drug_known_to_cause_myoclonus']);
    expect(after.declined).toEqual(['C6=metabolic_derangement']);
    expect(pendingSuggestions(after).map((s) => s.question)).toEqual(['D1']);
  });

  test('a suggestion set aside, then ticked and continued, is confirmed; one confirmed, then left out, is set aside', () => {
    const aside = resolveSuggestions(session(), 'D1', 'none');
    expect(aside.declined).toContain('D1=PME');
    const taken = resolveSuggestions(aside, 'D1', 'PME');
    expect(taken.confirmed).toContain('D1=PME');
    expect(taken.declined).not.toContain('D1=PME');
    const left = resolveSuggestions(taken, 'D1', 'unknown');
    expect(left.confirmed).not.toContain('D1=PME');
    expect(left.declined).toContain('D1=PME');
  });

  test('moving on without a choice settles nothing', () => {
    expect(resolveSuggestions(session(), 'C6', undefined)).toEqual(session());
  });
});

describe('writing back needs a granted write scope', () => {
  test.for([
    ['launch openid patient/Observation.rs', false],
    ['patient/QuestionnaireResponse.rs', false],
    ['patient/QuestionnaireResponse.cu', true],
    ['patient/QuestionnaireResponse.c', true],
    ['patient/QuestionnaireResponse.write', true],
    ['user/QuestionnaireResponse.cruds', true],
    ['patient/*.write', true],
    ['patient/Questionnaire.cu', false],
  ] as const)('%s → %s', ([scope, can]) => {
    expect(canSaveBack(scope)).toBe(can);
  });
});

describe('what the tab kept from the record is read with care', () => {
  test('a session as written reads back the same', () => {
    expect(readRecordSession(JSON.stringify(session()), known)).toEqual({ session: session(), problem: null });
  });
  test.for([
    { name: 'not JSON', text: '{oops' },
    { name: 'another version', text: JSON.stringify({ ...session(), v: 2 }) },
    { name: 'a patient that is not a Patient reference', text: JSON.stringify({ ...session(), context: { ...session().context, patient: 'Group/1' } }) },
    { name: 'a suggestion without evidence', text: JSON.stringify({ ...session(), suggestions: [{ ...drug, evidence: [] }] }) },
    { name: 'a suggestion of an answer the questionnaire does not have', text: JSON.stringify({ ...session(), suggestions: [{ ...drug, value: 'anything' }] }) },
    { name: 'evidence naming no resource', text: JSON.stringify({ ...session(), suggestions: [{ ...drug, evidence: [{ reference: 'javascript:alert(1)', text: 'x' }] }] }) },
    { name: 'far too large', text: JSON.stringify({ ...session(), gaps: [{ what: 'x'.repeat(300_000), why: 'y' }] }) },
  ])('refused: $name, with a message that the answers are not affected', ({ text }) => {
    const read = readRecordSession(text, known);
    expect(read.session).toBeNull();
    expect(read.problem).toMatch(/goes on without the record.*answers are not affected/);
  });
});
