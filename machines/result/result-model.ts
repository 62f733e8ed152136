/**
 * The result model: what a reader sees of one assessment, decided once. The result page, the PDF
 * recap and print render only this; none of them decides a clinical thing. Pure: the assessment and
 * the content in, words and numbers out, in display order.
 */
import { CATEGORIES, UNKNOWN } from '../../content/ids';
import { dbsScope, pointsLegendText, signedPoints } from '../../content/presentation';
import { categoryReasons } from '../../content/reasons';
import { changeText, dbsText, evidenceText, findingsText, resultHeadings, statusText } from '../../content/result-text';
import type { TCategory, TContent, TDbsNote, TQuestion, TSource } from '../../content/schema';
import { answerLabels } from '../answers/vocabulary';
import type { TAssessment, TContribution, TFinding } from '../assessment/assess';
import type { TFlaggingQuestion } from './unanswered';

export type { TFlaggingQuestion };

/**
 * `category`: one category leads. `indeterminate`: the answers do not separate the categories.
 * `provisional`: red flags stand, so any category is provisional. `mimic`: not myoclonus.
 */
export type TResultStatus = 'category' | 'indeterminate' | 'provisional' | 'mimic';

/** One answer that moved a category, in words, with the reason written for that category. */
export type TReason = {
  rule: string;
  prompt: string;
  answer: string;
  points: number;
  /** "+2", "−1"; for an answer counted once with another of its pattern: "0". */
  pointsText: string;
  /** Set when the answer belongs to a pattern already counted: which answer counted. */
  countedWith: string | null;
  why: string;
  cites: string;
};

export type TCategoryEvidence = {
  category: TCategory;
  name: string;
  score: number;
  scoreText: string;
  leading: boolean;
  /** Still compatible with the answers (the candidates). */
  compatible: boolean;
  reasons: TReason[];
};

/** How a bar is drawn: the decided leader, a leader that is only provisional, still compatible, or not. */
export type TBarEmphasis = 'leading' | 'provisional' | 'compatible' | 'other';

export type TScores = {
  rows: { category: TCategory; name: string; score: number; scoreText: string; leading: boolean; compatible: boolean; emphasis: TBarEmphasis }[];
  /** The score a category must reach to lead (drawn as a line). */
  threshold: number;
  /** The picture's text alternative: the same numbers in a sentence. */
  summary: string;
  /** What the picture shows, and the rule a score must meet, in words (its caption). */
  caption: string;
  legend: string;
};

export type TFindingText = {
  rule: string;
  label: string;
  why: string;
  nextStep: string | null;
  /** Reassurance set aside: why, one phrase per precondition not met. */
  withheld: string[];
  cites: string;
};

export type TDbsField = { label: string; value: string };
export type TDbsNoteText = { id: string; kind: TDbsNote['kind']; label: string; text: string; cites: string };

export type TDbsPanel =
  | { kind: 'hidden' }
  | { kind: 'not-covered'; title: string; text: string }
  | {
      kind: 'blocked';
      title: string;
      intro: string;
      reasons: string[];
      /** Findings left unknown that could contradict the diagnosis (their questions' prompts). */
      unknownFindings: { question: string; prompt: string }[];
      /** Set while refractoriness is not established: the question that records it. */
      ask: { question: string; prompt: string } | null;
    }
  | {
      kind: 'discussed';
      title: string;
      disclaimer: string;
      summary: string;
      summaryCites: string;
      fields: TDbsField[];
      /** "Target discussed" or "Targets discussed"; each target with its level of evidence. */
      targetsLabel: string;
      targets: { name: string; evidence: string }[];
      /** About the targets themselves: shown beside them, never folded away. */
      targetCaveats: TDbsNoteText[];
      firstLine: TDbsNoteText[];
      evidence: TDbsNoteText[];
      caveats: TDbsNoteText[];
      /** Where the seed article is wrong: kept apart from the evidence. */
      corrections: TDbsNoteText[];
    };

