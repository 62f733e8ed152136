/**
 * A clinician who knows only what an answer file says (omitted = unknown) walks the questionnaire in
 * its order, taking "Skip the rest of this section" whenever the file has nothing more for the
 * section, and "Go to the summary" whenever the result is settled. Used by the bench (page ratio)
 * and by the unit test that the shortcuts never change the result.
 */
import type { TContent } from '../../content/schema';
import { resolveAnswers, type TAnswers, type TAnswerValue } from '../../machines/answers';
import { assess, type TAssessment } from '../../machines/assess';
import { isSettled } from '../../machines/settled';

export type TWalk = { pages: number; enabled: number; shortcut: 'summary' | null; answers: TAnswers; answered: Set<string> };

export function walk(file: TAnswers, content: TContent, options: { summary?: boolean } = {}): TWalk {
  const answers: Record<string, TAnswerValue> = {};
  const answered = new Set<string>();
  const gate = content.sections[0]?.id;
  let pages = 0;
  let shortcut: TWalk['shortcut'] = null;
  for (;;) {
    const enabled = resolveAnswers(answers, content).enabled;
    const current = enabled.find((q) => !answered.has(q.id));
    if (!current) break;
    pages += 1;
    const rest = enabled.filter((q) => q.section === current.section && !answered.has(q.id));
    if (current.section !== gate && rest.every((q) => file[q.id] === undefined)) {
      for (const q of rest) answered.add(q.id); // "Skip the rest of this section": all unknown
      continue;
    }
    const value = file[current.id];
    if (value !== undefined) answers[current.id] = value;
    answered.add(current.id);
    if (options.summary !== false && current.section !== gate && isSettled(answers, answered, content).settled) {
      shortcut = 'summary';
      break;
    }
  }
  const enabled = resolveAnswers(file, content).enabled.length;
  return { pages, enabled, shortcut, answers, answered };
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
