/**
 * The doors (content/doors.ts), evaluated: each opens only when every one of its preconditions is
 * affirmatively met. The assessment (DBS targets, reassurance), the settled proof and "Go to the
 * summary" all ask here; none re-derives a door. The safety screen the assessment reports is here
 * too: it reads the DBS door's safety-screen precondition.
 *
 * Two checks make "fail closed" hold for what the answers do not say: `flags-determined` (no red
 * flag rule could change with an answer still unknown) and `consistency-determined` (no answer still
 * unknown could contradict the established diagnosis or conclude a mimic). Both read the questions
 * still open — unanswered or "Unknown / not assessed", enabled now or possibly enabled by another
 * open answer — as able to take any value, in three-valued logic, with sound score bounds: an
 * unknown answer can only keep a door shut. Pure functions of answers and content.
 */
import { CATEGORIES } from '../../content/ids';
import type { TCategory, TCondition, TContent, TDoorCheck, TDoorPrecondition, TRedFlag, TSafetyScreen } from '../../content/schema';
import { evaluate, type TAnswers } from '../answers/answers';
import { evaluate3, openQuestions } from '../flow/progress';
import { scoreBounds } from './score-bounds';
import { effectsOf } from './tally';

/**
 * The questions whose answer is still open in `known` (answers without "Unknown / not assessed"):
 * unanswered or unknown, and enabled or possibly enabled.
 */
export function openIn(known: TAnswers, content: TContent): Set<string> {
  return new Set(openQuestions(known, new Set(Object.keys(known)), content).map((q) => q.id));
}

/** The conditions of a door's preconditions (not their `instead`s). */
export function doorConditions(door: readonly TDoorPrecondition[]): TCondition[] {
  return door.flatMap((p) => (p.when ? [p.when] : []));
}

/** Every precondition met? Stops at the first that is not (`check` is asked only as needed). */
export function opens(door: readonly TDoorPrecondition[], known: TAnswers, check: (c: TDoorCheck) => boolean): boolean {
  return door.every((p) => (!p.when || evaluate(p.when, known)) && (!p.check || check(p.check)));
}

/**
 * The preconditions not met, each named once in the door's order: by the first `instead` that
 * holds, else by its own id. Empty when the door opens.
 */
export function unmet<Id extends string>(door: readonly TDoorPrecondition<Id>[], known: TAnswers, check: (c: TDoorCheck) => boolean): Id[] {
  return unmetWhere(door, (when) => evaluate(when, known), check);
}

/**
 * `unmet`, with `holds` saying whether a condition holds: the assessment's core passes the conditions
 * it has already evaluated (for a hypothetical answer, only those it changed are evaluated again).
 */
export function unmetWhere<Id extends string>(
  door: readonly TDoorPrecondition<Id>[],
  holds: (when: TCondition) => boolean,
  check: (c: TDoorCheck) => boolean,
): Id[] {
  const found: Id[] = [];
  for (const p of door) {
    if ((!p.when || holds(p.when)) && (!p.check || check(p.check))) continue;
    const id = p.instead?.find((x) => holds(x.when))?.id ?? p.id;
    if (!found.includes(id)) found.push(id);
  }
  return found;
}

/** No red-flag rule could change with an answer still open: the red flags raised are all there are. */
export function flagsDetermined(known: TAnswers, open: ReadonlySet<string>, content: TContent): boolean {
  return content.redFlags.every((r) => evaluate3(r.when, known, open) !== 'maybe');
}

/**
 * The safety screen: red flags raised; answered (C1, C3, C4, C6) with no red-flag rule left open;
 * or not completed. `openNow`: the questions still open, worked out when asked.
 */
export function safetyScreenOf(known: TAnswers, redFlags: readonly TRedFlag[], content: TContent, openNow: () => ReadonlySet<string>): TSafetyScreen {
  if (redFlags.length > 0) return 'red_flags';
  const screen = content.doors.dbs.find((p) => p.id === 'safety_screen_incomplete');
  const answered = !screen?.when || evaluate(screen.when, known);
  return answered && flagsDetermined(known, openNow(), content) ? 'clear' : 'incomplete';
}

