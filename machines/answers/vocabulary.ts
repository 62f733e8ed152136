/**
 * What an answer is, and how it reads: the one place to look. An answer is one of three kinds, each
 * with one stored shape (`answerKind`, kept beside the normal form in answers.ts, which every page
 * loads first; re-exported here):
 * - `answered`: option ids (a string, or a list for a multi-select question);
 * - `unknown`: the clinician chose "Unknown / not assessed" (the string `unknown`);
 * - `unanswered`: no value at all: the question was never reached, or was passed without an answer.
 * Neither open kind carries evidence or rules a red flag out; they read differently (words in
 * content/ids.ts) so that what was chosen is told apart from what was never asked, on the
 * page, the summary, the result, the PDF and in FHIR, and survives an export and an import.
 */
import { answerWords, UNKNOWN } from '../../content/ids';
import type { TQuestion } from '../../content/schema';
import { answerKind, type TAnswerValue } from './answers';

export { answerKind, answerWords };
export type { TAnswerKind } from './answers';

/** How an answer reads, one line per chosen option, or the one phrase of its open kind. */
export function answerLabels(q: TQuestion | undefined, value: TAnswerValue | undefined): string[] {
  const kind = answerKind(value);
  if (kind !== 'answered') return [answerWords[kind]];
  const chosen = typeof value === 'string' ? [value] : [...(value ?? [])];
  return chosen.filter((v) => v !== UNKNOWN).map((v) => q?.options.find((o) => o.id === v)?.label ?? v);
}

/** How an answer reads on one line: option labels joined by "; ", or the phrase of its open kind. */
export const answerText = (q: TQuestion | undefined, value: TAnswerValue | undefined): string => answerLabels(q, value).join('; ');
