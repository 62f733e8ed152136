/**
 * The assessment: one pure, deterministic function from answers and content to the question bank's
 * assessment object, with the trace that explains it. No clock, no randomness, no I/O.
 */
import { conditionQuestions } from '../content/conditions';
import { CATEGORIES } from '../content/ids';
import type {
  TCategory,
  TContent,
  TDbsDiagnosis,
  TDbsNote,
  TDbsTarget,
  TEvidenceRule,
  TIndeterminateReason,
  TMimic,
  TQuestion,
  TRedFlag,
} from '../content/schema';
import { evaluate, resolveAnswers, type TAnswers, withoutUnknown } from './answers';

/** One answer that moved a category, with the rule and its sources. */
export type TContribution = {
  rule: string;
  question: string;
  answer: string;
  points: number;
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
  sources: readonly string[];
};


export type TMissing = {
  /** The unanswered question (for neurophysiology not done: E0). */
  question: string;
  /** Questions whose answer would be obtained, when they differ from `question`. */
  via: string[];
  test: string;
  /** Outcomes an answer could lead to: a category, `indeterminate`, `mimic:<type>` or `red-flag:<id>`. */
  couldLeadTo: string[];
};

export type TDbs = {
  diagnosis: TDbsDiagnosis | null;
  targets: TDbsTarget[];
  refractory: boolean | null;
  /** Why the discussion is hidden although a diagnosis is established. */
  suppressedBy: 'mimic' | 'red_flags' | null;
  summary: string | null;
  evidenceLevel: string | null;
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
  missing: TMissing[];
  contentVersion: string;
  explanation: {
    gate: TFinding[];
    /** Every red-flag finding, also those a mimic sets aside (then `redFlags` is empty). */
    redFlags: TFinding[];
    indeterminate: TIndeterminateReason[];
    /** Under a red flag: the category the scores would otherwise give, shown as provisional. */
    provisionalCategory: TCategory | null;
    /** Questions that carried evidence, and whether neurophysiology was entered. */
    discriminatingAnswers: number;
    neurophysiology: boolean;
    /** Ids of the enabled questions, in order; the answers that counted. */
    enabledQuestions: string[];
    answers: TAnswers;
  };
};

const NEUROPHYSIOLOGY_SECTION = 'E';

type Scores = Record<TCategory, number>;

const zeroScores = (): Scores => ({
  cortical: 0,
  'cortical-subcortical': 0,
  'subcortical-nonsegmental': 0,
  segmental: 0,
  peripheral: 0,
});

/** Precomputed once per content bundle: questions by id, and the evidence rules each question drives. */
type Index = { questionsById: Map<string, TQuestion>; evidenceByQuestion: Map<string, TEvidenceRule[]> };
const indexCache = new WeakMap<TContent, Index>();
function indexOf(content: TContent): Index {
  let index = indexCache.get(content);
  if (!index) {
    const evidenceByQuestion = new Map<string, TEvidenceRule[]>();
    for (const rule of content.evidence) {
      // The content check guarantees each evidence rule reads exactly one question.
      const q = conditionQuestions(rule.when)[0] ?? '';
      evidenceByQuestion.set(q, [...(evidenceByQuestion.get(q) ?? []), rule]);
    }
    index = { questionsById: new Map(content.questions.map((q) => [q.id, q])), evidenceByQuestion };
    indexCache.set(content, index);
  }
  return index;
}

const answerText = (value: string | readonly string[]) => (typeof value === 'string' ? value : value.join(', '));

/** The part of the assessment that `missing` re-runs for each hypothetical answer. */
type Core = {
  mimicFindings: TFinding[];
  mimic: TMimic | null;
  redFlags: TRedFlag[];
  redFlagFindings: TFinding[];
  scores: Scores;
  fired: TEvidenceRule[];
  category: TCategory | 'indeterminate';
  candidates: TCategory[];
  reasons: TIndeterminateReason[];
  provisional: TCategory | null;
  discriminating: number;
  neurophysiology: boolean;
};

/** The evidence that fired and what it adds up to. */
type Tally = {
  scores: Scores;
  fired: TEvidenceRule[];
  discriminatingQuestions: Set<string>;
  neurophysiology: boolean;
};

