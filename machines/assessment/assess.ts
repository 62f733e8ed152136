/**
 * The assessment: one pure, deterministic function from answers and content to the question bank's
 * assessment object, with the trace that explains it. No clock, no randomness, no I/O.
 */
import { conditionQuestions, conditionsQuestions } from '../../content/conditions';
import { CATEGORIES } from '../../content/ids';
import type {
  TCategory,
  TCondition,
  TContent,
  TDbsBlock,
  TDbsDiagnosis,
  TDbsNote,
  TDbsTarget,
  TDoorCheck,
  TEvidenceRule,
  TIndeterminateReason,
  TMimic,
  TMimicRule,
  TQuestion,
  TReassuranceBlock,
  TRedFlag,
  TRedFlagRule,
  TSafetyScreen,
  TWarningId,
  TWarningRule,
} from '../../content/schema';
import { answerKind, evaluate, resolveAnswers, type TAnswers, type TAnswerValue, withoutUnknown } from '../answers/answers';
import { findingsThatCouldContradict, flagsDetermined, openIn, unmet } from './doors';

/** One answer that moved a category, with the rule and its sources. */
export type TContribution = {
  rule: string;
  /** The question the rule reads (the first, for a rule that combines answers). */
  question: string;
  /** Every question the rule reads. */
  questions: string[];
  answer: string;
  /** Points counted for this category (0 when another answer of the same pattern already counted). */
  points: number;
  /** Set when the rule belongs to a pattern that counts once: the rule whose points counted. */
  countedWith?: string;
  why: string;
  sources: readonly string[];
};

export type TRankEntry = {
  category: TCategory;
  score: number;
  for: TContribution[];
  against: TContribution[];
};

/** A gate or red-flag finding: which answer raised it, why, and what to do next. */
export type TFinding = {
  rule: string;
  /** The mimic or red flag this finding raises. */
  raises: TMimic | TRedFlag;
  questions: string[];
  why: string;
  nextStep?: string;
  /** For reassurance set aside: every precondition of the reassurance door not met. */
  withheld?: TReassuranceBlock[];
  sources: readonly string[];
};


export type TMissing = {
  /** The unanswered question (for neurophysiology not done: E0). */
  question: string;
  /** Why it is asked first, when a content rule puts it first (e.g. C6 when asterixis is described). */
  first?: string;
  /** Questions whose answer would be obtained, when they differ from `question`. */
  via: string[];
  test: string;
  /** Outcomes an answer could lead to: a category, `indeterminate`, `mimic:<type>` or `red-flag:<id>`. */
  couldLeadTo: string[];
};

/** The answers contradict each other in a way the clinician must reconcile (contract 1.1 `warnings`). */
export type TWarning = {
  id: TWarningId;
  rule: string;
  /** The questions whose answers conflict. */
  questions: string[];
  why: string;
  reconcile: string;
  sources: readonly string[];
};

export type TDbs = {
  /** The route the established diagnosis D1 names (never the computed category). */
  diagnosis: TDbsDiagnosis | null;
  /** Empty whenever `blockedBy` is not. */
  targets: TDbsTarget[];
  /** D2: true, false, or null when not recorded. */
  refractory: boolean | null;
  /** Every reason the discussion is withheld although a diagnosis with a route is established. */
  blockedBy: TDbsBlock[];
  summary: string | null;
  evidenceLevel: string | null;
  /** In display order: a `refractory` note first when refractoriness is not established. */
  notes: Pick<TDbsNote, 'id' | 'kind' | 'text' | 'sources'>[];
};

