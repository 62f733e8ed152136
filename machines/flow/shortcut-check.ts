/**
 * The whole content bound to the flow's checks, loaded by the question pages after they paint (it
 * brings the rules and the assessment, which a question page does not need to paint), and by the
 * summary when it has answers to check: whether the result is settled ("Go to the summary"), which
 * red flags the answers so far raise, whether one calls for urgent action ("See the red flags now"),
 * and which questions left open could still raise one.
 */
import { contentData } from '@/content/data';
import type { TAnswers } from '@/machines/answers/answers';
import { assess, redFlagsOf } from '@/machines/assessment/assess';
import { type TFlaggingQuestion, unansweredFlagsOf } from '@/machines/result/unanswered';
import { canGoToSummary } from '@/machines/assessment/settled';

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

/** True when a red flag that calls for urgent action stands (acute post-hypoxic, reduced consciousness, an acute onset). */
export function urgentCheck(answers: TAnswers): boolean {
  return redFlagsOf(answers, contentData).some((f) => contentData.urgentRedFlags.includes(f));
}

/** The questions left unanswered or unknown that could still raise a red flag, with the flags each could raise. */
export function unansweredFlags(answers: TAnswers): TFlaggingQuestion[] {
  return unansweredFlagsOf(assess(answers, contentData), contentData);
}

/** What a red-flag notice says to do. */
export const redFlagsFirst = 'Look for a reversible or urgent cause and treat it first: the result says what to do first for each red flag.';

/** The whole content, for what else loads it on use (reading a file): one script holds it. */
export { contentData };