function addRules(tally: Tally, question: string, rules: readonly TEvidenceRule[], answers: TAnswers, content: TContent): Tally {
  const firing = rules.filter((r) => evaluate(r.when, answers));
  if (firing.length === 0) return tally;
  const scores = { ...tally.scores };
  for (const rule of firing) {
    for (const [category, points] of Object.entries(rule.effects) as [TCategory, number][]) scores[category] += points;
  }
  const section = indexOf(content).questionsById.get(question)?.section;
  return {
    scores,
    fired: [...tally.fired, ...firing],
    discriminatingQuestions: new Set([...tally.discriminatingQuestions, question]),
    neurophysiology: tally.neurophysiology || section === NEUROPHYSIOLOGY_SECTION,
  };
}

function tallyOf(answers: TAnswers, content: TContent): Tally {
  let tally: Tally = { scores: zeroScores(), fired: [], discriminatingQuestions: new Set(), neurophysiology: false };
  for (const [question, rules] of indexOf(content).evidenceByQuestion) {
    if (answers[question] !== undefined) tally = addRules(tally, question, rules, answers, content);
  }
  // Keep the content's rule order, so traces read the same whatever the answer order.
  const order = new Map(content.evidence.map((r, i) => [r.id, i]));
  tally.fired.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return tally;
}

function core(answers: TAnswers, content: TContent): Core {
  return judge(answers, tallyOf(answers, content), content);
}

/** Mimics, red flags and the category decision (brief §1(b).4) over a tally of the evidence. */
function judge(answers: TAnswers, tally: Tally, content: TContent): Core {
  const mimicFindings: TFinding[] = content.mimics
    .filter((r) => evaluate(r.when, answers))
    .map((r) => ({ rule: r.id, raises: r.mimic, questions: conditionQuestions(r.when), why: r.why, nextStep: r.nextStep, sources: r.sources }));

  const flagRules = content.redFlags.filter((r) => evaluate(r.when, answers));
  const redFlags = [...new Set(flagRules.map((r) => r.flag))];
  const redFlagFindings = flagRules.map((r) => ({ rule: r.id, raises: r.flag, questions: conditionQuestions(r.when), why: r.why, sources: r.sources }));

  const { scores, fired, discriminatingQuestions, neurophysiology } = tally;
  const ranked = rank(scores);
  const [top, second] = ranked;
  const { minTopScore, minLead, minDiscriminatingAnswers } = content.thresholds;
  const definitive = new Set(fired.filter((r) => r.definitive).flatMap((r) => Object.keys(r.effects) as TCategory[]));

  const scoreReasons: TIndeterminateReason[] = [];
  if (top.score < minTopScore) scoreReasons.push('low_top_score');
  if (top.score - second.score < minLead) scoreReasons.push('narrow_lead');
  if (discriminatingQuestions.size < minDiscriminatingAnswers && !neurophysiology) scoreReasons.push('thin_evidence');
  if (definitive.size > 1) scoreReasons.push('conflicting_neurophysiology');
  const reasons: TIndeterminateReason[] = redFlags.length > 0 ? ['red_flags', ...scoreReasons] : scoreReasons;

  const category = reasons.length === 0 ? top.category : 'indeterminate';
  return {
    mimicFindings,
    mimic: (mimicFindings[0]?.raises as TMimic | undefined) ?? null,
    redFlags,
    redFlagFindings,
    scores,
    fired,
    category,
    candidates: candidatesOf(ranked, category, definitive, minLead, reasons),
    reasons,
    provisional: redFlags.length > 0 && scoreReasons.length === 0 ? top.category : null,
    discriminating: discriminatingQuestions.size,
    neurophysiology,
  };
}

/** Categories by score, best first; ties keep the fixed order of CATEGORIES, so the result is stable. */
function rank(scores: Scores): [{ category: TCategory; score: number }, { category: TCategory; score: number }, ...{ category: TCategory; score: number }[]] {
  const ranked = CATEGORIES.map((category) => ({ category, score: scores[category] })).sort((a, b) => b.score - a.score);
  return ranked as ReturnType<typeof rank>;
}