/** The open questions a condition still depends on (a disabled one named by its gateway). */
function openLeaves(condition: TCondition, known: TAnswers, open: ReadonlySet<string>, content: TContent): string[] {
  if ('all' in condition) return condition.all.flatMap((c) => openLeaves(c, known, open, content));
  if ('any' in condition) return condition.any.flatMap((c) => openLeaves(c, known, open, content));
  if ('not' in condition) return openLeaves(condition.not, known, open, content);
  if (!open.has(condition.question)) return [];
  const q = content.questions.find((x) => x.id === condition.question);
  const gateway = q?.enableWhen && 'question' in q.enableWhen && open.has(q.enableWhen.question) ? q.enableWhen.question : null;
  return [gateway ?? condition.question];
}

/**
 * Could an answer still open contradict the established diagnosis (raise a diagnosis conflict) or
 * conclude a mimic? Returns the open questions it could come from (in questionnaire order), empty
 * when none can: a warning condition that is "maybe", a category the open answers could make lead or
 * exclude (score bounds), a mimic that an open answer could conclude.
 */
export function findingsThatCouldContradict(known: TAnswers, open: ReadonlySet<string>, content: TContent): string[] {
  const named = new Set<string>();
  const add = (c: TCondition) => openLeaves(c, known, open, content).forEach((q) => named.add(q));
  let bounds: ReturnType<typeof scoreBounds> | null = null;
  const boundsNow = () => (bounds ??= scoreBounds(known, open, content));
  // Any definitive finding an open answer could still give decides the lead and the candidates.
  const definitivePossible = content.evidence.filter((r) => r.definitive && evaluate3(r.when, known, open) === 'maybe');
  /** Open questions whose evidence moves a category (for the score-based warnings). */
  const scoreQuestions = (categories: readonly TCategory[]) =>
    content.evidence.filter((r) => effectsOf(r).some(([c]) => categories.includes(c)) && evaluate3(r.when, known, open) === 'maybe').forEach((r) => add(r.when));

  for (const w of content.warnings) {
    if (w.warning !== 'diagnosis_conflicts_with_findings') continue;
    const state = evaluate3(w.when, known, open);
    if (state === 'false') continue;
    if (!w.leading && !w.outsideCategories) {
      if (state === 'maybe') add(w.when);
      continue;
    }
    if (state === 'maybe') add(w.when);
    const b = boundsNow();
    const { minLead } = content.thresholds;
    if (w.leading) {
      // A listed category could lead: decided by a definitive finding, or strictly ahead of all others.
      const couldLead = w.leading.some(
        (c) => definitivePossible.some((r) => (r.effects[c] ?? 0) > 0) || CATEGORIES.every((x) => x === c || b[c].hi > b[x].lo),
      );
      // (A leader now is a conflict raised, which `no-conflict` reports; with nothing open the
      // bounds are exact and name no question.)
      if (couldLead) {
        definitivePossible.forEach((r) => add(r.when));
        scoreQuestions(CATEGORIES);
      }
    }
    if (w.outsideCategories) {
      // Every category listed stays compatible whatever the open answers give: no definitive finding
      // can decide another category, and it scores above zero within the lead of any possible leader.
      const staysOpen = w.outsideCategories.some(
        (c) => definitivePossible.length === 0 && b[c].lo > 0 && CATEGORIES.every((x) => x === c || b[x].hi - b[c].lo < minLead),
      );
      if (!staysOpen) {
        definitivePossible.forEach((r) => add(r.when));
        scoreQuestions(CATEGORIES);
      }
    }
  }

  // A mimic an open answer could still conclude (a reassuring one only if its door could open).
  const reassuranceWhen = doorConditions(content.doors.reassurance);
  for (const m of content.mimics) {
    const when: TCondition = m.reassuring ? { all: [m.when, ...reassuranceWhen] } : m.when;
    if (evaluate3(when, known, open) === 'maybe') add(when);
  }
  return content.questions.map((q) => q.id).filter((id) => named.has(id));
}
