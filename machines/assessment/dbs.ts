/**
 * The DBS panel: the route of the established diagnosis (D1), never the computed category, with its
 * targets and notes only when the DBS door opens (content/doors.ts); else every reason it is
 * withheld.
 */
import type { TContent, TDoorCheck } from '../../content/schema';
import { evaluate, resolveAnswers, type TAnswers, withoutUnknown } from '../answers/answers';
import { type Core, coreOf } from './core';
import { findingsThatCouldContradict, flagsDetermined, openIn, unmet } from './doors';
import type { TDbs } from './types';

/**
 * The DBS discussion follows the established diagnosis D1 only, never the category. Its targets are
 * listed only when the DBS door opens (content/doors.ts): every precondition affirmatively met. Else
 * `blockedBy` names each one that is not, and `findingsLeftUnknown` the questions behind
 * `findings_incomplete`.
 */
export function dbsOf(
  answers: TAnswers,
  base: Pick<Core, 'mimic' | 'redFlags' | 'warningRules'>,
  enabledIds: Set<string>,
  content: TContent,
  openNow?: () => Set<string>,
): { dbs: TDbs; findingsLeftUnknown: string[] } {
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
