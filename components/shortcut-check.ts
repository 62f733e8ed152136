/**
 * The whole content bound to the flow's two proofs, loaded by the question pages after they paint
 * (it brings the rules and the assessment, which a question page does not need to paint): whether
 * the result is settled ("Go to the summary"), and which red flags the answers so far raise (those
 * that count, and those set aside).
 */
import { contentData } from '@/content/data';
import { settleWithAnswer, type TAnswers, type TAnswerValue } from '@/machines/answers';
import { redFlagsOf, setAsideRedFlagsOf } from '@/machines/assess';
import { canGoToSummary } from '@/machines/settled';

/** The last answers checked and the verdict: the proof runs once per change of answers. */
let last: { answers: TAnswers; settled: boolean } | null = null;

export function settledCheck(answers: TAnswers): boolean {
  if (last?.answers !== answers) last = { answers, settled: canGoToSummary(answers, contentData) };
  return last.settled;
}

/** The red flags raised so far, in words. */
export function redFlagLabels(answers: TAnswers): string[] {
  return redFlagsOf(answers, contentData).map((f) => contentData.labels.redFlags[f]);
}

/** The red flags answers set aside would raise (and the answers that count do not), in words. */
export function setAsideRedFlagLabels(answers: TAnswers, setAside: TAnswers): string[] {
  return setAsideRedFlagsOf(answers, setAside, contentData).map((f) => contentData.labels.redFlags[f]);
}

/**
 * What the question page adds to its warning before answering `question` with `value` sets answers
 * aside, when those answers raise red flags ('' when they raise none). Here, with the rules, rather
 * than in the page's first load.
 */
export function setAsideRedFlagNote(answers: TAnswers, setAside: TAnswers, question: string, value: TAnswerValue): string {
  const after = settleWithAnswer(answers, setAside, question, value, contentData);
  const flags = setAsideRedFlagLabels(after.answers, after.setAside);
  if (flags.length === 0) return '';
  const one = flags.length === 1;
  return `Among them ${one ? 'is an answer that raises a red flag' : 'are answers that raise red flags'}: ${flags.join('; ')}. Set aside, ${one ? 'it is' : 'they are'} no longer assessed, but the summary and the result still name ${one ? 'it' : 'them'}: nothing explains a red flag away.`;
}

export const dbsWithheldForRedFlags = contentData.labels.dbsBlocks.red_flags;