export type TAssessment = {
  gate: 'myoclonus' | 'mimic';
  mimic: TMimic | null;
  redFlags: TRedFlag[];
  category: TCategory | 'indeterminate' | null;
  candidates: TCategory[];
  ranking: TRankEntry[];
  dbs: TDbs;
  warnings: TWarning[];
  missing: TMissing[];
  contentVersion: string;
  explanation: {
    gate: TFinding[];
    /**
     * Mimics not concluded, with the cautious next step: reassurance withheld (its door shut, with
     * why), or a mimic the neurophysiology conflicts with.
     */
    mimicsSetAside: TFinding[];
    /** Every red-flag finding; a mimic never sets them aside. */
    redFlags: TFinding[];
    /**
     * The safety screen (question bank 1.2): red flags raised; answered with none; or not completed
     * (a red-flag question left unknown or unanswered could still raise one).
     */
    safetyScreen: TSafetyScreen;
    /** When the DBS discussion is withheld for findings left unknown: the questions that could contradict the diagnosis. */
    findingsLeftUnknown: string[];
    /** The category definitive neurophysiology decided, whatever the bedside sum; else null. */
    decidedByNeurophysiology: TCategory | null;
    indeterminate: TIndeterminateReason[];
    /** Under a red flag: the category the scores would otherwise give, shown as provisional. */
    provisionalCategory: TCategory | null;
    /** Questions that carried evidence, and whether neurophysiology was entered. */
    discriminatingAnswers: number;
    neurophysiology: boolean;
    /** Ids of the enabled questions, in order; the answers that counted. */
    enabledQuestions: string[];
    answers: TAnswers;
    /**
     * The enabled questions answered "Unknown / not assessed", in order. An enabled question neither
     * here nor in `answers` was never answered (machines/answers/vocabulary.ts).
     */
    answeredUnknown: string[];
  };
};

type Scores = Record<TCategory, number>;

const zeroScores = (): Scores => ({
  cortical: 0,
  'cortical-subcortical': 0,
  'subcortical-nonsegmental': 0,
  segmental: 0,
  peripheral: 0,
});

/** Precomputed once per content bundle. */
type Index = {
  questionsById: Map<string, TQuestion>;
  ruleOrder: Map<string, number>;
  /** Questions some section's or question's condition names: their answers can change what is asked. */
  branching: Set<string>;
  /** For each question, the rule conditions (evidence, red flags, mimics, cautions, warnings, doors) naming it. */
  conditionsNaming: Map<string, Set<TCondition>>;
  /** Every condition the core reads: each is evaluated for the answers, so a hypothetical answer knows how it stood. */
  conditions: TCondition[];
  /** The reassurance door's conditions: read only while a reassuring mimic's own condition holds. */
  doorConditions: Set<TCondition>;
  /** The conditions of the reassuring mimics (hypnic jerks). */
  reassuringWhen: TCondition[];
  /** Questions some red-flag rule names. */
  flagQuestions: Set<string>;
};
const indexCache = new WeakMap<TContent, Index>();
function indexOf(content: TContent): Index {
  let index = indexCache.get(content);
  if (!index) {
    index = {
      questionsById: new Map(content.questions.map((q) => [q.id, q])),
      ruleOrder: new Map(content.evidence.map((r, i) => [r.id, i])),
      branching: new Set(
        conditionsQuestions([...content.sections, ...content.questions].flatMap((x) => (x.enableWhen ? [x.enableWhen] : []))),
      ),
      conditionsNaming: new Map(),
      conditions: [],
      doorConditions: new Set(),
      reassuringWhen: content.mimics.filter((r) => r.reassuring).map((r) => r.when),
      flagQuestions: new Set(conditionsQuestions(content.redFlags.map((r) => r.when))),
    };
    const rules = [...content.evidence, ...content.redFlags, ...content.warnings, ...content.mimics, ...content.keepOpen].map((r) => r.when);
    const doorConditions = content.doors.reassurance.flatMap((p) => [...(p.when ? [p.when] : []), ...(p.instead ?? []).map((x) => x.when)]);
    index.doorConditions = new Set(doorConditions);
    index.conditions = [...new Set([...rules, ...content.mimics.flatMap((r) => (r.caution ? [r.caution.when] : [])), ...doorConditions])];
    for (const when of index.conditions) {
      for (const id of conditionQuestions(when)) {
        const naming = index.conditionsNaming.get(id) ?? new Set<TCondition>();
        naming.add(when);
        index.conditionsNaming.set(id, naming);
      }
    }
    indexCache.set(content, index);
  }
  return index;
}

