/**
 * Is the result settled? A proof over the rules, not a guess: given the questions already answered
 * (an answer of "Unknown / not assessed" included), could any combination of answers to the questions
 * still open change what the result shows — the gate and mimic, any red flag, the category or
 * indeterminate with its candidates (and the provisional category), the DBS panel, the warnings?
 *
 * Conditions are evaluated in three-valued (Kleene) logic, an open question being "maybe"; scores
 * get sound bounds per category, patterns and branching included. Bounds may be pessimistic — then
 * the flow simply does not offer the shortcut — but "settled" is never said when it is not true.
 * Pure functions of answers and content.
 */
import { conditionQuestions } from '../content/conditions';
import { CATEGORIES } from '../content/ids';
import type { TCategory, TCondition, TContent, TEvidenceRule } from '../content/schema';
import { evaluate, resolveAnswers, type TAnswers, withoutUnknown } from './answers';
import { verdictOf } from './assess';
import { evaluate3, openQuestions } from './progress';

type Bounds = Record<TCategory, { lo: number; hi: number }>;

/** Sound bounds on every category's final score while the `open` questions may take any value. */
function scoreBounds(answers: TAnswers, open: ReadonlySet<string>, content: TContent): Bounds {
  const bounds = Object.fromEntries(CATEGORIES.map((c) => [c, { lo: 0, hi: 0 }])) as Bounds;
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
    if (s === 'true') for (const [c, p] of entries(r)) add(c, p, p);
    if (s !== 'maybe') continue;
    const only = qs.length === 1 ? content.questions.find((q) => q.id === qs[0]) : undefined;
    if (only?.kind === 'single') byOpenQuestion.set(only.id, [...(byOpenQuestion.get(only.id) ?? []), r]);
    else for (const [c, p] of entries(r)) add(c, Math.min(0, p), Math.max(0, p)); // multi-select or combination: independent
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

const entries = (r: TEvidenceRule) => Object.entries(r.effects) as [TCategory, number][];

export type TSettled = { settled: true } | { settled: false; because: string };

/**
 * Whether no answer to the open questions can change what the result shows. `answered` holds the
 * questions the clinician has answered, "Unknown / not assessed" included; `answers` their values.
 */
export function isSettled(answers: TAnswers, answered: ReadonlySet<string>, content: TContent): TSettled {
  const open = new Set(openQuestions(answers, answered, content).map((q) => q.id));
  if (open.size === 0) return { settled: true };
  const known = withoutUnknown(resolveAnswers(answers, content).answers);
  const now = verdictOf(known, content);
  const can = (because: string): TSettled => ({ settled: false, because });
  const moves = (c: TCondition) => evaluate3(c, known, open) === 'maybe';

  const gateQuestions = content.questions.filter((q) => q.section === content.sections[0]?.id).map((q) => q.id);
  if (gateQuestions.some((id) => open.has(id))) return can('the gate is not answered');
  if (content.mimics.some((r) => moves(r.when) || (r.caution && moves(r.caution.when)))) return can('a mimic is still possible');
  if (content.redFlags.some((r) => moves(r.when))) return can('a red flag can still be raised or cleared');
  if (content.warnings.some((r) => moves(r.when))) return can('a warning can still be raised');
  // Under a mimic the category and the DBS panel are not shown: nothing else can change.
  if (now.gate === 'mimic') return { settled: true };

  const routes = content.dbs.filter((r) => evaluate3(r.when, known, open) !== 'false');
  if (content.dbs.some((r) => moves(r.when))) return can('the diagnosis that names a DBS route is open');
  if (routes.length > 0 && open.has(content.roles.refractoryQuestion)) return can('refractoriness is open');
  if (routes.some((r) => r.notes.some((n) => n.when && moves(n.when)))) return can('a DBS note is open');

  // Neurophysiology: a definitive finding decides the lead when every finding is compatible with it;
  // findings with nothing in common, or that exclude the bedside leader, make the result
  // indeterminate. An open finding can change all that, unless it is compatible with the category
  // already decided.
  const state = (r: TEvidenceRule) => evaluate3(r.when, known, open);
  const positive = (r: TEvidenceRule) => entries(r).filter(([, p]) => p > 0).map(([c]) => c);
  const fixedDefinitive = new Set(content.evidence.filter((r) => r.definitive && state(r) === 'true').flatMap(positive));
  const fixedSignatures = content.evidence.filter((r) => r.signature && state(r) === 'true').map((r) => r.signature ?? []);
  const openSignatures = content.evidence.filter((r) => r.signature && state(r) === 'maybe').map((r) => r.signature ?? []);
  const shared = fixedSignatures.length === 0 ? null : CATEGORIES.filter((c) => fixedSignatures.every((sig) => sig.includes(c)));
  const decided = fixedDefinitive.size === 1 && shared !== null && shared.length > 0 ? [...fixedDefinitive][0] : undefined;
  const bounds = scoreBounds(known, open, content);
  const { minTopScore, minLead } = content.thresholds;
  if (decided !== undefined && openSignatures.every((sig) => sig.includes(decided))) {
    return bounds[decided].lo >= minTopScore ? { settled: true } : can('the decided category’s score can still fall too low');
  }
  if (openSignatures.length > 0) return can('a neurophysiology finding is open');

  // No finding can change. A leader that no open answer can catch or drag below the thresholds stays
  // the category (or the provisional one under red flags), and stays inside or outside what the
  // findings share; anything else that scores may still move is not provably settled.
  const leader = now.category !== 'indeterminate' && now.category !== null ? now.category : now.provisionalCategory;
  if (leader && decided === undefined) {
    const lo = bounds[leader].lo;
    const held = lo >= minTopScore && CATEGORIES.every((c) => c === leader || lo - bounds[c].hi >= minLead);
    return held ? { settled: true } : can('the scores can still change the leading category');
  }
  const still = CATEGORIES.every((c) => bounds[c].lo === bounds[c].hi);
  return still ? { settled: true } : can('the scores can still change an indeterminate result');
}

/** True once the gate is answered and no answer to an open question can change the result. */
export function canGoToSummary(answers: TAnswers, content: TContent): boolean {
  const gate = content.questions.filter((q) => q.section === content.sections[0]?.id);
  if (gate.some((q) => answers[q.id] === undefined)) return false;
  return isSettled(answers, new Set(Object.keys(answers)), content).settled;
}
