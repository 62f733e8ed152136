/**
 * "Skip the rest of this section", as pure functions the flow machine calls ("Go to the summary" is
 * `canGoToSummary` in settled.ts). Answers are in the machine's form: the string `unknown` where the
 * clinician chose "Unknown / not assessed", absent where a question has not been answered yet.
 */
import { UNKNOWN } from '../../content/ids';
import type { TFlowContent } from '../../content/schema';
import { inGateSection, resolveAnswers, type TAnswers, type TAnswerValue } from '../answers/answers';

/** The enabled questions of `question`'s section, from it on, that have no answer yet (an answer is never overwritten). */
export function restOfSection(answers: TAnswers, question: string, content: TFlowContent): string[] {
  const enabled = resolveAnswers(answers, content).enabled;
  const at = enabled.findIndex((q) => q.id === question);
  const section = enabled[at]?.section;
  if (at < 0 || section === undefined) return [];
  return enabled.slice(at).filter((q) => q.section === section && answers[q.id] === undefined).map((q) => q.id);
}

/** The answers with "Unknown / not assessed" recorded for the rest of the section (never for the gate). */
export function skipRestOfSection(answers: TAnswers, question: string, content: TFlowContent): TAnswers {
  if (inGateSection(question, content)) return answers;
  const next: Record<string, TAnswerValue> = { ...answers };
  for (const id of restOfSection(answers, question, content)) next[id] = UNKNOWN;
  return next;
}
