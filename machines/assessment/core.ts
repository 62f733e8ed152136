/**
 * The assessment's core: from which rule conditions hold to the gate and mimic, the red flags, the
 * warnings, the scores, the category or indeterminate with its reasons and candidates. The part
 * that `missing` re-runs for each hypothetical answer, and all the settled proof's verdict needs.
 */
import { CATEGORIES } from '../../content/ids';
import type {
  TCategory,
  TCondition,
  TContent,
  TDoorCheck,
  TIndeterminateReason,
  TMimic,
  TMimicRule,
  TReassuranceBlock,
  TRedFlag,
  TRedFlagRule,
  TWarningRule,
} from '../../content/schema';
import { evaluate, resolveAnswers, type TAnswers, withoutUnknown } from '../answers/answers';
import { flagsDetermined, openIn, unmetWhere } from './doors';
import { indexOf } from './rule-index';
import { neurophysiologyOf, rank, type Ranked, type Scores, type Tally, tallyOf } from './tally';
import type { TVerdict } from './types';

/**
 * The part of the assessment that `missing` re-runs for each hypothetical answer. It keeps the rules
 * that fired rather than their findings: the findings (with their trace) are written out once, for
 * the answers themselves, by `findingsOf` (trace.ts).
 */
export type Core = {
  /** Every rule condition that holds (evidence, red flags, mimics and their cautions, warnings, doors); left empty in a hypothetical answer's core. */
  held: Set<TCondition>;
  /** Mimic rules that hold: concluded, or set aside (reassurance withheld, or conflicting neurophysiology). */
  mimicRules: { rule: TMimicRule; setAside: boolean; withheld: TReassuranceBlock[] }[];
  mimic: TMimic | null;
  redFlags: TRedFlag[];
  flagRules: TRedFlagRule[];
  warningRules: TWarningRule[];
  scores: Scores;
  tally: Tally;
  category: TCategory | 'indeterminate';
  candidates: TCategory[];
  reasons: TIndeterminateReason[];
  provisional: TCategory | null;
  decided: TCategory | null;
  ranked: Ranked;
  discriminating: number;
  neurophysiology: boolean;
};

/**
 * The assessment's core over the answers. Every condition the core can read is evaluated first and
 * recorded in `held`, so a hypothetical answer's core (`findMissing`) knows how each stood.
 */
export function coreOf(answers: TAnswers, content: TContent): Core {
  const held = new Set<TCondition>();
  for (const when of indexOf(content).conditions) if (evaluate(when, answers)) held.add(when);
  return core(content, held, (when) => held.has(when), answers);
}

/**
 * The core from `check`, which answers whether a rule's condition holds: `findMissing` passes one
 * that re-evaluates only the conditions naming the questions a hypothetical answer changed (its
 * `held` is then left empty: only the answers' own is read). `answers` (without unknowns) serve the
 * door checks that read what is still open.
 */
