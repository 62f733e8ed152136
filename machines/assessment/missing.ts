/**
 * What would change this: the unanswered questions whose answer could change what the result
 * shows, most decisive first, each with the test that would answer it and the outcomes it could
 * lead to. Found by re-running the core (core.ts) for each hypothetical answer, re-evaluating only
 * the rule conditions that name the questions it changes.
 */
import { CATEGORIES } from '../../content/ids';
import type { TCategory, TCondition, TContent, TQuestion } from '../../content/schema';
import { evaluate, resolveAnswers, type TAnswers, type TAnswerValue } from '../answers/answers';
import { type Core, core } from './core';
import { indexOf, questionsOf } from './rule-index';
import type { TMissing } from './types';

/**
 * What is missing for these answers. Under a mimic only what could still raise a red flag is
 * missing: a mimic never outranks one.
 */
export function missingOf(answers: TAnswers, enabled: readonly TQuestion[], base: Core, content: TContent): TMissing[] {
  if (base.mimic === null) return findMissing(answers, enabled, base, content);
  return findMissing(answers, enabled, base, content)
    .map((m) => ({ ...m, couldLeadTo: m.couldLeadTo.filter((o) => o.startsWith('red-flag:')) }))
    .filter((m) => m.couldLeadTo.length > 0);
}

/** What a hypothetical answer would change in what the result shows. */
function outcomeLabels(base: Core, next: Core): string[] {
  const labels: string[] = [];
  if (next.mimic !== null && next.mimic !== base.mimic) labels.push(`mimic:${next.mimic}`);
  for (const flag of next.redFlags) if (!base.redFlags.includes(flag)) labels.push(`red-flag:${flag}`);
  for (const w of next.warningRules) if (!base.warningRules.some((b) => b.warning === w.warning)) labels.push(`warning:${w.warning}`);
  // Candidate sets compare as sets, written in the fixed category order.
  const asSet = (c: readonly TCategory[]) => CATEGORIES.filter((x) => c.includes(x)).join('|');
  if (next.category !== base.category && next.category !== 'indeterminate') labels.push(next.category);
  else if (next.category === 'indeterminate' && (base.category !== 'indeterminate' || asSet(next.candidates) !== asSet(base.candidates)))
    labels.push(`indeterminate:${asSet(next.candidates)}`);
  return labels;
}

/**
 * The unanswered questions whose answer could change the result, most decisive first, with the test
 * that would answer them. Questions that are only disabled because their gateway question (such as
 * E0 for E1–E4) is unknown or "not done" are tried through that gateway. While a red flag stands, no
 * answer that would only add a mimic is proposed: a mimic never explains a red flag away.
 * A content `askFirst` rule puts its question first (e.g. C6 when negative myoclonus is described).
 */