/** The questions a rule's condition names, worked out once per condition (read-only: never handed out). */
const namedQuestions = new WeakMap<TCondition, readonly string[]>();
function questionsOf(condition: TCondition): readonly string[] {
  let ids = namedQuestions.get(condition);
  if (!ids) {
    ids = conditionQuestions(condition);
    namedQuestions.set(condition, ids);
  }
  return ids;
}

const answerText = (value: string | readonly string[]) => (typeof value === 'string' ? value : value.join(', '));

/** A rule's effects as entries, each with its pattern-and-category key, worked out once per rule. */
type TEffect = readonly [category: TCategory, points: number, key: string];
const effectEntries = new WeakMap<TEvidenceRule, readonly TEffect[]>();
function effectsOf(rule: TEvidenceRule): readonly TEffect[] {
  let entries = effectEntries.get(rule);
  if (!entries) {
    entries = (Object.entries(rule.effects) as [TCategory, number][]).map(([category, points]) => [category, points, `${rule.pattern ?? ''}|${category}`] as const);
    effectEntries.set(rule, entries);
  }
  return entries;
}

/** One fired evidence rule and the points it counts for each category after patterns are applied. */
type Fired = { rule: TEvidenceRule; counted: Partial<Record<TCategory, { points: number; countedWith?: string }>> };

/** The evidence that fired and what it adds up to. */
type Tally = {
  scores: Scores;
  firing: TEvidenceRule[];
  /** For each pattern and category, the rule whose points count. */
  best: Map<string, { rule: string; points: number }>;
  discriminating: number;
  neurophysiology: boolean;
};

/**
 * Sum the evidence. Rules of one pattern count once per category: the largest contribution (the
 * first in content order on a tie) counts, the others are kept in the trace with 0 points.
 */
function tallyOf(content: TContent, holds: (when: TCondition) => boolean): Tally {
  const { questionsById } = indexOf(content);
  const firing = content.evidence.filter((r) => holds(r.when));
  const best = new Map<string, { rule: string; points: number }>(); // key: pattern + category
  for (const rule of firing) {
    if (!rule.pattern) continue;
    for (const [, points, key] of effectsOf(rule)) {
      const current = best.get(key);
      if (!current || Math.abs(points) > Math.abs(current.points)) best.set(key, { rule: rule.id, points });
    }
  }
  const scores = zeroScores();
  const discriminatingQuestions = new Set<string>();
  let neurophysiology = false;
  for (const rule of firing) {
    for (const [category, points, key] of effectsOf(rule)) {
      const winner = rule.pattern ? best.get(key) : undefined;
      if (!winner || winner.rule === rule.id) scores[category] += points;
    }
    for (const q of questionsOf(rule.when)) {
      discriminatingQuestions.add(q);
      if (questionsById.get(q)?.section === content.roles.neurophysiologySection) neurophysiology = true;
    }
  }
  return { scores, firing, best, discriminating: discriminatingQuestions.size, neurophysiology };
}

/** Each fired rule with the points it counts for each category, for the trace. */
function firedOf({ firing, best }: Pick<Tally, 'firing' | 'best'>): Fired[] {
  return firing.map((rule) => {
    const counted: Fired['counted'] = {};
    for (const [category, points, key] of effectsOf(rule)) {
      const winner = rule.pattern ? best.get(key) : undefined;
      counted[category] = !winner || winner.rule === rule.id ? { points } : { points: 0, countedWith: winner.rule };
    }
    return { rule, counted };
  });
}

/**
 * The part of the assessment that `missing` re-runs for each hypothetical answer. It keeps the rules
 * that fired rather than their findings: the findings (with their trace) are written out once, for
 * the answers themselves, by `findingsOf`.
 */
