/**
 * The assessment: one pure, deterministic function from answers and content to the question bank's
 * assessment object, with the trace that explains it. No clock, no randomness, no I/O.
 *
 * This file is the assessment's public face; the work is done in small files beside it:
 *  - types.ts         what `assess` returns, and each part of its trace
 *  - rule-index.ts    what is worked out once per content bundle and once per condition
 *  - tally.ts         the evidence summed, what definitive neurophysiology decides, the ranking
 *  - core.ts          gate, red flags, warnings, category or indeterminate: what `missing` re-runs
 *  - trace.ts         the findings and the answers for and against each category
 *  - missing.ts       what would change this
 *  - dbs.ts           the DBS panel
 *  - doors.ts         the safety doors (content/doors.ts) evaluated, and the safety screen
 *  - score-bounds.ts  sound score bounds while questions are open
 *  - settled.ts       the proof that no open answer can change the result ("Go to the summary")
 */
import type { TContent, TRedFlag } from '../../content/schema';
import { answerKind, evaluate, resolveAnswers, type TAnswers, withoutUnknown } from '../answers/answers';
import { coreOf, verdictFrom } from './core';
import { dbsOf } from './dbs';
import { openIn, safetyScreenOf } from './doors';
import { missingOf } from './missing';
import { findingsOf, rankingOf } from './trace';
import type { TAssessment } from './types';

export type { TAssessment, TContribution, TDbs, TFinding, TMissing, TRankEntry, TVerdict, TWarning } from './types';
export { verdictOf } from './core';
export { dbsOpens } from './dbs';

/** The assessment of a set of answers. Answers of disabled questions are dropped first. */
export function assess(rawAnswers: TAnswers, content: TContent): TAssessment {
  const resolved = resolveAnswers(rawAnswers, content);
  const enabled = resolved.enabled;
  const answers = withoutUnknown(resolved.answers);
  const base = coreOf(answers, content);
  const findings = findingsOf(base);
  const { gate, category, provisionalCategory } = verdictFrom(base);
  const enabledIds = new Set(enabled.map((q) => q.id));
  // The questions still open (unanswered or unknown), worked out once, when a door check asks.
  let open: Set<string> | null = null;
  const openNow = () => (open ??= openIn(answers, content));
  const { dbs, findingsLeftUnknown } = dbsOf(answers, base, enabledIds, content, openNow);

  return {
    gate,
    mimic: base.mimic,
    // A mimic takes precedence over categories, never over red flags (contract 1.1).
    redFlags: base.redFlags,
    category,
    candidates: gate === 'mimic' ? [] : base.candidates,
    ranking: rankingOf(base, answers),
    dbs,
    warnings: findings.warnings,
    missing: missingOf(answers, enabled, base, content),
    contentVersion: content.version,
    explanation: {
      gate: findings.gate,
      mimicsSetAside: findings.mimicsSetAside,
      redFlags: findings.redFlags,
      safetyScreen: safetyScreenOf(answers, base.redFlags, content, openNow),
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