function findMissing(answers: TAnswers, enabled: readonly TQuestion[], base: Core, content: TContent): TMissing[] {
  const enabledIds = new Set(enabled.map((q) => q.id));
  const sectionOpen = new Set(enabled.map((q) => q.section));
  const found = new Map<string, { via: Set<string>; outcomes: Set<string>; order: number }>();
  const isUnanswered = (q: TQuestion) => {
    const current = answers[q.id];
    return current === undefined || (typeof current === 'string' && q.notAssessed.includes(current));
  };

  const { branching, conditionsNaming } = indexOf(content);
  const diagnosisQuestion = content.dbs.map((r) => questionsOf(r.when)[0]).find((id) => id !== undefined);
  // Each hypothetical answer differs from the answers in a few questions: only the rules naming one
  // of them are evaluated again, the others hold as they did. A hypothetical answer to a question no
  // condition of the questionnaire names asks nothing new, so it is added without resolving again
  // (when the answers resolve to themselves, as they do coming from `assess`).
  const asked = resolveAnswers(answers, content);
  const askedIds = new Set(asked.enabled.map((q) => q.id));
  const selfResolved = Object.keys(asked.answers).length === Object.keys(answers).length;
  // `core` reads the answers only through the conditions that hold: when none of the conditions
  // naming a changed question turns, the hypothetical result is the result itself.
  const none = new Set<TCondition>();
  const { doorConditions, reassuringWhen } = indexOf(content);
  const hypothetically = (next: TAnswers, changed: readonly string[]): Core => {
    // The reassurance door is read only while a reassuring mimic holds: otherwise its conditions,
    // which name most questions, may stand as they did without making the core run again.
    const doorRead = reassuringWhen.some((when) => evaluate(when, next));
    const turned = new Set<TCondition>();
    for (const id of changed)
      for (const when of conditionsNaming.get(id) ?? []) if ((doorRead || !doorConditions.has(when)) && evaluate(when, next) !== base.held.has(when)) turned.add(when);
    if (turned.size === 0) return base;
    return core(content, none, (when) => turned.has(when) !== base.held.has(when), next);
  };
  /** The questions whose answers differ between the answers and `next`. */
  const changedIn = (next: TAnswers): string[] =>
    content.questions.filter((q) => answers[q.id] !== next[q.id]).map((q) => q.id);

  // While a red flag stands, a question that could only add a reassuring mimic (B6, hypnic jerks) is
  // not proposed at all (question bank 1.1, `missing`), whatever else its answers could change.
  const benign =
    base.redFlags.length > 0 ? new Set(content.mimics.filter((r) => r.reassuring).flatMap((r) => questionsOf(r.when))) : new Set<string>();

  // Under a mimic only what could still raise a red flag is missing (`assess`): only the red-flag
  // rules are read again, for the questions they name.
  const flagsOnly = base.mimic !== null;
  const { flagQuestions } = indexOf(content);
  const newFlags = (next: TAnswers): string[] =>
    [...new Set(content.redFlags.filter((r) => !base.redFlags.includes(r.flag) && evaluate(r.when, next)).map((r) => `red-flag:${r.flag}`))];

  content.questions.forEach((q, order) => {
    if (!isUnanswered(q) || benign.has(q.id) || (flagsOnly && !flagQuestions.has(q.id))) return;
    let gateway: { question: string; value: string } | null = null;
    if (!enabledIds.has(q.id)) {
      const when = q.enableWhen;
      if (!sectionOpen.has(q.section) || !when || !('question' in when) || when.op !== 'is') return;
      // Only through a gateway left open (unknown, or "not done" as E0's "no"): an answered gateway
      // (D1, a diagnosis) is not missing information, and changing it is not a test to do.
      const door = indexOf(content).questionsById.get(when.question);
      if (!door || !isUnanswered(door)) return;
      gateway = { question: when.question, value: when.value };
    }
    for (const option of q.options) {
      if (q.notAssessed.includes(option.id)) continue;
      const value = q.kind === 'multi' ? [option.id] : option.id;
      const hypothetical: Record<string, TAnswerValue> = { ...answers, [q.id]: value };
      let outcomes: string[];
      if (flagsOnly) {
        if (gateway) hypothetical[gateway.question] = gateway.value;
        outcomes = newFlags(gateway === null && selfResolved && !branching.has(q.id) ? hypothetical : resolveAnswers(hypothetical, content).answers);
      } else {
        let next: Core;
        if (gateway === null && selfResolved && !branching.has(q.id)) next = askedIds.has(q.id) ? hypothetically(hypothetical, [q.id]) : base;
        else {
          if (gateway) hypothetical[gateway.question] = gateway.value;
          const resolved = resolveAnswers(hypothetical, content).answers;
          next = hypothetically(resolved, changedIn(resolved));
        }
        outcomes = outcomeLabels(base, next);
        // A diagnosis is never proposed only because it would raise a warning (question bank 1.2).
        if (q.id === diagnosisQuestion) outcomes = outcomes.filter((o) => !o.startsWith('warning:'));
        if (base.redFlags.length > 0) outcomes = outcomes.filter((o) => !o.startsWith('mimic:'));
        else if (next.mimic !== null && next.mimic !== base.mimic) outcomes = outcomes.filter((o) => o.startsWith('mimic:') || o.startsWith('red-flag:'));
      }
      if (outcomes.length === 0) continue;
      const key = gateway?.question ?? q.id;
      const entry = found.get(key) ?? { via: new Set<string>(), outcomes: new Set<string>(), order: gateway ? content.questions.findIndex((x) => x.id === key) : order };
      if (gateway) entry.via.add(q.id);
      for (const o of outcomes) entry.outcomes.add(o);
      found.set(key, entry);
    }
  });

  const first = new Map<string, string>();
  for (const rule of content.askFirst) {
    const q = indexOf(content).questionsById.get(rule.question);
    if (q && enabledIds.has(q.id) && isUnanswered(q) && evaluate(rule.when, answers) && !first.has(q.id)) first.set(q.id, rule.why);
  }
  for (const id of first.keys()) if (!found.has(id)) found.set(id, { via: new Set(), outcomes: new Set(), order: -1 });

  const { questionsById } = indexOf(content);
  return [...found.entries()]
    .map(([question, e]) => ({
      question,
      first: first.get(question),
      via: content.questions.filter((q) => e.via.has(q.id)).map((q) => q.id),
      test: questionsById.get(question)?.settledBy ?? '',
      couldLeadTo: [...e.outcomes].sort(),
      weight: (first.has(question) ? 1e6 : 0) + weightOf([...e.outcomes]),
      order: e.order,
    }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map(({ question, first: why, via, test, couldLeadTo }) => ({ question, ...(why ? { first: why } : {}), via, test, couldLeadTo }));
}

/** Safety findings (red flag, warning, mimic) outrank changes of category; more possible outcomes rank higher. */
function weightOf(outcomes: string[]): number {
  const safety = outcomes.filter((o) => o.startsWith('mimic:') || o.startsWith('red-flag:') || o.startsWith('warning:')).length;
  return safety * 100 + outcomes.length;
}
