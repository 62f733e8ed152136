/**
 * A clinician who knows only what an answer file says (omitted = unknown) walks the questionnaire in
 * its order, taking "Skip the rest of this section" whenever the file has nothing more for the
 * section, and "Go to the summary" whenever the result is settled. The walk drives the flow machine
 * itself, so each shortcut is offered exactly where the app offers it (`snapshot.can`). Used by the
 * bench (page ratio) and by the unit test that the shortcuts never change the result.
 */
import { createActor } from 'xstate';
import type { TContent } from '../../content/schema';
import { UNKNOWN } from '../../content/ids';
import { resolveAnswers, type TAnswers, withoutUnknown } from '../../machines/answers/answers';
import { assess, type TAssessment } from '../../machines/assessment/assess';
import { canGoToSummary } from '../../machines/assessment/settled';
import { questionnaireMachine } from '../../machines/flow/questionnaire.machine';
import { restOfSection } from '../../machines/flow/shortcuts';

export type TWalk = { pages: number; enabled: number; shortcut: 'summary' | null; answers: TAnswers; answered: Set<string> };

export function walk(file: TAnswers, content: TContent, options: { summary?: boolean } = {}): TWalk {
  // "Go to the summary" is offered once the proof is loaded, as the question pages load it.
  const settledCheck = options.summary === false ? undefined : (answers: TAnswers) => canGoToSummary(answers, content);
  const flow = createActor(questionnaireMachine, { input: { content, settledCheck } }).start();
  flow.send({ type: 'session.start', attested: true });
  const answered = new Set<string>();
  let pages = 0;
  let shortcut: TWalk['shortcut'] = null;
  while (flow.getSnapshot().matches('question')) {
    const snapshot = flow.getSnapshot();
    const question = snapshot.context.question!;
    pages += 1;
    // "Skip the rest of this section", where the flow offers it, when the file has nothing for it.
    const rest = restOfSection(snapshot.context.answers, question, content);
    if (snapshot.can({ type: 'section.skip', question }) && rest.every((id) => file[id] === undefined)) {
      rest.forEach((id) => answered.add(id));
      flow.send({ type: 'section.skip', question });
      continue;
    }
    // The machine's form: a question answered from the file, or "Unknown / not assessed".
    const value = file[question] ?? UNKNOWN;
    answered.add(question);
    // "Go to the summary": the flow's own door, with the answer on the page.
    if (snapshot.can({ type: 'summary.jump', question, value })) {
      flow.send({ type: 'summary.jump', question, value });
      shortcut = 'summary';
      break;
    }
    flow.send({ type: 'answer.submit', question, value });
  }
  const enabled = resolveAnswers(file, content).enabled.length;
  return { pages, enabled, shortcut, answers: withoutUnknown(flow.getSnapshot().context.answers), answered };
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