export type TMissingText = {
  question: string;
  prompt: string;
  first: string | null;
  /** How many questions its answer opens, in a sentence ("Its answer opens 4 more questions."), or null. */
  opens: string | null;
  test: string;
  /** What an answer could change, in one sentence ("An answer could leave the category undecided."). */
  change: string;
};

export type TResultModel = {
  status: TResultStatus;
  /** The answer in one line: the same words on the page, in the PDF and in print. */
  headline: string;
  /** One line under the headline. */
  statusLine: string;
  /** Extra lines of the status: why indeterminate, what neurophysiology decided. */
  details: string[];
  /** The disclaimer under the result, naming the page it sits on ("This assessment …"). */
  disclaimer: string;
  /** The same disclaimer as the PDF recap says it ("This recap …"). */
  recapDisclaimer: string;
  /** Shown first whenever present, with or without a mimic. */
  redFlags: { title: string; intro: string; /** Each flag once, in order. */ labels: string[]; items: TFindingText[] } | null;
  /** Under a mimic: what the safety screen says (red flags raised, answered with none, not completed). */
  mimic: { title: string; intro: string; safetyScreen: string; items: TFindingText[] } | null;
  /** Reassuring mimics not concluded because red flags or other concerns stand: the cautious next step. */
  setAside: { title: string; items: TFindingText[] } | null;
  warnings: { title: string; why: string; reconcile: string; cites: string }[];
  /** Null under a mimic: no category picture is shown. */
  scores: TScores | null;
  /** Every category, best first; empty under a mimic. */
  evidence: TCategoryEvidence[];
  /**
   * The leader's strongest reasons, shown unfolded, under `title`: "Why Cortical leads" when they are
   * all its reasons, "Why Cortical leads: the 3 strongest reasons" when they are not (`more` then says
   * where the others are).
   */
  topReasons: { category: string; title: string; more: string | null; reasons: TReason[] } | null;
  missing: { title: string; intro: string; items: TMissingText[] } | null;
  dbs: TDbsPanel;
  answers: { section: string; rows: { question: string; prompt: string; answers: string[] }[] }[];
  sources: TSource[];
  contentVersion: string;
};

/** How many of the leader's reasons stay unfolded. */
export const TOP_REASONS = 3;

const NOTE_LABEL: Record<TDbsNote['kind'], string> = dbsText.noteLabels;

function optionLabel(q: TQuestion | undefined, id: string): string {
  return q?.options.find((o) => o.id === id)?.label ?? id;
}

/** A question's answer as given: an option, "Unknown / not assessed" when chosen, or none. */
const given = (a: TAssessment, id: string) => a.explanation.answers[id] ?? (a.explanation.answeredUnknown.includes(id) ? UNKNOWN : undefined);

