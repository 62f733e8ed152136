import { describe, expect, test } from 'vitest';
import { flowContent as content } from '@/content/flow';
import type { TAnswerValue } from '@/machines/answers/answers';
import { patientLabelOf } from '@/machines/record/patient-label';
import { chartSearches, daysBefore } from './chart-searches';
import { withSuggestion } from '@/machines/record/from-record';

const q = (id: string) => content.questions.find((x) => x.id === id)!;
const suggestion = (question: string, value: string) => ({ question, value, evidence: [{ reference: 'Condition/1', text: 'x' }] });

describe('Use this answer: the answer a suggestion makes', () => {
  test.for<{ name: string; id: string; answer: TAnswerValue | undefined; value: string; made: TAnswerValue }>([
    { name: 'a checkbox question never answered', id: 'C6', answer: undefined, value: 'metabolic_derangement', made: ['metabolic_derangement'] },
    { name: 'added to what was ticked, in the page’s order', id: 'C6', answer: ['known_structural_lesion'], value: 'current_drug_known_to_cause_myoclonus', made: ['current_drug_known_to_cause_myoclonus', 'known_structural_lesion'] },
    { name: '“None of these” is replaced', id: 'C6', answer: ['none'], value: 'metabolic_derangement', made: ['metabolic_derangement'] },
    { name: '“Unknown / not assessed” is replaced', id: 'C6', answer: 'unknown', value: 'metabolic_derangement', made: ['metabolic_derangement'] },
    { name: 'already ticked: unchanged', id: 'C6', answer: ['metabolic_derangement'], value: 'metabolic_derangement', made: ['metabolic_derangement'] },
    { name: 'a single choice is replaced', id: 'D1', answer: 'none', value: 'PME', made: 'PME' },
  ])('$name', ({ id, answer, value, made }) => {
    expect(withSuggestion(q(id), answer, suggestion(id, value))).toEqual(made);
  });
});

describe('the patient as every page of the case names them', () => {
  test.for([
    { resource: { name: [{ given: ['Edith'], family: 'Sandbox' }], birthDate: '1948-05-19' }, label: 'Edith Sandbox, born 1948-05-19' },
    { resource: { name: [{ text: 'Milo Sandbox' }] }, label: 'Milo Sandbox' },
    { resource: { name: [] }, label: 'Patient/p1' },
    { resource: null, label: 'Patient/p1' },
    // A direction override in a name cannot reorder the line, and a date that is not one is left out.
    { resource: { name: [{ text: 'Eve\u202Emalicious' }], birthDate: '<script>' }, label: 'Eve\\u202emalicious' },
    { resource: { name: [{ text: 'x'.repeat(300) }] }, label: `${'x'.repeat(119)}…` },
  ])('$label', ({ resource, label }) => {
    expect(patientLabelOf(resource, 'Patient/p1')).toBe(label);
  });
});

describe('what the return page asks the record for', () => {
  test('the window counts back from the clinician’s day, across a month and a year', () => {
    expect(daysBefore('2026-12-06', 30)).toBe('2026-11-06');
    expect(daysBefore('2027-01-03', 30)).toBe('2026-12-04');
    expect(daysBefore('2028-03-01', 1)).toBe('2028-02-29');
  });

  test('every search stays in the patient’s compartment, results within the window, genetics whatever their date', () => {
    const searches = chartSearches('p-1', '2026-12-06');
    expect(searches.every((s) => s.path.includes('patient=p-1&'))).toBe(true);
    const [genetic, labs] = [searches.find((s) => s.what === 'Genetic results')!, searches.find((s) => s.what === 'Laboratory results')!];
    expect(labs.path).toContain('date=ge2026-11-06');
    expect(decodeURIComponent(labs.path)).toContain('http://loinc.org|33914-3');
    expect(genetic.path).not.toContain('date=');
  });
});
