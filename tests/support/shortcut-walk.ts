/**
 * A clinician who knows only what an answer file says (omitted = unknown) walks the questionnaire in
 * its order, taking "Skip the rest of this section" whenever the file has nothing more for the
 * section, and "Go to the summary" whenever the result is settled. Used by the bench (page ratio)
 * and by the unit test that the shortcuts never change the result.
 */
import type { TContent } from '../../content/schema';
import { UNKNOWN } from '../../content/ids';
import { resolveAnswers, type TAnswers, type TAnswerValue, withoutUnknown } from '../../machines/answers/answers';
import { assess, type TAssessment } from '../../machines/assessment/assess';
import { canGoToSummary } from '../../machines/assessment/settled';

export type TWalk = { pages: number; enabled: number; shortcut: 'summary' | null; answers: TAnswers; answered: Set<string> };

export function walk(file: TAnswers, content: TContent, options: { summary?: boolean } = {}): TWalk {
  // The machine's form: a question answered from the file, or "Unknown / not assessed".
  const answers: Record<string, TAnswerValue> = {};
  const answered = new Set<string>();
  const gate = content.sections[0]?.id;
  const unskippable = new Set([gate, ...content.sections.filter((s) => s.role === 'safety-screen').map((s) => s.id)]);
  let pages = 0;
  let shortcut: TWalk['shortcut'] = null;
  for (;;) {
    const enabled = resolveAnswers(answers, content).enabled;
    const current = enabled.find((q) => !answered.has(q.id));
    if (!current) break;
    pages += 1;
    const rest = enabled.filter((q) => q.section === current.section && !answered.has(q.id));
    // "Skip the rest of this section", never in the gate nor on the safety screen.
    if (!unskippable.has(current.section) && rest.every((q) => file[q.id] === undefined)) {
      for (const q of rest) {
        answered.add(q.id);
        answers[q.id] = UNKNOWN;
      }
      continue;
    }
    answers[current.id] = file[current.id] ?? UNKNOWN;
    answered.add(current.id);
    // "Go to the summary": the flow's own door.
    if (options.summary !== false && canGoToSummary(answers, content)) {
      shortcut = 'summary';
      break;
    }
  }
  const enabled = resolveAnswers(file, content).enabled.length;
  return { pages, enabled, shortcut, answers: withoutUnknown(answers), answered };
}

/** What the result page shows, for comparing a shortcut walk with the whole file. */
export function shown(a: TAssessment) {
  return {
    gate: a.gate,
    mimic: a.mimic,
    redFlags: a.redFlags,
    redFlagFindings: a.explanation.redFlags.map((f) => f.rule),
    gateSteps: a.explanation.gate.map((f) => f.nextStep),
    category: a.category,
    candidates: a.candidates,
    provisional: a.explanation.provisionalCategory,
    dbs: { diagnosis: a.dbs.diagnosis, targets: a.dbs.targets, blockedBy: a.dbs.blockedBy, notes: a.dbs.notes.map((n) => n.id) },
    warnings: a.warnings.map((w) => w.rule),
  };
}

export const assessShown = (answers: TAnswers, content: TContent) => shown(assess(answers, content));
