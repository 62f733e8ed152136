import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { content } from '../../content/index';
import { conditionSets, labRules, myoclonusDrugSources, sgceFinding } from '../../content/record';
import { suggestFromRecord } from './suggest';
import type { TSuggestion } from './types';

const TODAY = '2026-12-06';
const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const ATC = 'http://www.whocc.no/atc';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const SCT = 'http://snomed.info/sct';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const ORPHA = 'http://www.orpha.net';

type TBundle = { entry: { resource: Record<string, unknown> }[] };
const chart = (file: string): unknown[] =>
  (JSON.parse(readFileSync(new URL(`../../scripts/ehr/patients/${file}`, import.meta.url), 'utf8')) as TBundle).entry.map(
    (e) => e.resource,
  );

/** The answers suggested, as `Q.option`. */
const answers = (resources: unknown[], today = TODAY) =>
  suggestFromRecord(resources, today).suggestions.map((s) => `${s.question}.${s.value}`);

// ── Fixtures ──────────────────────────────────────────────────────────────────────────────────────

const concept = (system: string, code: string, display = code) => ({ coding: [{ system, code, display }] });

const medRequest = (over: Record<string, unknown> = {}) => ({
  resourceType: 'MedicationRequest',
  id: 'med',
  status: 'active',
  intent: 'order',
  authoredOn: '2026-03-02',
  medicationCodeableConcept: { ...concept(RX, '310431', 'gabapentin 300 MG Oral Capsule'), text: 'Gabapentin 300 mg oral capsule' },
  subject: { reference: 'Patient/p' },
  ...over,
});

const medStatement = (over: Record<string, unknown> = {}) => ({
  resourceType: 'MedicationStatement',
  id: 'stmt',
  status: 'active',
  effectivePeriod: { start: '2025-01-15' },
  medicationCodeableConcept: concept(ATC, 'N06AB06', 'sertraline'),
  subject: { reference: 'Patient/p' },
  ...over,
});

const result = (over: Record<string, unknown> = {}, quantity: Record<string, unknown> = {}) => ({
  resourceType: 'Observation',
  id: 'obs',
  status: 'final',
  code: concept(LOINC, '98979-8', 'eGFR CKD-EPI 2021'),
  effectiveDateTime: '2026-12-04T08:30:00Z',
  valueQuantity: { value: 22, unit: 'mL/min/1.73m2', system: UCUM, code: 'mL/min/{1.73_m2}', ...quantity },
  subject: { reference: 'Patient/p' },
  ...over,
});

const sodium = (value: number, code = 'mmol/L') =>
  result({ code: concept(LOINC, '2951-2', 'Sodium') }, { value, code, unit: code });
const glucose = (value: number, code: string, loinc = '2345-7') =>
  result({ code: concept(LOINC, loinc, 'Glucose') }, { value, code, unit: code });

const status = (system: string, code: string) => ({ coding: [{ system, code }] });
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

const condition = (code: object, over: Record<string, unknown> = {}) => ({
  resourceType: 'Condition',
  id: 'cond',
  clinicalStatus: status(CLINICAL, 'active'),
  verificationStatus: status(VERIFICATION, 'confirmed'),
  code,
  onsetDateTime: '2023-03-09',
  subject: { reference: 'Patient/p' },
  ...over,
});

const ncl = concept(SCT, '14637005', 'Late-infantile neuronal ceroid lipofuscinosis');
const mdClinical = concept(ORPHA, '36899', 'Myoclonus-dystonia syndrome');

const variant = (gene = 'HGNC:10808', significance = 'LA6668-3', present = 'LA9633-4') => ({
  resourceType: 'Observation',
  id: 'variant',
  status: 'final',
  code: concept(LOINC, sgceFinding.loinc, 'Genetic variant assessment'),
  effectiveDateTime: '2019-04-02',
  valueCodeableConcept: concept(LOINC, present, 'Present'),
  component: [
    { code: concept(LOINC, '48018-6'), valueCodeableConcept: concept('http://www.genenames.org/geneid', gene, 'SGCE') },
    { code: concept(LOINC, '53037-8'), valueCodeableConcept: concept(LOINC, significance, 'Pathogenic') },
  ],
});

const patient = (birthDate?: unknown) => ({ resourceType: 'Patient', id: 'p', ...(birthDate === undefined ? {} : { birthDate }) });

