/**
 * A case launched from the patient's record, for the tests of what the result and the exports say of
 * it: a patient on gabapentin with kidney failure. The record suggested two options of C6 (each with
 * the resource behind it) and the clinician confirmed both, then ticked a third by hand.
 */
import type { TAnswers } from '../../machines/answers/answers';
import type { TFromRecord, TRecordContext } from '../../machines/record/types';

export const RECORD_ANSWERS: TAnswers = {
  G1: 'positive_jerks',
  G2: 'no',
  G3: 'absent',
  C1: 'subacute_weeks',
  C6: ['new_or_changed_drug', 'current_drug_known_to_cause_myoclonus', 'metabolic_derangement'],
};

export const GABAPENTIN = { reference: 'MedicationRequest/med-gabapentin', text: 'Gabapentin 300 mg three times a day, active since 2026-03-02' };
export const EGFR = { reference: 'Observation/egfr-2026-11-30', text: 'eGFR 22 mL/min/1.73 m² on 2026-11-30 (below 30)' };
export const CKD = { reference: 'Condition/ckd-4', text: 'Chronic kidney disease stage 4, active' };

export const RECORD_FROM: TFromRecord = {
  C6: [
    { question: 'C6', value: 'current_drug_known_to_cause_myoclonus', evidence: [GABAPENTIN] },
    { question: 'C6', value: 'metabolic_derangement', evidence: [EGFR, CKD] },
  ],
};

export const RECORD_CONTEXT: TRecordContext = {
  serverUrl: 'http://127.0.0.1:4010/fhir',
  patient: 'Patient/gabapentin-ckd',
  user: 'Practitioner/dr-okafor',
};