/**
 * Categories still compatible, best first. Determinate: the winner. Indeterminate: every positive
 * category within the lead threshold of the top and every category definitive neurophysiology
 * supports; when the evidence is too thin to rank at all, at least the best two that scored; with
 * nothing positive at all, all five stay open. Under a red flag alone, the provisional leader.
 */
function candidatesOf(
  ranked: ReturnType<typeof rank>,
  category: TCategory | 'indeterminate',
  definitive: Set<TCategory>,
  minLead: number,
  reasons: readonly TIndeterminateReason[],
): TCategory[] {
  if (category !== 'indeterminate') return [category];
  const top = ranked[0].score;
  if (top <= 0) return [...CATEGORIES];
  const positive = ranked.filter((r) => r.score > 0);
  const chosen = new Set<TCategory>(positive.filter((r) => top - r.score < minLead).map((r) => r.category));
  for (const c of definitive) chosen.add(c);
  const thin = reasons.includes('low_top_score') || reasons.includes('thin_evidence');
  for (const r of positive) {
    if (!thin || chosen.size >= 2) break;
    chosen.add(r.category);
  }
  return ranked.filter((r) => chosen.has(r.category)).map((r) => r.category);
}

function contributions(fired: readonly TEvidenceRule[], answers: TAnswers, category: TCategory) {
  const list: TContribution[] = [];
  for (const rule of fired) {
    const points = rule.effects[category];
    if (points === undefined) continue;
    const question = conditionQuestions(rule.when)[0] ?? '';
    const value = answers[question];
    // For a multi-select answer, the option this rule read; otherwise the answer itself.
    const option = 'op' in rule.when && rule.when.op === 'includes' ? rule.when.value : undefined;
    list.push({
      rule: rule.id,
      question,
      answer: option ?? (value === undefined ? '' : answerText(value)),
      points,
      why: rule.why,
      sources: rule.sources,
    });
  }
  return list;
}

function outcomeLabels(base: Core, next: Core): string[] {
  const labels: string[] = [];
  if (next.mimic !== null && next.mimic !== base.mimic) labels.push(`mimic:${next.mimic}`);
  for (const flag of next.redFlags) if (!base.redFlags.includes(flag)) labels.push(`red-flag:${flag}`);
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
 * E0 for E1–E4) was not answered "yes" are tried through that gateway.
 */
