/**
 * Words about the record that the questionnaire's own pages need in their first load (resuming from
 * a file is on the start page and the summary): kept apart from content/record-text.ts, whose words
 * load only with a launch.
 */

/** On the summary, after a file replaced the answers of a case started from the record. */
export const fileNotThisPatient = (patient: string) =>
  `The file does not name ${patient} as its patient, so its answers go on without the patient’s record: no suggestions from it, and no saving to it. Launch from the record again to start a case for this patient.`;