type Core = {
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
function coreOf(answers: TAnswers, content: TContent): Core {
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
function core(content: TContent, held: Set<TCondition>, check: (when: TCondition) => boolean, answers: TAnswers): Core {
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
    const withheld = r.reassuring ? reassuranceWithheld(content, check, doorCheck) : [];
    mimicRules.push({ rule: r, setAside: conflicting || withheld.length > 0, withheld });
  }
  const concluded = mimicRules.find((m) => !m.setAside);

  const warningHolds = content.warnings.map((r) => check(r.when));

  const { scores, firing, discriminating, neurophysiology } = tally;
  const { minTopScore, minLead, minDiscriminatingAnswers } = content.thresholds;
  const definitive = new Set(
    firing.filter((r) => r.definitive).flatMap((r) => effectsOf(r).filter(([, p]) => p > 0).map(([c]) => c)),
  );
  // The categories every neurophysiological finding entered is compatible with (brief §1(a).7).
  const signatures = firing.map((r) => r.signature).filter((x): x is TCategory[] => x !== undefined);
  const shared = signatures.length === 0 ? null : CATEGORIES.filter((c) => signatures.every((sig) => sig.includes(c)));
  // Brief §0.2 rule 2: one category's definitive neurophysiology decides the lead, whatever the
  // bedside sum, when the other findings are compatible with it.
  const decided = definitive.size === 1 && shared !== null && shared.length > 0 ? ([...definitive][0] ?? null) : null;
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

/** The preconditions of the reassurance door not met (empty when it opens). */
function reassuranceWithheld(content: TContent, check: (when: TCondition) => boolean, doorCheck: (c: TDoorCheck) => boolean): TReassuranceBlock[] {
  const found: TReassuranceBlock[] = [];
  for (const p of content.doors.reassurance) {
    if ((!p.when || check(p.when)) && (!p.check || doorCheck(p.check))) continue;
    const id = p.instead?.find((x) => check(x.when))?.id ?? p.id;
    if (!found.includes(id)) found.push(id);
  }
  return found;
}

/** The findings and warnings of the rules that fired, with the questions each reads. */
function findingsOf(base: Core): { gate: TFinding[]; mimicsSetAside: TFinding[]; redFlags: TFinding[]; warnings: TWarning[] } {
  const gate: TFinding[] = [];
  const mimicsSetAside: TFinding[] = [];
  for (const { rule: r, setAside, withheld } of base.mimicRules) {
    const finding = { rule: r.id, raises: r.mimic, questions: conditionQuestions(r.when), why: r.why, nextStep: r.nextStep, sources: r.sources };
    if (!setAside) gate.push(finding);
    else if (withheld.length > 0 && r.reassuring) mimicsSetAside.push({ ...finding, nextStep: r.reassuring.nextStep, withheld });
    else mimicsSetAside.push({ ...finding, nextStep: r.caution?.nextStep ?? r.nextStep });
  }
  return {
    gate,
    mimicsSetAside,
    redFlags: base.flagRules.map((r) => ({ rule: r.id, raises: r.flag, questions: conditionQuestions(r.when), why: r.why, nextStep: r.nextStep, sources: r.sources })),
    warnings: base.warningRules.map((r) => ({ id: r.warning, rule: r.id, questions: conditionQuestions(r.when), why: r.why, reconcile: r.reconcile, sources: r.sources })),
  };
}

type Ranked = [{ category: TCategory; score: number }, { category: TCategory; score: number }, ...{ category: TCategory; score: number }[]];

/**
 * Categories best first: the category definitive neurophysiology decided (if any), then by score;
 * ties keep the fixed order of CATEGORIES, so the result is stable.
 */
function rank(scores: Scores, decided: TCategory | null): Ranked {
  const ranked = CATEGORIES.map((category) => ({ category, score: scores[category] })).sort(
    (a, b) => Number(b.category === decided) - Number(a.category === decided) || b.score - a.score,
  );
  return ranked as Ranked;
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

function contributions(fired: readonly Fired[], answers: TAnswers, category: TCategory): TContribution[] {
  const list: TContribution[] = [];
  for (const { rule, counted } of fired) {
    const share = counted[category];
    if (share === undefined) continue;
    const questions = conditionQuestions(rule.when);
    const question = questions[0] ?? '';
    // For a multi-select answer, the option this rule read; otherwise the answers themselves.
    const option = 'op' in rule.when && rule.when.op === 'includes' ? rule.when.value : undefined;
    const answer = option ?? questions.map((q) => answers[q]).filter((v) => v !== undefined).map(answerText).join('; ');
    list.push({
      rule: rule.id,
      question,
      questions,
      answer,
      points: share.points,
      ...(share.countedWith ? { countedWith: share.countedWith } : {}),
      // A rule that moves one category against and another for says why in one sentence; the
      // result model picks the sentence written for this category where content has one.
      why: rule.why,
      sources: rule.sources,
    });
  }
  return list;
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

/**
 * The DBS discussion follows the established diagnosis D1 only, never the category. Its targets are
 * listed only when the DBS door opens (content/doors.ts): every precondition affirmatively met. Else
 * `blockedBy` names each one that is not, and `findingsLeftUnknown` the questions behind
 * `findings_incomplete`.
 */
function dbsOf(answers: TAnswers, base: Core, enabledIds: Set<string>, content: TContent, openNow?: () => Set<string>): { dbs: TDbs; findingsLeftUnknown: string[] } {
  const route = content.dbs.find((r) => evaluate(r.when, answers));
  const refractoryQuestion = content.roles.refractoryQuestion;
  const d2 = answers[refractoryQuestion];
  const refractory = !enabledIds.has(refractoryQuestion) || d2 === undefined ? null : d2 === 'yes';
  if (!route) return { dbs: { diagnosis: null, targets: [], refractory, blockedBy: [], summary: null, evidenceLevel: null, notes: [] }, findingsLeftUnknown: [] };
  const open = openNow?.() ?? openIn(answers, content);
  let couldContradict: string[] | null = null;
  const contradicting = () => (couldContradict ??= findingsThatCouldContradict(answers, open, content));
  const checks: Record<TDoorCheck, () => boolean> = {
    'no-mimic': () => base.mimic === null,
    'flags-determined': () => flagsDetermined(answers, open, content),
    'no-red-flags': () => base.redFlags.length === 0,
    'no-conflict': () => !base.warningRules.some((w) => w.warning === 'diagnosis_conflicts_with_findings'),
    'consistency-determined': () => contradicting().length === 0,
    settled: () => false, // not a precondition of this door
  };
  const blockedBy = unmet(content.doors.dbs, answers, (c) => checks[c]());
  const findingsLeftUnknown = blockedBy.includes('findings_incomplete') ? contradicting() : [];
  if (blockedBy.length > 0)
    return { dbs: { diagnosis: route.diagnosis, targets: [], refractory, blockedBy, summary: null, evidenceLevel: null, notes: [] }, findingsLeftUnknown };
  const kindOrder = ['first-line', 'target-caveat', 'evidence', 'caveat', 'source-correction'] as const;
  return {
    dbs: {
      diagnosis: route.diagnosis,
      targets: [...route.targets],
      refractory,
      blockedBy,
      summary: route.summary,
      evidenceLevel: route.evidenceLevel,
      notes: route.notes
        .filter((n) => !n.when || evaluate(n.when, answers))
        .map(({ id, kind, text, sources }) => ({ id, kind, text, sources }))
        .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind)),
    },
    findingsLeftUnknown,
  };
}

/**
 * The safety screen: red flags raised; answered (C1, C3, C4, C6) with no red-flag rule left open;
 * or not completed.
 */
function safetyScreenOf(answers: TAnswers, base: Core, content: TContent, openNow: () => Set<string>): TSafetyScreen {
  if (base.redFlags.length > 0) return 'red_flags';
  const screen = content.doors.dbs.find((p) => p.id === 'safety_screen_incomplete');
  const answered = !screen?.when || evaluate(screen.when, answers);
  return answered && flagsDetermined(answers, openNow(), content) ? 'clear' : 'incomplete';
}

/** What the result says, without why: the gate, the category and the provisional category. */
export type TVerdict = { gate: TAssessment['gate']; category: TAssessment['category']; provisionalCategory: TCategory | null };

function verdictFrom(base: Core): TVerdict {
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

/**
 * Whether the DBS door opens for these answers (targets listed), by the same rules as `assess`,
 * without the trace or what is missing: for the settled proof. An open door stays open whatever the
 * questions still open are answered (no unknown opens a door a known answer would close).
 */
export function dbsOpens(rawAnswers: TAnswers, content: TContent): boolean {
  const resolved = resolveAnswers(rawAnswers, content);
  const answers = withoutUnknown(resolved.answers);
  const enabledIds = new Set(resolved.enabled.map((q) => q.id));
  return dbsOf(answers, coreOf(answers, content), enabledIds, content).dbs.targets.length > 0;
}

/** The assessment of a set of answers. Answers of disabled questions are dropped first. */
export function assess(rawAnswers: TAnswers, content: TContent): TAssessment {
  const resolved = resolveAnswers(rawAnswers, content);
  const enabled = resolved.enabled;
  const answers = withoutUnknown(resolved.answers);
  const base = coreOf(answers, content);
  const findings = findingsOf(base);
  const fired = firedOf(base.tally);
  const { gate, category, provisionalCategory } = verdictFrom(base);
  const enabledIds = new Set(enabled.map((q) => q.id));
  // The questions still open (unanswered or unknown), worked out once, when a door check asks.
  let open: Set<string> | null = null;
  const openNow = () => (open ??= openIn(answers, content));
  const { dbs, findingsLeftUnknown } = dbsOf(answers, base, enabledIds, content, openNow);

  // Every category with its score and the answers for and against it; under a mimic the result
  // model shows none of it, but the trace keeps it.
  const ranking: TRankEntry[] = base.ranked.map(({ category, score }) => {
    const all = contributions(fired, answers, category);
    const sign = (c: TContribution) => Math.sign(fired.find((f) => f.rule.id === c.rule)?.rule.effects[category] ?? 0);
    return { category, score, for: all.filter((c) => sign(c) > 0), against: all.filter((c) => sign(c) < 0) };
  });

  return {
    gate,
    mimic: base.mimic,
    // A mimic takes precedence over categories, never over red flags (contract 1.1).
    redFlags: base.redFlags,
    category,
    candidates: gate === 'mimic' ? [] : base.candidates,
    ranking,
    dbs,
    warnings: findings.warnings,
    // Under a mimic only what could still raise a red flag is missing: a mimic never outranks one.
    missing:
      gate === 'mimic'
        ? findMissing(answers, enabled, base, content)
            .map((m) => ({ ...m, couldLeadTo: m.couldLeadTo.filter((o) => o.startsWith('red-flag:')) }))
            .filter((m) => m.couldLeadTo.length > 0)
        : findMissing(answers, enabled, base, content),
    contentVersion: content.version,
    explanation: {
      gate: findings.gate,
      mimicsSetAside: findings.mimicsSetAside,
      redFlags: findings.redFlags,
      safetyScreen: safetyScreenOf(answers, base, content, openNow),
      findingsLeftUnknown,
      decidedByNeurophysiology: gate === 'mimic' ? null : base.decided,
      indeterminate: gate === 'mimic' ? [] : base.reasons,
      provisionalCategory,
      discriminatingAnswers: base.discriminating,
      neurophysiology: base.neurophysiology,
      enabledQuestions: enabled.map((q) => q.id),
      answers,
      answeredUnknown: enabled.filter((q) => answerKind(resolved.answers[q.id]) === 'unknown').map((q) => q.id),
    },
  };
}

/**
 * The red flags the answers given so far raise (for the notice on the next question page): the same
 * rules as `assess`, without the rest of the assessment.
 */
export function redFlagsOf(rawAnswers: TAnswers, content: TContent): TRedFlag[] {
  const answers = withoutUnknown(resolveAnswers(rawAnswers, content).answers);
  return [...new Set(content.redFlags.filter((r) => evaluate(r.when, answers)).map((r) => r.flag))];
}