/** The result model of one assessment. */
export function resultModel(a: TAssessment, content: TContent): TResultModel {
  const questions = new Map(content.questions.map((q) => [q.id, q]));
  const sourcesById = new Map(content.sources.map((s) => [s.id, s]));
  const prompt = (id: string) => questions.get(id)?.prompt ?? id;
  const name = (c: TCategory) => content.labels.categories[c].name;
  const cited = new Set<string>();
  const cite = (ids: readonly string[]) => {
    ids.forEach((id) => cited.add(id));
    return ids.map((id) => sourcesById.get(id)?.short ?? id).join('; ');
  };
  const names = (cs: readonly TCategory[]) => cs.map(name).join(', ');
  /** "Prompt: option" of a one-answer rule (the answer a pattern counted), else the rule id. */
  const ruleAnswer = (id: string) => {
    const when = content.evidence.find((r) => r.id === id)?.when;
    if (!when || !('question' in when) || typeof when.value !== 'string') return id;
    return `${prompt(when.question)} ${optionLabel(questions.get(when.question), when.value)}`;
  };

  // ── Status and headline ──
  const mimic = a.gate === 'mimic' ? a.mimic : null;
  const provisionalFor = a.explanation.provisionalCategory;
  const status: TResultStatus =
    mimic !== null ? 'mimic' : a.redFlags.length > 0 ? 'provisional' : a.category !== null && a.category !== 'indeterminate' ? 'category' : 'indeterminate';
  const leader = status === 'category' && a.category !== 'indeterminate' && a.category !== null ? a.category : null;

  let headline: string;
  let statusLine: string;
  const details: string[] = [];
  switch (status) {
    case 'mimic':
      headline = statusText.mimicHeadline(content.labels.mimics[mimic!]);
      statusLine = content.labels.safetyScreen[a.explanation.safetyScreen];
      break;
    case 'provisional':
      headline = statusText.provisionalHeadline;
      statusLine = provisionalFor
        ? statusText.provisionalFor(name(provisionalFor))
        : statusText.compatible(names(a.candidates));
      details.push(...a.explanation.indeterminate.map((r) => content.labels.indeterminateReasons[r]));
      break;
    case 'indeterminate':
      // One category left open is not "not separated": it leads, but the evidence does not decide it.
      headline = a.candidates.length === 1 ? statusText.undecidedHeadline : statusText.notSeparatedHeadline;
      statusLine = a.candidates.length === 1 ? statusText.leadingUndecided(name(a.candidates[0]!)) : statusText.compatible(names(a.candidates));
      details.push(...a.explanation.indeterminate.map((r) => content.labels.indeterminateReasons[r]));
      break;
    case 'category':
      headline = statusText.categoryHeadline(name(leader!));
      statusLine = statusText.generator(content.labels.categories[leader!].generator);
      if (a.explanation.decidedByNeurophysiology === leader)
        details.push(statusText.decidedByNeurophysiology);
      break;
  }

  // ── Safety first: red flags, the mimic, conflicting answers ──
  const findingText = (f: TFinding, label: string): TFindingText => ({
    rule: f.rule,
    label,
    why: f.why,
    // The assessment already chose the cautious next step where red flags or deficits stand.
    nextStep: f.nextStep ?? null,
    withheld: (f.withheld ?? []).map((b) => content.labels.reassuranceBlocks[b]),
    cites: cite(f.sources),
  });
  const redFlags =
    a.redFlags.length === 0
      ? null
      : {
          title: findingsText.redFlagsTitle,
          intro: content.disclaimers.redFlags,
          labels: a.redFlags.map((f) => content.labels.redFlags[f]),
          items: a.explanation.redFlags.map((f) => findingText(f, content.labels.redFlags[f.raises as keyof typeof content.labels.redFlags])),
        };
  const mimicPanel =
    mimic === null
      ? null
      : {
          title: findingsText.mimicTitle(content.labels.mimics[mimic]),
          intro: findingsText.mimicIntro,
          safetyScreen: content.labels.safetyScreen[a.explanation.safetyScreen],
          items: a.explanation.gate.map((f) => findingText(f, f.questions.map(prompt).join('; '))),
        };
  const setAside =
    a.explanation.mimicsSetAside.length === 0
      ? null
      : {
          title: a.explanation.mimicsSetAside.every((f) => f.raises === 'physiological')
            ? findingsText.reassuranceWithheld
            : findingsText.mimicSetAside,
          items: a.explanation.mimicsSetAside.map((f) => findingText(f, content.labels.mimics[f.raises as keyof typeof content.labels.mimics])),
        };
  const warnings = a.warnings.map((w) => ({ title: content.labels.warnings[w.id], why: w.why, reconcile: w.reconcile, cites: cite(w.sources) }));

  // ── Scores and evidence (never under a mimic) ──
  const shown = status !== 'mimic';
  const leading = (c: TCategory) => (leader !== null ? c === leader : status === 'provisional' && provisionalFor !== null ? c === provisionalFor : false);
  const reasonOf = (c: TContribution, category: TCategory): TReason => ({
    rule: c.rule,
    prompt: prompt(c.question),
    answer: c.questions.length > 1 ? c.questions.map((q) => answerLabels(questions.get(q), given(a, q)).join('; ')).join('; ') : optionLabel(questions.get(c.question), c.answer),
    points: c.points,
    pointsText: signedPoints(c.points),
    countedWith: c.countedWith ? ruleAnswer(c.countedWith) : null,
    why: categoryReasons[c.rule]?.[category] ?? c.why,
    cites: cite(c.sources),
  });
  // Strongest first; answers counted with another of their pattern last.
  const byWeight = (x: TReason, y: TReason) => Math.abs(y.points) - Math.abs(x.points) || Number(x.countedWith !== null) - Number(y.countedWith !== null);
  const evidence: TCategoryEvidence[] = shown
    ? a.ranking.map((r) => ({
        category: r.category,
        name: name(r.category),
        score: r.score,
        scoreText: signedPoints(r.score),
        leading: leading(r.category),
        compatible: a.candidates.includes(r.category),
        reasons: [...r.for.map((c) => reasonOf(c, r.category)).sort(byWeight), ...r.against.map((c) => reasonOf(c, r.category)).sort(byWeight)],
      }))
    : [];
  const emphasis = (l: boolean, compatible: boolean): TBarEmphasis => (l ? (status === 'category' ? 'leading' : 'provisional') : compatible ? 'compatible' : 'other');
  const scoreRows = evidence.map(({ category, name: n, score, scoreText, leading: l, compatible }) => ({
    category,
    name: n,
    score,
    scoreText,
    leading: l,
    compatible,
    emphasis: emphasis(l, compatible),
  }));
  const { minTopScore, minLead } = content.thresholds;
  const rule = evidenceText.rule(minTopScore, minLead);
  const scores: TScores | null = shown
    ? {
        rows: scoreRows,
        threshold: minTopScore,
        summary: evidenceText.scoresSummary(scoreRows.map((r) => `${r.name} ${r.scoreText}`).join(', '), rule),
        caption: evidenceText.scoresCaption(rule, minTopScore),
        legend: pointsLegendText(),
      }
    : null;
  const top = evidence.find((e) => e.leading) ?? null;
  const topReasons = top ? strongestReasons(top) : null;

  // ── What would change this ──
  const missing =
    a.missing.length === 0
      ? null
      : {
          title: evidenceText.missingTitle,
          intro: evidenceText.missingIntro,
          items: a.missing.map((m) => ({
            question: m.question,
            prompt: prompt(m.question),
            first: m.first ?? null,
            opens: m.via.length === 0 ? null : evidenceText.opens(m.via.length),
            test: m.test,
            change: changeSentence(m.couldLeadTo, status, content),
          })),
        };

  // ── Deep brain stimulation ──
  const dbs = dbsPanel(a, content, cite);

  // ── Appendix: every question asked, with its answer ──
  const answers = content.sections
    .map((section) => ({
      section: section.title,
      rows: a.explanation.enabledQuestions
        .filter((id) => questions.get(id)?.section === section.id)
        .map((id) => ({ question: id, prompt: prompt(id), answers: answerLabels(questions.get(id), given(a, id)) })),
    }))
    .filter((s) => s.rows.length > 0);

  return {
    status,
    headline,
    statusLine,
    details,
    disclaimer: naming('This assessment', content),
    recapDisclaimer: naming('This recap', content),
    redFlags,
    mimic: mimicPanel,
    setAside,
    warnings,
    scores,
    evidence,
    topReasons,
    missing,
    dbs,
    answers,
    // Cited in the order of the sources registry: what the page and the PDF both list.
    sources: content.sources.filter((s) => cited.has(s.id)),
    contentVersion: a.contentVersion,
  };
}

