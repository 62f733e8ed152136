/**
 * Sound bounds on every category's final score while some questions may still take any value (or
 * none): for the settled proof ("Go to the summary") and for the doors, which open only when no open
 * answer could close them. Bounds may be pessimistic, never optimistic. Pure.
 */
import { conditionQuestions } from '../../content/conditions';
import { CATEGORIES } from '../../content/ids';
import type { TCategory, TContent, TEvidenceRule } from '../../content/schema';
import { evaluate, type TAnswers } from '../answers/answers';
import { evaluate3 } from '../flow/progress';
import { effectsOf } from './tally';

export type TBounds = Record<TCategory, { lo: number; hi: number }>;

/** Sound bounds on every category's final score while the `open` questions may take any value. */
export function scoreBounds(answers: TAnswers, open: ReadonlySet<string>, content: TContent): TBounds {
  const bounds = Object.fromEntries(CATEGORIES.map((c) => [c, { lo: 0, hi: 0 }])) as TBounds;
  const add = (c: TCategory, lo: number, hi: number) => {
    bounds[c].lo += lo;
    bounds[c].hi += hi;
  };
  const state = new Map(content.evidence.map((r) => [r.id, evaluate3(r.when, answers, open)]));

  // Patterns count the largest contribution of their fired rules: bound it by the values it can take.
  const patterns = new Map<string, TEvidenceRule[]>();
  for (const r of content.evidence) if (r.pattern) patterns.set(r.pattern, [...(patterns.get(r.pattern) ?? []), r]);
  for (const rules of patterns.values()) {
    for (const c of CATEGORIES) {
      const moving = rules.filter((r) => r.effects[c] !== undefined && state.get(r.id) !== 'false');
      const fixed = moving.filter((r) => state.get(r.id) === 'true');
      const values = moving.map((r) => r.effects[c] ?? 0);
      if (fixed.length === 0) values.push(0);
      if (values.length > 0) add(c, Math.min(...values), Math.max(...values));
    }
  }

  // One open single-select question fires the rules of one option (or none): bound per question.
  const byOpenQuestion = new Map<string, TEvidenceRule[]>();
  for (const r of content.evidence) {
    if (r.pattern) continue;
    const qs = conditionQuestions(r.when);
    const s = state.get(r.id);
    if (s === 'true') for (const [c, p] of effectsOf(r)) add(c, p, p);
    if (s !== 'maybe') continue;
    const only = qs.length === 1 ? content.questions.find((q) => q.id === qs[0]) : undefined;
    if (only?.kind === 'single') byOpenQuestion.set(only.id, [...(byOpenQuestion.get(only.id) ?? []), r]);
    else for (const [c, p] of effectsOf(r)) add(c, Math.min(0, p), Math.max(0, p)); // multi-select or combination: independent
  }
  for (const [id, rules] of byOpenQuestion) {
    const q = content.questions.find((x) => x.id === id);
    if (!q) continue;
    for (const c of CATEGORIES) {
      const perOption = q.options.map((o) => rules.filter((r) => evaluate(r.when, { ...answers, [id]: o.id })).reduce((sum, r) => sum + (r.effects[c] ?? 0), 0));
      add(c, Math.min(0, ...perOption), Math.max(0, ...perOption));
    }
  }
  return bounds;
}
