/**
 * The two shortcuts of the flow, as pure functions the flow machine calls: "Skip the rest of this
 * section" and "Go to the summary" (offered only when `isSettled` proves no open answer can change
 * the result). Answers are in the machine's form: the string `unknown` where the clinician chose
 * "Unknown / not assessed", absent where a question has not been answered yet.
 */
import { UNKNOWN } from '../content/ids';
import type { TContent, TFlowContent } from '../content/schema';
import { resolveAnswers, type TAnswers, type TAnswerValue } from './answers';
import { isSettled } from './settled';

/** The enabled questions of `question`'s section, from it on, that have no answer yet. */
export function restOfSection(answers: TAnswers, question: string, content: TFlowContent): string[] {
  const enabled = resolveAnswers(answers, content).enabled;
  const at = enabled.findIndex((q) => q.id === question);
  const section = enabled[at]?.section;
  if (at < 0 || section === undefined) return [];
  return enabled.slice(at).filter((q) => q.section === section && (q.id === question || answers[q.id] === undefined)).map((q) => q.id);
}

/** The answers with "Unknown / not assessed" recorded for the rest of the section (never for the gate). */
export function skipRestOfSection(answers: TAnswers, question: string, content: TFlowContent): TAnswers {
  if (content.questions.find((q) => q.id === question)?.section === content.sections[0]?.id) return answers;
  const next: Record<string, TAnswerValue> = { ...answers };
  for (const id of restOfSection(answers, question, content)) next[id] = UNKNOWN;
  return next;
}

/** True once the gate is answered and no answer to an open question can change the result. */
export function canGoToSummary(answers: TAnswers, content: TContent): boolean {
  const gate = content.questions.filter((q) => q.section === content.sections[0]?.id);
  if (gate.some((q) => answers[q.id] === undefined)) return false;
  return isSettled(answers, new Set(Object.keys(answers)), content).settled;
}
