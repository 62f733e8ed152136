/**
 * What the app knows from an electronic record that launched it (SMART on FHIR). The record only
 * ever suggests: a suggestion becomes an answer when the clinician confirms it, and an answer counts
 * as "from the record" only while it still holds the confirmed value. These types are shared by the
 * suggestion rules (suggest.ts), the launch, the views and the exports.
 */

/** One resource read from the record, as shown beside the answer it supports. */
export type TRecordEvidence = {
  /** The resource's relative reference on the record's FHIR server, e.g. `MedicationRequest/med-1`. */
  reference: string;
  /** What a clinician recognises, e.g. "Gabapentin 300 mg, active since 2026-03-02". */
  text: string;
};

/** One answer the record suggests: an option of a question (one of several for a multi-choice question). */
export type TSuggestion = {
  question: string;
  /** An option id of the question. */
  value: string;
  /** The resources that support it (never empty). */
  evidence: TRecordEvidence[];
};

/** Confirmed suggestions whose option the current answer still holds, by question id. */
export type TFromRecord = Record<string, TSuggestion[]>;

/** Who and what the answers are about and by, as the record named them at launch. */
export type TRecordContext = {
  /** The FHIR server's base address (the launch's `iss`). */
  serverUrl: string;
  /** `Patient/<id>`. */
  patient: string;
  /** How the case names the patient ("Ada Example, born 1955-04-02"), where the view has it. */
  label?: string;
  /** `Practitioner/<id>` (or another `fhirUser` reference), when the record gave one. */
  user: string | null;
};
