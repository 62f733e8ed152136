/** Reading condition trees without evaluating them: plain code, safe for the browser. */
import { RULE_KINDS, type TRuleKind } from './ids';
import type { TCondition, TContent, TRule } from './schema';

/** Every rule of these kinds (all by default), kind by kind in the bundle's order. */
export function rulesOf(content: Pick<TContent, TRuleKind>, kinds: readonly TRuleKind[] = RULE_KINDS): TRule[] {
  return kinds.flatMap((kind): readonly TRule[] => content[kind]);
}

/** Every question id a condition names, once each, in the order they appear. */
export function conditionQuestions(condition: TCondition): string[] {
  if ('all' in condition) return [...new Set(condition.all.flatMap(conditionQuestions))];
  if ('any' in condition) return [...new Set(condition.any.flatMap(conditionQuestions))];
  if ('not' in condition) return conditionQuestions(condition.not);
  return [condition.question];
}

/** Every question id some of these conditions names, once each (the red flags' questions, say). */
export function conditionsQuestions(conditions: readonly TCondition[]): string[] {
  return [...new Set(conditions.flatMap(conditionQuestions))];
}

/**
 * The answers without which none of these conditions can hold: for each question, the option ids
 * some condition needs (outside a `not`). `always` is true when a condition can hold without any of
 * them (a `not` that stands alone), so no answer set is known to be clear of them. Sound, not
 * exact: answers outside the list never make a condition true; answers in it may not either.
 */
export type TAnswersNeeded = { byQuestion: Record<string, string[]>; always: boolean };

export function answersNeeded(conditions: readonly TCondition[]): TAnswersNeeded {
  const byQuestion: Record<string, string[]> = {};
  let always = false;
  /** Leaves one of which holds whenever `c` holds, or null when there is no such set. */
  const needs = (c: TCondition): TCondition[] | null => {
    if ('all' in c) {
      const sets = c.all.map(needs).filter((x): x is TCondition[] => x !== null);
      return sets.length === 0 ? null : sets.flat();
    }
    if ('any' in c) {
      const sets = c.any.map(needs);
      return sets.some((x) => x === null) ? null : (sets as TCondition[][]).flat();
    }
    if ('not' in c) return null;
    return [c];
  };
  for (const condition of conditions) {
    const leaves = needs(condition);
    if (leaves === null) {
      always = true;
      continue;
    }
    for (const leaf of leaves) {
      if (!('question' in leaf)) continue;
      const values = typeof leaf.value === 'string' ? [leaf.value] : leaf.value;
      byQuestion[leaf.question] = [...new Set([...(byQuestion[leaf.question] ?? []), ...values])];
    }
  }
  return { byQuestion, always };
}

/** False when none of these answers is one the conditions need: then none of them can hold. */
export function holdsNeededAnswer(answers: Readonly<Record<string, string | readonly string[]>>, needed: TAnswersNeeded): boolean {
  if (needed.always) return true;
  return Object.entries(needed.byQuestion).some(([question, ids]) => {
    const value = answers[question];
    return value !== undefined && (typeof value === 'string' ? [value] : value).some((v) => ids.includes(v));
  });
}
