/**
 * The sandbox record's fault patients: each one makes the record misbehave in one way, so that the app's
 * end-to-end tests can show each fault's message. Keyed by patient, so tests running side by side never
 * interfere. What each one does lives in sandbox.ts (`faultFor`); these are their minimal charts.
 */
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';

export const FAULT_FORBIDDEN = 'fault-forbidden';
export const FAULT_MISSING = 'fault-missing';
export const FAULT_MALFORMED = 'fault-malformed';
export const FAULT_OVERSIZED = 'fault-oversized';
/**
 * Its Condition search also returns another patient's confirmed PME (as a match) and that patient, a
 * child (as an include): a record that oversteps. Nothing of them may become a suggestion.
 */
export const FAULT_FOREIGN = 'fault-foreign';

export const foreignPatient: Resource = { resourceType: 'Patient', id: 'foreign-child', name: [{ text: 'Someone Else' }], birthDate: '2021-01-01' };
export const foreignCondition: Resource = {
  resourceType: 'Condition',
  id: 'foreign-pme',
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '42012007', display: 'Neuronal ceroid lipofuscinosis' }] },
  subject: { reference: 'Patient/foreign-child' },
};

/** Asks for consent at every launch, whatever EHR_CONSENT says: the test of a clinician pressing Deny. */
export const FAULT_CONSENT = 'fault-consent';

/** Bigger than the 3 MB the app accepts for one resource. */
const OVERSIZED_NOTE_CHARS = 3.5 * 1024 * 1024;

function chart(id: string, text: string, birthDate: string, resources: Resource[]): Bundle {
  const patient: Resource = {
    resourceType: 'Patient',
    id,
    name: [{ use: 'official', text, family: 'Fault', given: [id] }],
    gender: 'unknown',
    birthDate,
  };
  const entry: BundleEntry[] = [patient, ...resources].map((resource) => ({ resource }));
  return { resourceType: 'Bundle', type: 'collection', entry };
}

const subject = (id: string) => ({ reference: `Patient/${id}` });

export function faultBundles(): Bundle[] {
  return [
    chart(FAULT_FORBIDDEN, 'Fault: medications refused (403)', '1961-04-12', [
      {
        resourceType: 'Condition',
        id: 'fault-forbidden-ckd',
        clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
        code: { coding: [{ system: 'http://snomed.info/sct', code: '431857002', display: 'Chronic kidney disease stage 4' }] },
        subject: subject(FAULT_FORBIDDEN),
      },
      // Seeded so that the refusal is the server's and not an empty list.
      {
        resourceType: 'MedicationRequest',
        id: 'fault-forbidden-gabapentin',
        status: 'active',
        intent: 'order',
        medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '25480', display: 'gabapentin' }] },
        subject: subject(FAULT_FORBIDDEN),
        authoredOn: '2026-03-02',
      },
    ]),
    chart(FAULT_MISSING, 'Fault: patient not found (404)', '1975-09-30', [
      {
        resourceType: 'Condition',
        id: 'fault-missing-epilepsy',
        clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
        code: { coding: [{ system: 'http://snomed.info/sct', code: '84757009', display: 'Epilepsy' }] },
        subject: subject(FAULT_MISSING),
      },
    ]),
    chart(FAULT_MALFORMED, 'Fault: malformed observation', '1958-01-20', [
      {
        resourceType: 'Observation',
        id: 'fault-malformed-sodium',
        status: 'final',
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
        code: { coding: [{ system: 'http://loinc.org', code: '2951-2', display: 'Sodium [Moles/volume] in Serum or Plasma' }] },
        subject: subject(FAULT_MALFORMED),
        effectiveDateTime: '2026-11-28',
        valueQuantity: { value: 139, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
      },
      // Malformed on purpose: a string where a number belongs (an eGFR, so that the app's search by
      // code returns it).
      {
        resourceType: 'Observation',
        id: 'fault-malformed-broken',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '33914-3', display: 'eGFR (MDRD)' }] },
        subject: subject(FAULT_MALFORMED),
        effectiveDateTime: '2026-11-29',
        valueQuantity: { value: 'twenty-two' as unknown as number, unit: 'mL/min/1.73m2' },
      } as Resource,
    ]),
    chart(FAULT_CONSENT, 'Fault: consent asked at every launch', '1970-02-14', []),
    chart(FAULT_FOREIGN, 'Fault: entries of another patient', '1966-07-07', []),
    chart(FAULT_OVERSIZED, 'Fault: oversized medication statement (over 3 MB)', '1949-06-05', [
      {
        resourceType: 'MedicationStatement',
        id: 'fault-oversized-levetiracetam',
        status: 'active',
        medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '114477', display: 'levetiracetam' }] },
        subject: subject(FAULT_OVERSIZED),
        effectivePeriod: { start: '2025-10-01' },
        note: [{ text: 'x'.repeat(OVERSIZED_NOTE_CHARS) }],
      },
    ]),
  ];
}