// ── The seed charts of the sandbox record ─────────────────────────────────────────────────────────

describe('each seed chart suggests exactly its answers, with every supporting resource as evidence', () => {
  test.each<{ file: string; expected: TSuggestion[] }>([
    {
      file: 'gabapentin-ckd.json',
      expected: [
        {
          question: 'C6',
          value: 'current_drug_known_to_cause_myoclonus',
          evidence: [{ reference: 'MedicationRequest/ckd-gabapentin', text: 'Gabapentin 300 mg oral capsule, active since 2026-03-02' }],
        },
        {
          question: 'C6',
          value: 'metabolic_derangement',
          evidence: [{ reference: 'Observation/ckd-egfr-recent', text: 'eGFR 22 mL/min/1.73 m² on 2026-12-04 (below 30)' }],
        },
      ],
    },
    {
      file: 'child-cln2.json',
      expected: [
        { question: 'C2', value: 'under_10', evidence: [{ reference: 'Patient/sandbox-child-cln2', text: 'Born 2019-08-14: 7 years old on 2026-12-06' }] },
        {
          question: 'D1',
          value: 'PME',
          evidence: [{ reference: 'Condition/cln2-disease', text: 'CLN2 disease (late-infantile neuronal ceroid lipofuscinosis), confirmed, active since 2022-11-20' }],
        },
        {
          question: 'D1a',
          value: 'NCL',
          evidence: [{ reference: 'Condition/cln2-disease', text: 'CLN2 disease (late-infantile neuronal ceroid lipofuscinosis), confirmed, active since 2022-11-20' }],
        },
      ],
    },
    {
      file: 'sgce-myoclonus-dystonia.json',
      expected: [
        {
          question: 'D1',
          value: 'myoclonus_dystonia_SGCE_confirmed',
          evidence: [
            { reference: 'Condition/sgce-md', text: 'Myoclonus-dystonia, confirmed, active since 2010-06-01' },
            { reference: 'Observation/sgce-variant', text: 'SGCE variant, pathogenic, on 2019-04-02' },
          ],
        },
      ],
    },
  ])('$file', ({ file, expected }) => {
    expect(suggestFromRecord(chart(file), TODAY)).toEqual({ suggestions: expected, unread: [] });
  });

  test('the seed charts keep their suggestions for four weeks from 2026-12-06 (the result window and the fixed dates)', () => {
    expect(answers(chart('gabapentin-ckd.json'), '2027-01-03')).toContain('C6.metabolic_derangement');
    expect(answers(chart('gabapentin-ckd.json'), '2027-01-04')).not.toContain('C6.metabolic_derangement');
  });

  test('each seed patient has a fixed id, a synthetic name, a birth date, and every resource points to that patient', () => {
    for (const file of ['gabapentin-ckd.json', 'child-cln2.json', 'sgce-myoclonus-dystonia.json']) {
      const resources = chart(file) as Record<string, unknown>[];
      const patients = resources.filter((r) => r.resourceType === 'Patient');
      expect(patients).toHaveLength(1);
      const p = patients[0] as { id: string; name: { family: string }[]; birthDate: string };
      expect(p.name[0]?.family).toBe('Sandbox');
      expect(p.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const subjects = resources.filter((r) => r !== p).map((r) => (r.subject as { reference: string }).reference);
      expect(new Set(subjects)).toEqual(new Set([`Patient/${p.id}`]));
    }
  });
});

// ── C6: a drug known to cause myoclonus ───────────────────────────────────────────────────────────

describe('a current drug known to cause myoclonus is suggested only from an active order or statement with a listed code', () => {
  test.each<{ name: string; resource: object; suggested: boolean }>([
    { name: 'an active order of gabapentin 300 mg (RxNorm clinical drug)', resource: medRequest(), suggested: true },
    { name: 'an active order coded by ingredient (RxNorm pregabalin)', resource: medRequest({ medicationCodeableConcept: concept(RX, '187832') }), suggested: true },
    { name: 'an active order coded by ATC only (lithium)', resource: medRequest({ medicationCodeableConcept: concept(ATC, 'N05AN01') }), suggested: true },
    { name: 'an active plan', resource: medRequest({ intent: 'plan' }), suggested: true },
    { name: 'a proposal', resource: medRequest({ intent: 'proposal' }), suggested: false },
    { name: 'an order not to give it (doNotPerform)', resource: medRequest({ doNotPerform: true }), suggested: false },
    ...['stopped', 'completed', 'cancelled', 'on-hold', 'entered-in-error', 'draft', 'unknown'].map((s) => ({
      name: `an order whose status is ${s}`,
      resource: medRequest({ status: s }),
      suggested: false,
    })),
    { name: 'an active statement of sertraline (ATC)', resource: medStatement(), suggested: true },
    ...['stopped', 'completed', 'intended', 'not-taken', 'on-hold', 'entered-in-error'].map((s) => ({
      name: `a statement whose status is ${s}`,
      resource: medStatement({ status: s }),
      suggested: false,
    })),
    { name: 'levetiracetam, a drug outside the list', resource: medRequest({ medicationCodeableConcept: concept(ATC, 'N03AX14') }), suggested: false },
    { name: 'duloxetine, an antidepressant outside the list', resource: medRequest({ medicationCodeableConcept: concept(ATC, 'N06AX21') }), suggested: false },
    { name: 'ciprofloxacin eye drops (ophthalmic ATC)', resource: medRequest({ medicationCodeableConcept: concept(ATC, 'S01AE03') }), suggested: false },

    {
      name: 'a contained Medication',
      resource: medRequest({
        medicationCodeableConcept: undefined,
        medicationReference: { reference: '#m1' },
        contained: [{ resourceType: 'Medication', id: 'm1', code: concept(RX, '25480', 'gabapentin') }],
      }),
      suggested: true,
    },
  ])('$name → suggested: $suggested', ({ resource, suggested }) => {
    expect(answers([resource]).includes('C6.current_drug_known_to_cause_myoclonus')).toBe(suggested);
  });

  test('a Medication read alongside resolves the order’s reference', () => {
    const order = medRequest({ medicationCodeableConcept: undefined, medicationReference: { reference: 'Medication/gaba' } });
    const med = { resourceType: 'Medication', id: 'gaba', code: concept(RX, '310431', 'gabapentin 300 MG Oral Capsule') };
    expect(suggestFromRecord([order, med], TODAY).suggestions).toEqual([
      {
        question: 'C6',
        value: 'current_drug_known_to_cause_myoclonus',
        evidence: [{ reference: 'MedicationRequest/med', text: 'gabapentin 300 MG Oral Capsule, active since 2026-03-02' }],
      },
    ]);
  });

  test('a medication reference that was not read goes to unread, and suggests nothing', () => {
    const order = medRequest({ medicationCodeableConcept: undefined, medicationReference: { reference: 'Medication/elsewhere' } });
    expect(suggestFromRecord([order], TODAY)).toEqual({
      suggestions: [],
      unread: [{ reference: 'MedicationRequest/med', reason: 'Its medication (Medication/elsewhere) was not read from the record.' }],
    });
  });

  test.each<{ name: string; medication: object; reason: string }>([
    {
      name: 'named only in words',
      medication: { text: 'gabapentin 300mg' },
      reason: 'gabapentin 300mg: not coded in RxNorm or ATC, so not checked against the drugs known to cause myoclonus.',
    },
    {
      name: 'coded in another system (a listed number under SNOMED)',
      medication: concept(SCT, '25480', 'Gabapentin'),
      reason: 'Gabapentin: not coded in RxNorm or ATC, so not checked against the drugs known to cause myoclonus.',
    },
  ])('an active drug $name cannot be checked: it goes to unread, and suggests nothing', ({ medication, reason }) => {
    expect(suggestFromRecord([medRequest({ medicationCodeableConcept: medication })], TODAY)).toEqual({
      suggestions: [],
      unread: [{ reference: 'MedicationRequest/med', reason }],
    });
  });

  test('a stopped drug named only in words is not reported', () => {
    expect(suggestFromRecord([medRequest({ status: 'stopped', medicationCodeableConcept: { text: 'gabapentin' } })], TODAY)).toEqual({ suggestions: [], unread: [] });
  });

  test('two active drugs are one suggestion with both as evidence, in a fixed order', () => {
    const s = suggestFromRecord([medStatement({ id: 'z' }), medRequest({ id: 'a' })], TODAY).suggestions;
    expect(s.map((x) => x.evidence.map((e) => e.reference))).toEqual([['MedicationRequest/a', 'MedicationStatement/z']]);
  });
});

// ── C6: a metabolic derangement ───────────────────────────────────────────────────────────────────

describe('a metabolic derangement is suggested only from a recent final result beyond its threshold, in a unit it reads', () => {
  test.each<{ name: string; resource: object; suggested: boolean }>([
    { name: 'eGFR 22 two days ago', resource: result(), suggested: true },
    { name: 'eGFR 29.9', resource: result({}, { value: 29.9 }), suggested: true },
    { name: 'eGFR 30 (the threshold itself)', resource: result({}, { value: 30 }), suggested: false },
    { name: 'eGFR 31', resource: result({}, { value: 31 }), suggested: false },
    { name: 'eGFR 22 exactly 30 days ago', resource: result({ effectiveDateTime: '2026-11-06' }), suggested: true },
    { name: 'eGFR 22 31 days ago', resource: result({ effectiveDateTime: '2026-11-05T23:59:00Z' }), suggested: false },
    { name: 'eGFR 22 dated by its period’s end', resource: result({ effectiveDateTime: undefined, effectivePeriod: { start: '2026-12-01', end: '2026-12-02' } }), suggested: true },
    { name: 'eGFR 22 dated only by when it was issued', resource: result({ effectiveDateTime: undefined, issued: '2026-12-05T10:00:00Z' }), suggested: true },
    { name: 'eGFR 22, amended', resource: result({ status: 'amended' }), suggested: true },
    { name: 'eGFR 22, corrected', resource: result({ status: 'corrected' }), suggested: true },
    { name: 'eGFR 22, preliminary', resource: result({ status: 'preliminary' }), suggested: false },
    { name: 'eGFR 22, cancelled', resource: result({ status: 'cancelled' }), suggested: false },
    { name: 'eGFR 22, entered in error', resource: result({ status: 'entered-in-error' }), suggested: false },
    { name: 'eGFR (MDRD, 33914-3) 18', resource: result({ code: concept(LOINC, '33914-3') }, { value: 18 }), suggested: true },
    { name: 'eGFR “<15”', resource: result({}, { value: 15, comparator: '<' }), suggested: true },
    { name: 'eGFR “>90”', resource: result({}, { value: 90, comparator: '>' }), suggested: false },
    { name: 'eGFR “<30” (below 30 whatever it is)', resource: result({}, { value: 30, comparator: '<' }), suggested: true },
    { name: 'glucose “>600” mg/dL', resource: result({ code: concept(LOINC, '2345-7') }, { value: 600, code: 'mg/dL', comparator: '>' }), suggested: true },
    { name: 'glucose “>=601” mg/dL', resource: result({ code: concept(LOINC, '2345-7') }, { value: 601, code: 'mg/dL', comparator: '>=' }), suggested: true },
    { name: 'creatinine clearance (a code outside the list)', resource: result({ code: concept(LOINC, '2164-2') }, { value: 22, code: 'mL/min' }), suggested: false },
    { name: 'sodium 124 mmol/L', resource: sodium(124), suggested: true },
    { name: 'sodium 125 mmol/L', resource: sodium(125), suggested: false },
    { name: 'sodium 124 mEq/L', resource: sodium(124, 'meq/L'), suggested: true },
    { name: 'glucose 601 mg/dL', resource: glucose(601, 'mg/dL'), suggested: true },
    { name: 'glucose 600 mg/dL', resource: glucose(600, 'mg/dL'), suggested: false },
    { name: 'glucose 34 mmol/L (15074-8)', resource: glucose(34, 'mmol/L', '15074-8'), suggested: true },
    { name: 'glucose 33.3 mmol/L', resource: glucose(33.3, 'mmol/L', '15074-8'), suggested: false },
  ])('$name → suggested: $suggested', ({ resource, suggested }) => {
    const out = suggestFromRecord([resource], TODAY);
    expect(out.suggestions.map((s) => `${s.question}.${s.value}`).includes('C6.metabolic_derangement')).toBe(suggested);
    expect(out.unread).toEqual([]);
  });

  test.each<{ name: string; resource: object; reason: string }>([
    { name: 'eGFR in mL/min (no body-surface unit)', resource: result({}, { code: 'mL/min', unit: 'mL/min' }), reason: 'eGFR in “mL/min”, a unit this tool does not read.' },
    { name: 'eGFR whose unit is not UCUM-coded', resource: result({}, { system: undefined, code: undefined }), reason: 'eGFR in “mL/min/1.73m2”, a unit this tool does not read.' },
    { name: 'glucose in g/L', resource: glucose(7, 'g/L'), reason: 'Glucose in “g/L”, a unit this tool does not read.' },
    { name: 'a result dated after today', resource: result({ effectiveDateTime: '2026-12-07' }), reason: 'The result is dated 2026-12-07, after today.' },
    { name: 'a result with no date', resource: result({ effectiveDateTime: undefined }), reason: 'The result has no date.' },
    { name: 'a result with no number', resource: result({ valueQuantity: undefined, valueString: 'see report' }), reason: 'The result has no numeric value.' },
    { name: 'eGFR “<=30”, which could be 30 itself', resource: result({}, { value: 30, comparator: '<=' }), reason: 'eGFR reported as “<=30”, which cannot be compared with the threshold.' },
    { name: 'eGFR “>20”, which could be either side of 30', resource: result({}, { value: 20, comparator: '>' }), reason: 'eGFR reported as “>20”, which cannot be compared with the threshold.' },
  ])('$name goes to unread: $reason', ({ resource, reason }) => {
    expect(suggestFromRecord([resource], TODAY)).toEqual({ suggestions: [], unread: [{ reference: 'Observation/obs', reason }] });
  });

  test('an old result in an unreadable unit is simply too old: it is not reported as unread', () => {
    expect(suggestFromRecord([result({ effectiveDateTime: '2026-01-01' }, { code: 'mL/min' })], TODAY)).toEqual({ suggestions: [], unread: [] });
  });

  test('the evidence of a result says its value, unit, date and the threshold it is beyond', () => {
    expect(suggestFromRecord([sodium(121)], TODAY).suggestions[0]?.evidence).toEqual([
      { reference: 'Observation/obs', text: 'Sodium 121 mmol/L on 2026-12-04 (below 125)' },
    ]);
  });
});

// ── D1 and D1a: established diagnoses ─────────────────────────────────────────────────────────────

describe('an established diagnosis is suggested only from an active, confirmed condition with a code in its set', () => {
  test.each<{ name: string; resource: object; expected: string[] }>([
    { name: 'a confirmed late-infantile NCL', resource: condition(ncl), expected: ['D1.PME', 'D1a.NCL'] },
    { name: 'NCL in ICD-10 (E75.4)', resource: condition(concept(ICD10, 'E75.4')), expected: ['D1.PME', 'D1a.NCL'] },
    { name: 'MERRF in ICD-10-CM (E88.42)', resource: condition(concept(CM, 'E88.42')), expected: ['D1.PME', 'D1a.MERRF'] },
    { name: 'a recurrence', resource: condition(ncl, { clinicalStatus: status(CLINICAL, 'recurrence') }), expected: ['D1.PME', 'D1a.NCL'] },
    { name: 'a relapse', resource: condition(ncl, { clinicalStatus: status(CLINICAL, 'relapse') }), expected: ['D1.PME', 'D1a.NCL'] },
    ...['unconfirmed', 'provisional', 'differential', 'refuted', 'entered-in-error'].map((v) => ({
      name: `an NCL whose verification is ${v}`,
      resource: condition(ncl, { verificationStatus: status(VERIFICATION, v) }),
      expected: [],
    })),
    { name: 'an NCL without a verification status', resource: condition(ncl, { verificationStatus: undefined }), expected: [] },
    ...['inactive', 'remission', 'resolved'].map((c) => ({
      name: `an NCL whose clinical status is ${c}`,
      resource: condition(ncl, { clinicalStatus: status(CLINICAL, c) }),
      expected: [],
    })),
    { name: 'epilepsy, unspecified (G40.909: outside every set)', resource: condition(concept(CM, 'G40.909')), expected: [] },
    { name: 'E75.4 under the SNOMED system', resource: condition(concept(SCT, 'E75.4')), expected: [] },
    { name: 'juvenile myoclonic epilepsy (G40.B09)', resource: condition(concept(CM, 'G40.B09')), expected: ['D1.genetic_generalized_epilepsy_eg_JME'] },
    { name: 'generalized idiopathic epilepsy (G40.3)', resource: condition(concept(ICD10, 'G40.3')), expected: ['D1.genetic_generalized_epilepsy_eg_JME'] },
    { name: 'hemifacial spasm, right (G51.31)', resource: condition(concept(CM, 'G51.31')), expected: ['D1.hemifacial_spasm'] },
    { name: 'facial myokymia (G51.4, beside the set)', resource: condition(concept(CM, 'G51.4')), expected: [] },
    { name: 'acute transverse myelitis (G37.3)', resource: condition(concept(ICD10, 'G37.3')), expected: ['D1.spinal_cord_lesion'] },
    { name: 'myoclonus-dystonia (Orphanet) without a genetic result', resource: condition(mdClinical), expected: ['D1.myoclonus_dystonia_clinical'] },
    { name: 'myoclonus-dystonia under the https spelling of Orphanet', resource: condition(concept('https://www.orpha.net', '36899')), expected: ['D1.myoclonus_dystonia_clinical'] },
    { name: 'familial cortical myoclonus (ORPHA:319189, beside myoclonus-dystonia)', resource: condition(concept(ORPHA, '319189')), expected: [] },
    { name: 'Unverricht-Lundborg disease (ORPHA:308)', resource: condition(concept(ORPHA, '308')), expected: ['D1.PME', 'D1a.ULD'] },
    { name: 'Lafora disease (ORPHA:501)', resource: condition(concept(ORPHA, '501')), expected: ['D1.PME', 'D1a.Lafora'] },
    { name: 'a PME without its cause (ORPHA:98261): the subtype is left to the clinician', resource: condition(concept(ORPHA, '98261')), expected: ['D1.PME'] },
    { name: 'juvenile myoclonic epilepsy (SNOMED 6204001)', resource: condition(concept(SCT, '6204001')), expected: ['D1.genetic_generalized_epilepsy_eg_JME'] },
    { name: 'myoclonus-dystonia coded as the SGCE disease (OMIM 159900)', resource: condition(concept('https://omim.org', '159900')), expected: ['D1.myoclonus_dystonia_SGCE_confirmed'] },
  ])('$name → $expected', ({ resource, expected }) => {
    expect(answers([resource])).toEqual(expected);
  });

  test('conditions pointing to different diagnoses each suggest theirs: the clinician chooses', () => {
    const s = suggestFromRecord([condition(ncl, { id: 'a' }), condition(concept(CM, 'G51.32'), { id: 'b' })], TODAY).suggestions;
    expect(s.map((x) => [`${x.question}.${x.value}`, x.evidence.map((e) => e.reference)])).toEqual([
      ['D1.PME', ['Condition/a']],
      ['D1.hemifacial_spasm', ['Condition/b']],
      ['D1a.NCL', ['Condition/a']],
    ]);
  });

  test.each<{ name: string; resources: object[]; expected: string[] }>([
    { name: 'myoclonus-dystonia with a pathogenic SGCE variant', resources: [condition(mdClinical), variant()], expected: ['D1.myoclonus_dystonia_SGCE_confirmed'] },
    { name: 'myoclonus-dystonia with a likely pathogenic SGCE variant', resources: [condition(mdClinical), variant('HGNC:10808', 'LA26332-9')], expected: ['D1.myoclonus_dystonia_SGCE_confirmed'] },
    { name: 'an SGCE variant of uncertain significance', resources: [condition(mdClinical), variant('HGNC:10808', 'LA26333-7')], expected: ['D1.myoclonus_dystonia_clinical'] },
    { name: 'a pathogenic variant of another gene', resources: [condition(mdClinical), variant('HGNC:10805')], expected: ['D1.myoclonus_dystonia_clinical'] },
    { name: 'an SGCE variant reported absent', resources: [condition(mdClinical), variant('HGNC:10808', 'LA6668-3', 'LA9634-2')], expected: ['D1.myoclonus_dystonia_clinical'] },
    { name: 'an SGCE variant without the diagnosis (an unaffected carrier)', resources: [variant()], expected: [] },
    { name: 'an SGCE variant beside a refuted myoclonus-dystonia', resources: [condition(mdClinical, { verificationStatus: status(VERIFICATION, 'refuted') }), variant()], expected: [] },
  ])('SGCE confirmed needs something that says SGCE: $name → $expected', ({ resources, expected }) => {
    expect(answers(resources)).toEqual(expected);
  });
});

// ── C2: under 10 ──────────────────────────────────────────────────────────────────────────────────

describe('an onset under 10 is suggested only when the patient is under 10 today', () => {
  test.each<{ birthDate: unknown; suggested: boolean }>([
    { birthDate: '2019-08-14', suggested: true },
    { birthDate: '2016-12-07', suggested: true }, // 10 tomorrow
    { birthDate: '2016-12-06', suggested: false }, // 10 today
    { birthDate: '2004-03-11', suggested: false },
    { birthDate: '2017', suggested: true }, // at most 9 whatever the day
    { birthDate: '2016', suggested: false }, // could be 10 already
    { birthDate: '2016-12', suggested: false }, // could be 10 already (born 1–6 December)
    { birthDate: undefined, suggested: false },
  ])('born $birthDate → suggested: $suggested', ({ birthDate, suggested }) => {
    expect(answers([patient(birthDate)]).includes('C2.under_10')).toBe(suggested);
  });

  test('a 10-year-old suggests nothing else for C2 either', () => {
    expect(suggestFromRecord([patient('2016-12-06')], TODAY)).toEqual({ suggestions: [], unread: [] });
  });

  test.each([
    { birthDate: '2016-13-01', reason: 'The birth date “2016-13-01” is not a date.' },
    { birthDate: 20160101, reason: 'The birth date “20160101” is not a date.' },
    { birthDate: '2027-01-01', reason: 'The birth date 2027-01-01 is after today.' },
  ])('a birth date $birthDate goes to unread', ({ birthDate, reason }) => {
    expect(suggestFromRecord([patient(birthDate)], TODAY)).toEqual({ suggestions: [], unread: [{ reference: 'Patient/p', reason }] });
  });
});

// ── Fail closed, never throw, deterministic ───────────────────────────────────────────────────────

describe('what the record cannot say is never an answer', () => {
  test('an empty record suggests nothing', () => {
    expect(suggestFromRecord([], TODAY)).toEqual({ suggestions: [], unread: [] });
  });

  test('a confirmed condition without a code says nothing', () => {
    expect(suggestFromRecord([condition(ncl, { code: undefined })], TODAY)).toEqual({ suggestions: [], unread: [] });
  });

  test('resources of other types are ignored, not reported', () => {
    expect(suggestFromRecord([{ resourceType: 'Encounter', id: 'e' }, { resourceType: 'AllergyIntolerance', id: 'a' }], TODAY)).toEqual({
      suggestions: [],
      unread: [],
    });
  });

  test.each<{ name: string; resource: unknown; reference: string; reason: string }>([
    { name: 'null', resource: null, reference: '#1', reason: 'Not a FHIR resource.' },
    { name: 'a number', resource: 42, reference: '#1', reason: 'Not a FHIR resource.' },
    { name: 'an array', resource: [], reference: '#1', reason: 'Not a FHIR resource.' },
    { name: 'an object without a type', resource: { id: 'x' }, reference: '#1', reason: 'Not a FHIR resource.' },
    { name: 'a condition without an id', resource: { resourceType: 'Condition' }, reference: 'Condition #1', reason: 'The resource has no id.' },
    { name: 'a result whose status is a number', resource: { resourceType: 'Observation', id: 'o', status: 5 }, reference: 'Observation/o', reason: 'It has no status.' },
    {
      name: 'a condition whose statuses are plain strings',
      resource: { resourceType: 'Condition', id: 'c', clinicalStatus: 'active', verificationStatus: 'confirmed', code: ncl },
      reference: 'Condition/c',
      reason: 'Its clinical or verification status is not a coded value.',
    },
    { name: 'a condition whose code is a string', resource: condition('E75.4' as unknown as object), reference: 'Condition/cond', reason: 'Its code is not a coded value.' },
    { name: 'an active order naming no medication', resource: medRequest({ medicationCodeableConcept: undefined }), reference: 'MedicationRequest/med', reason: 'It names no medication.' },
    { name: 'an active order with no intent', resource: medRequest({ intent: undefined }), reference: 'MedicationRequest/med', reason: 'It has no intent.' },
    { name: 'a result whose period ends on 2026-02-30', resource: result({ effectiveDateTime: undefined, effectivePeriod: { end: '2026-02-30T10:00:00Z' } }), reference: 'Observation/obs', reason: 'The date “2026-02-30T10:00:00Z” is not a date.' },
    { name: 'a result dated 2026-02-30', resource: result({ effectiveDateTime: '2026-02-30' }), reference: 'Observation/obs', reason: 'The date “2026-02-30” is not a date.' },
  ])('$name goes to unread', ({ resource, reference, reason }) => {
    expect(suggestFromRecord([resource], TODAY)).toEqual({ suggestions: [], unread: [{ reference, reason }] });
  });

  const resourceLike = fc.record(
    {
      resourceType: fc.constantFrom('Patient', 'Condition', 'MedicationRequest', 'MedicationStatement', 'Observation', 'Medication'),
      id: fc.oneof(fc.string(), fc.integer()),
      status: fc.oneof(fc.constantFrom('active', 'final', 'stopped'), fc.jsonValue()),
      intent: fc.oneof(fc.constant('order'), fc.jsonValue()),
      birthDate: fc.oneof(fc.constantFrom('2019-08-14', '2016', '2016-02-30'), fc.jsonValue()),
      clinicalStatus: fc.oneof(fc.constant(status(CLINICAL, 'active')), fc.jsonValue()),
      verificationStatus: fc.oneof(fc.constant(status(VERIFICATION, 'confirmed')), fc.jsonValue()),
      code: fc.oneof(fc.constant(ncl), fc.constant(concept(LOINC, '98979-8')), fc.jsonValue()),
      medicationCodeableConcept: fc.oneof(fc.constant(concept(RX, '310431')), fc.jsonValue()),
      medicationReference: fc.jsonValue(),
      contained: fc.jsonValue(),
      effectiveDateTime: fc.oneof(fc.constantFrom('2026-12-04', '2026-13-40'), fc.jsonValue()),
      effectivePeriod: fc.jsonValue(),
      valueQuantity: fc.oneof(fc.constant({ value: 22, system: UCUM, code: 'mL/min/{1.73_m2}' }), fc.jsonValue()),
      valueCodeableConcept: fc.jsonValue(),
      component: fc.jsonValue(),
    },
    { requiredKeys: ['resourceType'] },
  );

  test('random JSON and random resource-like objects never throw; every suggestion has evidence and none is “none”', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.jsonValue(), resourceLike), { maxLength: 8 }), (resources) => {
        const out = suggestFromRecord(resources, TODAY);
        expect(out.suggestions.every((s) => s.evidence.length > 0 && s.value !== 'none')).toBe(true);
        expect(out.unread.every((u) => u.reason.length > 0 && u.reference.length > 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('the same record gives the same suggestions, in whatever order its resources arrive', () => {
    const resources = [...chart('gabapentin-ckd.json'), ...chart('child-cln2.json'), ...chart('sgce-myoclonus-dystonia.json')];
    const once = suggestFromRecord(resources, TODAY);
    expect(suggestFromRecord(resources, TODAY)).toEqual(once);
    expect(suggestFromRecord([...resources].reverse(), TODAY)).toEqual(once);
  });

  test('today must be a real date: a wrong call is the caller’s error, not the record’s', () => {
    expect(() => suggestFromRecord([], '6/12/2026')).toThrow(RangeError);
  });
});

// ── The lists are part of the content ─────────────────────────────────────────────────────────────

describe('the record’s lists name only what the questionnaire and the sources hold', () => {
  const options = new Map(content.questions.map((q) => [q.id, new Set(q.options.map((o) => o.id))]));
  const sourceIds = new Set(content.sources.map((s) => s.id));

  test('every suggested answer is an option of its question', () => {
    const named = conditionSets.flatMap((s) => s.answers.map((a) => `${a.question}.${a.value}`));
    expect(named.filter((n) => !options.get(n.split('.')[0] ?? '')?.has(n.split('.')[1] ?? ''))).toEqual([]);
  });

  test('every fact cites a source of the bundle', () => {
    const cited = [...myoclonusDrugSources, ...labRules.flatMap((r) => r.sources), ...conditionSets.flatMap((s) => s.sources), ...sgceFinding.sources];
    expect(cited.filter((id) => !sourceIds.has(id))).toEqual([]);
  });

  test('every threshold has exactly one direction', () => {
    expect(labRules.flatMap((r) => r.units).filter((u) => (u.below === undefined) === (u.above === undefined))).toEqual([]);
  });
});
