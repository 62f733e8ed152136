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
import { CATEGORIES } from '../../content/ids';
import type { TCondition, TContent, TEvidenceRule } from '../../content/schema';
import { inGateSection, resolveAnswers, type TAnswers, withoutUnknown } from '../answers/answers';
import { evaluate3, openQuestions } from '../flow/progress';
import { verdictOf } from './core';
import { dbsOpens } from './dbs';
import { doorConditions, opens } from './doors';
import { scoreBounds } from './score-bounds';
import { neurophysiologyOf } from './tally';

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

  if ([...open].some((id) => inGateSection(id, content))) return can('the gate is not answered');
  if (content.mimics.some((r) => moves(r.when) || (r.caution && moves(r.caution.when)))) return can('a mimic is still possible');
  // Reassurance: its door could still open or shut.
  const reassuranceWhen = doorConditions(content.doors.reassurance);
  if (content.mimics.some((r) => r.reassuring && evaluate3(r.when, known, open) !== 'false' && reassuranceWhen.some(moves)))
    return can('reassurance can still be concluded or withheld');
  if (content.redFlags.some((r) => moves(r.when))) return can('a red flag can still be raised or cleared');
  if (content.warnings.some((r) => moves(r.when))) return can('a warning can still be raised');
  // The DBS door opens only when nothing open could shut it (machines/assessment/doors.ts): an open door stays
  // open, its panel fixed. While it is shut and a diagnosis with a route is possible, an open answer
  // may open it or change why it is shut.
  if (content.dbs.some((r) => evaluate3(r.when, known, open) !== 'false') && !dbsOpens(known, content))
    return can('a diagnosis with a DBS route is possible and its discussion could still change');
  // Under a mimic the category is not shown, and the DBS panel (asked above) only says why it is shut.
  if (now.gate === 'mimic') return { settled: true };

  // Neurophysiology: what the findings that hold whatever is answered decide, by the assessment's
  // own rule (tally.ts): a definitive finding decides the lead when every finding is compatible with
  // it; findings with nothing in common, or that exclude the bedside leader, make the result
  // indeterminate. An open finding can change all that, unless it is compatible with the category
  // already decided.
  const state = (r: TEvidenceRule) => evaluate3(r.when, known, open);
  const fixed = content.evidence.filter((r) => (r.definitive || r.signature) && state(r) === 'true');
  const { decided, signatures: fixedSignatures, definitive: fixedDefinitive } = neurophysiologyOf(fixed);
  const openSignatures = content.evidence.filter((r) => r.signature && state(r) === 'maybe').map((r) => r.signature ?? []);
  const bounds = scoreBounds(known, open, content);
  const { minTopScore, minLead } = content.thresholds;
  if (decided !== null && openSignatures.every((sig) => sig.includes(decided))) {
    return bounds[decided].lo >= minTopScore ? { settled: true } : can('the decided category’s score can still fall too low');
  }
  if (openSignatures.length > 0) return can('a neurophysiology finding is open');

  // At the bedside alone, a category kept open (epilepsia partialis continua) or another category's
  // hallmark makes a leader indeterminate: an open answer that could add one may change the result.
  if (fixedSignatures.length === 0 && fixedDefinitive.size === 0) {
    const leading = now.category !== 'indeterminate' && now.category !== null ? now.category : now.provisionalCategory;
    if (content.keepOpen.some((r) => moves(r.when))) return can('a category the bedside cannot exclude may still be kept open');
    if (content.evidence.some((r) => r.hallmarkOf !== undefined && r.hallmarkOf !== leading && state(r) === 'maybe'))
      return can('a hallmark of another category is still possible');
  }

  // No finding can change. A leader that no open answer can catch or drag below the thresholds stays
  // the category (or the provisional one under red flags), and stays inside or outside what the
  // findings share; anything else that scores may still move is not provably settled.
  const leader = now.category !== 'indeterminate' && now.category !== null ? now.category : now.provisionalCategory;
  if (leader && decided === null) {
    const lo = bounds[leader].lo;
    const held = lo >= minTopScore && CATEGORIES.every((c) => c === leader || lo - bounds[c].hi >= minLead);
    return held ? { settled: true } : can('the scores can still change the leading category');
  }
  const still = CATEGORIES.every((c) => bounds[c].lo === bounds[c].hi);
  return still ? { settled: true } : can('the scores can still change an indeterminate result');
}

/**
 * "Go to the summary": the door of content/doors.ts. The first section and the safety screen are
 * answered (not left unknown), and no answer to an open question can change the result.
 */
export function canGoToSummary(answers: TAnswers, content: TContent): boolean {
  const known = withoutUnknown(answers);
  return opens(content.doors.summary, known, (check) => check === 'settled' && isSettled(answers, new Set(Object.keys(answers)), content).settled);
}