/**
 * The disclaimer shown before the assessment ("The assessment maps your answers…"), naming the page
 * it sits on instead.
 */
function naming(page: string, content: TContent): string {
  return content.disclaimers.beforeResults.replace(/^The assessment\b/, page);
}

/** The leader's strongest reasons for it, titled to say whether they are all of them. */
function strongestReasons(top: TCategoryEvidence): NonNullable<TResultModel['topReasons']> {
  const all = top.reasons.filter((r) => r.points > 0);
  const reasons = all.slice(0, TOP_REASONS);
  const every = reasons.length === all.length;
  return {
    category: top.name,
    title: every ? evidenceText.whyLeads(top.name) : evidenceText.whyLeadsStrongest(top.name, reasons.length),
    more: every ? null : evidenceText.allReasons(top.reasons.length, resultHeadings.ranking),
    reasons,
  };
}

const joinOr = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${changeText.or} ${items.at(-1)}`);

/**
 * What an answer to an open question could change (the assessment's `couldLeadTo` codes), in one
 * sentence: red flags first, then a mimic, a category, the category left or made undecided, a
 * conflict with the diagnosis.
 */
export function changeSentence(codes: readonly string[], status: TResultStatus, content: TContent): string {
  const of = (kind: string) => codes.filter((c) => c.startsWith(`${kind}:`)).map((c) => c.slice(kind.length + 1));
  const flags = of('red-flag').map((f) => content.labels.redFlags[f as keyof TContent['labels']['redFlags']] ?? f);
  const mimics = of('mimic').map((m) => content.labels.mimics[m as keyof TContent['labels']['mimics']] ?? m);
  const categories = codes.filter(isCategory).map((c) => content.labels.categories[c].name);
  const undecided = of('indeterminate').length > 0;
  const warnings = of('warning').map((w) => content.labels.warnings[w as keyof TContent['labels']['warnings']] ?? w);
  const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
  const parts = [
    flags.length === 0 ? '' : changeText.flags(flags.map(lower)),
    mimics.length === 0 ? '' : changeText.mimics(mimics.map(lower)),
    categories.length === 0 ? '' : changeText.category(joinOr(categories)),
    !undecided ? '' : changeText.undecided(status === 'category'),
    warnings.length === 0 ? '' : changeText.warnings(lower(warnings.join('; '))),
  ].filter(Boolean);
  return parts.length === 0 ? changeText.unspecified : changeText.sentence(joinOr(parts));
}

function dbsPanel(a: TAssessment, content: TContent, cite: (ids: readonly string[]) => string): TDbsPanel {
  const { dbs } = a;
  const route = content.dbs.find((r) => r.diagnosis === dbs.diagnosis);
  const prompt = (id: string) => content.questions.find((q) => q.id === id)?.prompt ?? id;
  if (dbs.blockedBy.length > 0) {
    const refractory = content.roles.refractoryQuestion;
    return {
      kind: 'blocked',
      title: dbsText.title,
      intro: dbsText.blockedIntro(route?.label ?? null),
      reasons: dbs.blockedBy.map((b) => content.labels.dbsBlocks[b]),
      unknownFindings: a.explanation.findingsLeftUnknown.map((id) => ({ question: id, prompt: prompt(id) })),
      ask: dbs.blockedBy.includes('refractoriness_not_established') && a.explanation.enabledQuestions.includes(refractory) ? { question: refractory, prompt: prompt(refractory) } : null,
    };
  }
  if (a.gate === 'mimic') return { kind: 'hidden' };
  if (!route || dbs.targets.length === 0)
    return { kind: 'not-covered', title: dbsText.title, text: dbsText.notCovered(dbsScope(content)) };
  const note = (n: TAssessment['dbs']['notes'][number]): TDbsNoteText => ({ id: n.id, kind: n.kind, label: NOTE_LABEL[n.kind], text: n.text, cites: cite(n.sources) });
  const of = (kind: TDbsNote['kind']) => dbs.notes.filter((n) => n.kind === kind).map(note);
  return {
    kind: 'discussed',
    title: dbsText.discussedTitle,
    disclaimer: content.disclaimers.dbs,
    summary: dbs.summary ?? route.summary,
    summaryCites: cite(route.sources),
    fields: [
      { label: dbsText.diagnosis, value: route.label },
      { label: dbsText.refractory, value: dbsText.refractoryValue(dbs.refractory) },
    ],
    targetsLabel: dbsText.targets(dbs.targets.length),
    targets: dbs.targets.map((t) => ({ name: content.labels.targets[t], evidence: route.targetEvidence[t] ?? route.evidenceLevel })),
    targetCaveats: of('target-caveat'),
    firstLine: of('first-line'),
    evidence: of('evidence'),
    caveats: of('caveat'),
    corrections: of('source-correction'),
  };
}

const isCategory = (code: string): code is TCategory => (CATEGORIES as readonly string[]).includes(code);