function findMissing(answers: TAnswers, enabled: readonly TQuestion[], base: Core, content: TContent): TMissing[] {
  const { evidenceByQuestion } = indexOf(content);
  const baseTally: Tally = { scores: base.scores, fired: base.fired, discriminatingQuestions: new Set(base.fired.map((r) => conditionQuestions(r.when)[0] ?? '')), neurophysiology: base.neurophysiology };
  const enabledIds = new Set(enabled.map((q) => q.id));
  const sectionOpen = new Set(enabled.map((q) => q.section));
  const found = new Map<string, { via: Set<string>; outcomes: Set<string>; order: number }>();

  content.questions.forEach((q, order) => {
    const current = answers[q.id];
    const unanswered = current === undefined || (typeof current === 'string' && q.notAssessed.includes(current));
    if (!unanswered) return;
    let gateway: { question: string; value: string } | null = null;
    if (!enabledIds.has(q.id)) {
      const when = q.enableWhen;
      if (!sectionOpen.has(q.section) || !when || !('question' in when) || when.op !== 'is') return;
      gateway = { question: when.question, value: when.value };
    }
    for (const option of q.options) {
      if (q.notAssessed.includes(option.id)) continue;
      const hypothetical: Record<string, string | readonly string[]> = { ...answers, [q.id]: q.kind === 'multi' ? [option.id] : option.id };
      if (gateway) hypothetical[gateway.question] = gateway.value;
      // Only this question's evidence changes: the unanswered question had none, and answering it
      // disables no answered question unless it raises a mimic, which outranks everything else.
      const mimic = content.mimics.find((r) => evaluate(r.when, hypothetical))?.mimic ?? null;
      const outcomes =
        mimic !== null && mimic !== base.mimic
          ? [`mimic:${mimic}`]
          : outcomeLabels(base, judge(hypothetical, addRules(baseTally, q.id, evidenceByQuestion.get(q.id) ?? [], hypothetical, content), content));
      if (outcomes.length === 0) continue;
      const key = gateway?.question ?? q.id;
      const entry = found.get(key) ?? { via: new Set<string>(), outcomes: new Set<string>(), order: gateway ? content.questions.findIndex((x) => x.id === key) : order };
      if (gateway) entry.via.add(q.id);
      for (const o of outcomes) entry.outcomes.add(o);
      found.set(key, entry);
    }
  });

  const { questionsById } = indexOf(content);
  return [...found.entries()]
    .map(([question, e]) => ({
      question,
      via: content.questions.filter((q) => e.via.has(q.id)).map((q) => q.id),
      test: questionsById.get(question)?.settledBy ?? '',
      couldLeadTo: [...e.outcomes].sort(),
      weight: weightOf([...e.outcomes]),
      order: e.order,
    }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map(({ question, via, test, couldLeadTo }) => ({ question, via, test, couldLeadTo }));
}

/** Safety findings (mimic, red flag) outrank changes of category; more possible outcomes rank higher. */
function weightOf(outcomes: string[]): number {
  const safety = outcomes.filter((o) => o.startsWith('mimic:') || o.startsWith('red-flag:')).length;
  return safety * 100 + outcomes.length;
}

function dbsOf(answers: TAnswers, gate: 'myoclonus' | 'mimic', redFlags: readonly TRedFlag[], enabledIds: Set<string>, content: TContent): TDbs {
  const route = content.dbs.find((r) => evaluate(r.when, answers));
  const d2 = answers['D2'];
  const refractory = !enabledIds.has('D2') || d2 === undefined ? null : d2 === 'yes';
  const suppressedBy = gate === 'mimic' ? 'mimic' : redFlags.length > 0 ? 'red_flags' : null;
  if (!route || suppressedBy) {
    return { diagnosis: route?.diagnosis ?? null, targets: [], refractory, suppressedBy: route ? suppressedBy : null, summary: null, evidenceLevel: null, notes: [] };
  }
  return {
    diagnosis: route.diagnosis,
    targets: [...route.targets],
    refractory,
    suppressedBy: null,
    summary: route.summary,
    evidenceLevel: route.evidenceLevel,
    notes: route.notes
      .filter((n) => !n.when || evaluate(n.when, answers))
      .map(({ id, kind, text, sources }) => ({ id, kind, text, sources })),
  };
}

/** The assessment of a set of answers. Answers of disabled questions are dropped first. */
export function assess(rawAnswers: TAnswers, content: TContent): TAssessment {
  const resolved = resolveAnswers(rawAnswers, content);
  const enabled = resolved.enabled;
  const answers = withoutUnknown(resolved.answers);
  const base = core(answers, content);
  const gate = base.mimic ? 'mimic' : 'myoclonus';
  const enabledIds = new Set(enabled.map((q) => q.id));

  const ranking: TRankEntry[] = rank(base.scores).map(({ category, score }) => {
    const all = contributions(base.fired, answers, category);
    return { category, score, for: all.filter((c) => c.points > 0), against: all.filter((c) => c.points < 0) };
  });

  return {
    gate,
    mimic: base.mimic,
    // A mimic takes precedence over red flags (question bank contract); the trace keeps them.
    redFlags: gate === 'mimic' ? [] : base.redFlags,
    category: gate === 'mimic' ? null : base.category,
    candidates: gate === 'mimic' ? [] : base.candidates,
    ranking,
    dbs: dbsOf(answers, gate, base.redFlags, enabledIds, content),
    missing: gate === 'mimic' ? [] : findMissing(answers, enabled, base, content),
    contentVersion: content.version,
    explanation: {
      gate: base.mimicFindings,
      redFlags: base.redFlagFindings,
      indeterminate: gate === 'mimic' ? [] : base.reasons,
      provisionalCategory: gate === 'mimic' ? null : base.provisional,
      discriminatingAnswers: base.discriminating,
      neurophysiology: base.neurophysiology,
      enabledQuestions: enabled.map((q) => q.id),
      answers,
    },
  };
}
