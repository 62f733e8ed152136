/**
 * Which questions are still open, and truthful progress ("question 7 of up to 24"): pure functions of
 * the answers and the questions, light enough for every question page (no rules, no assessment).
 * `settled.ts` builds its proof on the same open set.
 */
import type { TCondition, TFlowContent, TQuestion } from '../../content/schema';
import { evaluate, resolveAnswers, type TAnswers } from '../answers/answers';

type Tri = 'true' | 'false' | 'maybe';


const not3 = (v: Tri): Tri => (v === 'maybe' ? 'maybe' : v === 'true' ? 'false' : 'true');
const all3 = (vs: Tri[]): Tri => (vs.includes('false') ? 'false' : vs.includes('maybe') ? 'maybe' : 'true');
const any3 = (vs: Tri[]): Tri => (vs.includes('true') ? 'true' : vs.includes('maybe') ? 'maybe' : 'false');

/** A condition under answers where the questions in `open` may still take any value (or none). */
export function evaluate3(condition: TCondition, answers: TAnswers, open: ReadonlySet<string>): Tri {
  if ('all' in condition) return all3(condition.all.map((c) => evaluate3(c, answers, open)));
  if ('any' in condition) return any3(condition.any.map((c) => evaluate3(c, answers, open)));
  if ('not' in condition) return not3(evaluate3(condition.not, answers, open));
  if (open.has(condition.question)) return 'maybe';
  return evaluate(condition, answers) ? 'true' : 'false';
}

/**
 * The questions whose answer is still open: not answered yet, and enabled now or possibly enabled
 * by a later answer (D1a and D2 while D1 is open, E1–E4 while E0 is, C6a while C6 is).
 */
export function openQuestions(answers: TAnswers, answered: ReadonlySet<string>, content: TFlowContent): TQuestion[] {
  const open = new Set<string>();
  const known = resolveAnswers(answers, content).answers;
  const sectionWhen = new Map(content.sections.map((s) => [s.id, s.enableWhen]));
  const result: TQuestion[] = [];
  // In content order a condition reads only earlier questions, so one pass settles each.
  for (const q of content.questions) {
    const conditions = [sectionWhen.get(q.section), q.enableWhen].filter((c): c is TCondition => c !== undefined);
    const enabled = all3(conditions.map((c) => evaluate3(c, known, open)));
    if (enabled === 'false' || answered.has(q.id)) continue;
    open.add(q.id);
    result.push(q);
  }
  return result;
}

/**
 * Truthful progress: the number of this question among those asked so far, and the most questions
 * the flow can still ask (branching and skips included), so "question 7 of up to 24".
 */
export function progressOf(answers: TAnswers, answered: ReadonlySet<string>, current: string | null, content: TFlowContent): { number: number; upTo: number } {
  const enabled = new Set(resolveAnswers(answers, content).enabled.map((q) => q.id));
  const open = new Set(openQuestions(answers, answered, content).map((q) => q.id));
  const counted = content.questions.filter((q) => q.id === current || open.has(q.id) || (enabled.has(q.id) && answered.has(q.id)));
  const index = counted.findIndex((q) => q.id === current);
  return { number: (index < 0 ? counted.filter((q) => answered.has(q.id)).length : index) + 1, upTo: counted.length };
}
