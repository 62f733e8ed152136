/**
 * The words of the launch from an electronic record (SMART on FHIR): the launch and return pages,
 * the suggestions on a question page and the summary, saving back, and every fault with its way on.
 */

export const recordText = {
  /** Marks the record's views in the build: they are left out of the offline cache (scripts/postbuild.mjs). */
  mark: 'myoclonus-navigator:record-views',
  launchTitle: 'Opening the patient’s record',
  launching: 'Asking the record for access…',
  returnTitle: 'Reading the patient’s record',
  reading: 'Reading the chart: conditions, medicines and recent results…',
  wayOnStandalone: 'Go on without the record',
  wayOnStandaloneHint: 'The questionnaire works the same without it: you type every answer.',
  chooserTitle: 'Open a patient from a record',
  backToCase: 'Back to the case',
  backToCaseHint: 'Its answers are kept. Saving to the record needs a sign-in for this case’s patient.',

  /** The start page, after a launch. */
  banner: {
    title: (recordName: string) => `Opened from ${recordName}`,
    patient: (label: string) => `Patient: ${label}.`,
    suggestions: (n: number) =>
      n === 0
        ? 'The record suggests no answer: answer every question yourself. A record that says nothing is not the same as “none”.'
        : `The record suggests ${n === 1 ? 'an answer' : `${n} answers`}. Each is shown on its question with the resource it comes from, and counts only once you confirm it.`,
    gapsTitle: 'Not read from the record',
    inProgress:
      'This tab holds a case in progress that was not started for this patient. Start a new case for this patient (the answers in progress can be brought back with Undo), or continue the case in progress without the record.',
    newCase: 'Start a new case for this patient',
    keepCase: 'Continue the case in progress without the record',
    forget: 'Leave the record',
  },

  /** On a question page and the summary. */
  suggestion: {
    title: 'Suggested by the patient’s record',
    intro: (n: number) => (n === 1 ? 'The record suggests this answer. It counts only if it is ticked when you continue.' : 'The record suggests these answers. Each counts only if it is ticked when you continue.'),
    use: 'Use this answer',
    decline: 'Not this',
    declined: 'Set aside: not in your answer.',
    showAgain: 'Show the suggestion again',
    useHint: 'Opens the question with it ticked: Continue there confirms it and brings you back here.',
    ticked: 'Ticked below: Continue confirms it.',
    notRead: 'Not read from the record for this question',
    summaryLine: (label: string) => `The record suggests: ${label}`,
    summaryDeclined: (label: string) => `The record suggests, and your answer leaves out: ${label}`,
    excludes: (answer: string) => `Your answer is “${answer}”: using the record’s answer replaces it.`,
    fromRecord: 'from the record',
    evidence: 'From the record:',
  },

  /** Save back. */
  save: {
    title: 'Save to the patient’s record',
    explain: (recordName: string, patient: string) =>
      `Writes these answers as a FHIR QuestionnaireResponse to ${recordName}, for ${patient}. Nothing else is written, and nothing is sent anywhere else.`,
    button: 'Save to the record',
    again: 'Save the changed answers to the record',
    confirmTitle: 'Write to the record?',
    confirmText: (recordName: string, patient: string) => `This writes this case’s answers to ${recordName} for ${patient}, as one QuestionnaireResponse.`,
    confirmUpdate: (reference: string) => `It replaces what was saved before, ${reference}.`,
    confirm: 'Yes, write to the record',
    cancel: 'Cancel',
    saving: 'Writing to the record…',
    saved: (reference: string, recordName: string, at: string) => `Saved as ${reference} in ${recordName} at ${at}.`,
    updated: (reference: string, recordName: string, at: string) => `Updated ${reference} in ${recordName} at ${at}.`,
    reconnect: 'Reconnect to the record',
    noWrite: 'The record did not grant writing, so this case cannot be saved there. Download the FHIR file instead.',
  },

  faults: {
    noIss: 'This page opens a patient’s record, and was opened without naming one (no “iss” in its address). Start the app from the record, or go on without it.',
    untrusted: (iss: string) =>
      `The record at “${iss}” is not one this deployment of the app trusts, so it was not contacted. To add it, list its FHIR address in ehr.config.json and rebuild (README: “Launch from an electronic record”).`,
    denied: 'The record did not grant access (consent was declined), so nothing was read. To try again, open the app from the patient’s record again; or go on without the record.',
    authorization: (code: string) => `The record refused the sign-in (${code.replace(/[^\w.-]/g, '').slice(0, 40)}), so nothing was read. You can try again, or go on without the record.`,
    launchParameters:
      'This launch address holds more than a record and a launch (only “iss” and “launch” are read), so it was not used. Start the launch again from the record.',
    state: 'This return from the record does not match a launch made in this tab (a stale or copied address), so it was not used. Start the launch again from the record.',
    token: 'The record did not give this app access (the sign-in could not be completed), so nothing was read. Start the launch again from the record, or go on without it.',
    unreachable: (name: string) => `${name} could not be reached, so nothing was read from it. Go on without the record: nothing you have entered is lost.`,
    noPatient: 'The record did not return the patient it launched the app for, so nothing was read. Start the launch again from the record.',
    expired: 'The record’s sign-in has ended, so nothing was written. Your answers are kept in this tab: reconnect to the record, then save again.',
    otherPatient: 'The record is now signed in for a different patient than this case’s, so nothing was written. Reconnect and choose this case’s patient.',
    saveUnreachable: 'The record could not be reached, so nothing was written. Your answers are kept: try again later, or download the FHIR file.',
    saveRefused: (status: number) => `The record refused the response (HTTP ${status}), so nothing was written. Your answers are kept: download the FHIR file instead.`,
    saveUnclear: 'The record answered, but did not say what it saved. Check the patient’s record before saving again.',
  },

  droppedSuggestions: (n: number) => `${n === 1 ? 'A suggestion' : `${n} suggestions`} whose record entries have no usable reference`,
  gapWhy: (kind: string, status: number): string =>
    kind === 'refused'
      ? status === 403
        ? 'the record refused access (HTTP 403)'
        : status === 404
          ? 'the record has none to give (HTTP 404)'
          : `the record answered HTTP ${status}`
      : kind === 'too-large'
        ? 'the answer was too large to read (over 2 MB)'
        : kind === 'malformed'
          ? 'the answer was not a FHIR bundle'
          : kind === 'unreachable'
            ? 'the record could not be reached'
            : kind === 'foreign'
              ? 'the record also sent entries that are not this patient’s, or not of this kind; they were left out'
              : kind === 'more'
              ? 'the record has more than one page of them; only the first was read'
              : 'it could not be read',
} as const;
