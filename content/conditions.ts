/** Reading condition trees without evaluating them: plain code, safe for the browser. */
import type { TCondition } from './schema';

/** Every question id a condition names, once each, in the order they appear. */
export function conditionQuestions(condition: TCondition): string[] {
  if ('all' in condition) return [...new Set(condition.all.flatMap(conditionQuestions))];
  if ('any' in condition) return [...new Set(condition.any.flatMap(conditionQuestions))];
  if ('not' in condition) return conditionQuestions(condition.not);
  return [condition.question];
}