export function core(content: TContent, held: Set<TCondition>, check: (when: TCondition) => boolean, answers: TAnswers): Core {
  const tally = tallyOf(content, check);

  const flagRules = content.redFlags.filter((r) => check(r.when));
  const redFlags = [...new Set(flagRules.map((r) => r.flag))];

  // Reassurance (physiological jerks) is concluded only when its door opens: every precondition
  // affirmatively met (content/doors.ts). A mimic that definitive neurophysiology conflicts with is
  // set aside (its `caution`).
  let open: Set<string> | null = null;
  const doorCheck = (c: TDoorCheck): boolean => {
    if (c === 'no-red-flags') return redFlags.length === 0;
    if (c === 'flags-determined') return flagsDetermined(answers, (open ??= openIn(answers, content)), content);
    return false; // no other check belongs to the reassurance door
  };
  const mimicRules: Core['mimicRules'] = [];
  for (const r of content.mimics) {
    if (!check(r.when)) continue;
    const conflicting = r.caution !== undefined && check(r.caution.when);
    const withheld = r.reassuring ? unmetWhere(content.doors.reassurance, check, doorCheck) : [];
    mimicRules.push({ rule: r, setAside: conflicting || withheld.length > 0, withheld });
  }
  const concluded = mimicRules.find((m) => !m.setAside);

  const warningHolds = content.warnings.map((r) => check(r.when));

  const { scores, firing, discriminating, neurophysiology } = tally;
  const { minTopScore, minLead, minDiscriminatingAnswers } = content.thresholds;
  // What the neurophysiology entered decides (tally.ts), whatever the bedside sum.
  const { definitive, signatures, shared, decided } = neurophysiologyOf(firing);
  const ranked = rank(scores, decided);
  const [top, second] = ranked;

  const scoreReasons: TIndeterminateReason[] = [];
  // Findings with no category in common conflict; so do findings that exclude the bedside leader.
  // The categories conflicting neurophysiology keeps open: every finding's, or the ones they share.
  const conflicting: TCategory[] =
    shared === null || shared.includes(top.category) ? [] : shared.length === 0 ? [...new Set(signatures.flat())] : shared;
  // A mimic that definitive findings of a generator set aside conflicts with them too.
  const signConflict = mimicRules.some((m) => m.setAside && m.rule.caution !== undefined && check(m.rule.caution.when));
  if (conflicting.length > 0 || signConflict) scoreReasons.push('conflicting_neurophysiology');
  if (top.score < minTopScore) scoreReasons.push('low_top_score');
  if (decided === null) {
    if (top.score - second.score < minLead) scoreReasons.push('narrow_lead');
    if (discriminating < minDiscriminatingAnswers && !neurophysiology) scoreReasons.push('thin_evidence');
  }
  // At the bedside alone (no neurophysiological finding of a category entered), brief §1(b).4: a
  // category the bedside cannot exclude stays open (epilepsia partialis continua), and a confident
  // call needs no answer that is the hallmark of another category.
  const kept: TCategory[] = [];
  if (signatures.length === 0 && definitive.size === 0) {
    for (const r of content.keepOpen) {
      if (check(r.when) && r.category !== top.category && !kept.includes(r.category)) kept.push(r.category);
    }
    if (kept.length > 0) scoreReasons.push('cortical_not_excluded');
    if (scoreReasons.length === 0) {
      for (const r of firing) if (r.hallmarkOf && r.hallmarkOf !== top.category && !kept.includes(r.hallmarkOf)) kept.push(r.hallmarkOf);
      if (kept.length > 0) scoreReasons.push('mixed_hallmarks');
    }
  }
  const reasons: TIndeterminateReason[] = redFlags.length > 0 ? ['red_flags', ...scoreReasons] : scoreReasons;
  const category = reasons.length === 0 ? top.category : 'indeterminate';
  const candidates = candidatesOf(ranked, category, new Set([...definitive, ...conflicting, ...kept]), decided, minLead, reasons);
  // A diagnosis of one physiology conflicts with a result that keeps none of its categories open, or
  // that another category leads (under a mimic there is no category to conflict with). Said only
  // where no finding-specific warning of the same kind already says it.
  const plain = content.warnings.filter((r, i) => warningHolds[i] && !r.outsideCategories && !r.leading);
  const leader = decided ?? (top.score > second.score ? top.category : null);
  const byResult = content.warnings.filter(
    (r, i) =>
      warningHolds[i] &&
      !concluded &&
      !plain.some((p) => p.warning === r.warning) &&
      ((r.leading !== undefined && leader !== null && r.leading.includes(leader)) ||
        (r.outsideCategories !== undefined && candidates.every((c) => !r.outsideCategories!.includes(c)))),
  );
  // One category-based warning of a kind is enough: the leader's, else the excluded category's.
  const byResultOnce = byResult.filter((r, i) => byResult.findIndex((x) => x.warning === r.warning) === i);
  const warningRules = [...plain, ...byResultOnce].sort((x, y) => content.warnings.indexOf(x) - content.warnings.indexOf(y));
  return {
    held,
    mimicRules,
    mimic: concluded?.rule.mimic ?? null,
    redFlags,
    flagRules,
    warningRules,
    scores,
    tally,
    category,
    candidates,
    reasons,
    provisional: redFlags.length > 0 && scoreReasons.length === 0 ? top.category : null,
    decided,
    ranked,
    discriminating,
    neurophysiology,
  };
}

/**
 * Categories still compatible, best first. Determinate: the winner. Indeterminate: every positive
 * category within the lead threshold of the top and every category definitive neurophysiology
 * supports; when the evidence is too thin to rank at all, at least the best two that scored; with
 * nothing positive at all, all five stay open. Under a red flag alone, the provisional leader.
 */
function candidatesOf(
  ranked: Ranked,
  category: TCategory | 'indeterminate',
  definitive: Set<TCategory>,
  decided: TCategory | null,
  minLead: number,
  reasons: readonly TIndeterminateReason[],
): TCategory[] {
  if (category !== 'indeterminate') return [category];
  if (decided !== null && !reasons.includes('low_top_score')) return [decided];
  const top = ranked[0].score;
  if (top <= 0 && definitive.size === 0) return [...CATEGORIES];
  const positive = ranked.filter((r) => r.score > 0);
  const chosen = new Set<TCategory>(positive.filter((r) => top - r.score < minLead).map((r) => r.category));
  for (const c of definitive) chosen.add(c);
  if (decided !== null) chosen.add(decided);
  const thin = reasons.includes('low_top_score') || reasons.includes('thin_evidence');
  for (const r of positive) {
    if (!thin || chosen.size >= 2) break;
    chosen.add(r.category);
  }
  return ranked.filter((r) => chosen.has(r.category)).map((r) => r.category);
}

/** What the result says, from the core: under a mimic, no category. */
export function verdictFrom(base: Core): TVerdict {
  const gate = base.mimic ? 'mimic' : 'myoclonus';
  return { gate, category: gate === 'mimic' ? null : base.category, provisionalCategory: gate === 'mimic' ? null : base.provisional };
}

/**
 * The verdict of `assess` alone, by the same rules, without the trace, the ranking, the DBS panel or
 * what is missing (which re-runs the rules for every open answer): for the proof that the result is
 * settled, which asks it at every step of the questionnaire.
 */
export function verdictOf(rawAnswers: TAnswers, content: TContent): TVerdict {
  return verdictFrom(coreOf(withoutUnknown(resolveAnswers(rawAnswers, content).answers), content));
}
