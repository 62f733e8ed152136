/**
 * How an answer that records no finding reads, in every place answers are shown: the question page,
 * the summary, the result, the PDF recap and the FHIR display. Two kinds, two phrases, nowhere a third:
 * what the clinician chose is told apart from what was never answered.
 * No imports: the question pages load this with the first answer.
 */
export const answerWords = {
  /** Chosen by the clinician: the finding is not known or was not assessed. */
  unknown: 'Unknown / not assessed',
  /** Never given: the question was not reached, or was passed without an answer. */
  unanswered: 'Not answered',
} as const satisfies Record<'unknown' | 'unanswered', string>;

export type TOpenAnswerKind = keyof typeof answerWords;
