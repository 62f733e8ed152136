import fc from 'fast-check';
import { createActor, getNextSnapshot, initialTransition, type SnapshotFrom } from 'xstate';
import { describe, expect, test } from 'vitest';
import { content, type TQuestion, UNKNOWN } from '../../content/index';
import { enabledQuestions, resolveAnswers, type TAnswers, type TAnswerValue } from '../answers/answers';
import {
  questionnaireMachine,
  selectBackTarget,
  selectChange,
  selectChanging,
  selectGateClosed,
  selectInGate,
  selectPosition,
  selectPositionAfter,
  type TFlowEvent,
  type TPosition,
} from './questionnaire.machine';

type TSnapshot = SnapshotFrom<typeof questionnaireMachine>;

const enabledIds = (answers: TAnswers) => enabledQuestions(answers, content).map((q) => q.id);
const questionIds = content.questions.map((q) => q.id);

function started() {
  const actor = createActor(questionnaireMachine, { input: { content } }).start();
  actor.send({ type: 'session.start', attested: true });
  return actor;
}
type TActor = ReturnType<typeof started>;

/** Answer every question asked, from `answers` or "unknown", until the flow leaves the questions. */
function answerUntilSummary(actor: TActor, answers: TAnswers): string[] {
  const asked: string[] = [];
  while (actor.getSnapshot().matches('question')) {
    const question = actor.getSnapshot().context.question!;
    if (asked.length > questionIds.length) throw new Error(`no end to the questions: ${asked.join(', ')}`);
    asked.push(question);
    actor.send({ type: 'answer.submit', question, value: answers[question] ?? UNKNOWN });
  }
  return asked;
}

function atSummary(answers: TAnswers): TActor {
  const actor = started();
  answerUntilSummary(actor, answers);
  expect(actor.getSnapshot().value).toBe('summary');
  return actor;
}

const jerks: TAnswers = { G1: 'positive_jerks', G2: 'no', G3: 'absent' };
const pme: TAnswers = { ...jerks, D1: 'PME', D1a: 'ULD', D2: 'yes', E0: 'no' };
// Content 1.1 order: gate, safety screen (C), diagnoses (D), neurophysiology (E), then the bedside picture (B, A).
const G = ['G1', 'G2', 'G3'];
const C = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'];
const B_A = ['B6', 'B1', 'B2', 'B3', 'B4', 'B5', 'B7', 'A1', 'A2', 'A3'];

describe('starting', () => {
  test('without the attestation the flow stays on the start page', () => {
    const actor = createActor(questionnaireMachine, { input: { content } }).start();
    actor.send({ type: 'session.start', attested: false });
    expect(actor.getSnapshot().value).toBe('start');
  });

  test('with the attestation the first question is G1', () => {
    const snapshot = started().getSnapshot();
    expect(snapshot.value).toEqual({ question: 'answering' });
    expect(snapshot.context).toMatchObject({ question: 'G1', attested: true, answers: {} });
  });
});

describe('branching', () => {
  test.for<{ case: string; answers: TAnswers; asked: string[] }>([
    { case: 'D1 none asks neither D1a nor D2, and E0 no asks no neurophysiology', answers: { ...jerks, D1: 'none', E0: 'no' }, asked: [...G, ...C, 'D1', 'E0', ...B_A] },
    { case: 'D1 PME asks D1a then D2', answers: { ...jerks, D1: 'PME', E0: 'no' }, asked: [...G, ...C, 'D1', 'D1a', 'D2', 'E0', ...B_A] },
    { case: 'D1 myoclonus-dystonia asks D2 but not D1a', answers: { ...jerks, D1: 'myoclonus_dystonia_clinical', E0: 'no' }, asked: [...G, ...C, 'D1', 'D2', 'E0', ...B_A] },
    { case: 'D1 unknown asks neither D1a nor D2', answers: { ...jerks, E0: 'no' }, asked: [...G, ...C, 'D1', 'E0', ...B_A] },
    { case: 'E0 yes asks E1 to E4', answers: { ...jerks, D1: 'none', E0: 'yes' }, asked: [...G, ...C, 'D1', 'E0', 'E1', 'E2', 'E3', 'E4', ...B_A] },
    // A mimic in the gate closes the bedside and the diagnoses, never the safety screen (1.2).
    { case: 'G1 sustained postures asks the rest of the gate and the safety screen, then the summary', answers: { G1: 'sustained_twisting_postures_only' }, asked: [...G, ...C] },
    { case: 'G1 regular oscillation (tremor) asks the safety screen and the neurophysiology too', answers: { G1: 'regular_oscillation_only' }, asked: [...G, ...C, 'E0'] },
    { case: 'G1 tremor with neurophysiology done asks E1 to E4', answers: { G1: 'regular_oscillation_only', E0: 'yes' }, asked: [...G, ...C, 'E0', 'E1', 'E2', 'E3', 'E4'] },
    { case: 'G1 flowing movements asks the safety screen', answers: { G1: 'continuous_flowing_random' }, asked: [...G, ...C] },
    { case: 'G2 yes (tics) asks the safety screen', answers: { G1: 'positive_jerks', G2: 'yes' }, asked: [...G, ...C] },
    { case: 'G3 present (functional) asks the safety screen', answers: { G1: 'positive_jerks', G2: 'no', G3: 'present' }, asked: [...G, ...C] },
    { case: 'an acute onset asks when it was (C1a)', answers: { ...jerks, C1: 'acute_hours_to_days', D1: 'none', E0: 'no' }, asked: [...G, 'C1', 'C1a', 'C2', 'C3', 'C4', 'C5', 'C6', 'D1', 'E0', ...B_A] },
  ])('$case', ({ answers, asked }) => {
    const actor = started();
    expect(answerUntilSummary(actor, answers)).toEqual(asked);
    expect(actor.getSnapshot().value).toBe('summary');
  });

  test('an answer for a question other than the one on screen is ignored', () => {
    const actor = started();
    actor.send({ type: 'answer.submit', question: 'G2', value: 'no' });
    expect(actor.getSnapshot().context).toMatchObject({ question: 'G1', answers: {} });
  });

  test('a typed address to a question these answers do not lead to is ignored', () => {
    const actor = atSummary({ ...jerks, D1: 'none', E0: 'no' });
    actor.send({ type: 'step.goto', question: 'D1a' });
    expect(actor.getSnapshot().value).toBe('summary');
  });
});

describe('pruning', () => {
  test('changing D1 from PME to none drops D1a and D2 in the same transition', () => {
    const actor = atSummary(pme);
    actor.send({ type: 'summary.change', question: 'D1' });
    actor.send({ type: 'answer.submit', question: 'D1', value: 'none' });
    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('summary');
    expect(snapshot.context.answers).not.toHaveProperty('D1a');
    expect(snapshot.context.answers).not.toHaveProperty('D2');
    expect(snapshot.context.answers).toMatchObject({ D1: 'none', E0: 'no' });
  });

  test('changing G1 to a mimic sets aside the diagnoses and the bedside in the same transition, and keeps the safety screen', () => {
    const actor = atSummary(pme);
    actor.send({ type: 'summary.change', question: 'G1' });
    actor.send({ type: 'answer.submit', question: 'G1', value: 'sustained_twisting_postures_only' });
    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('summary');
    expect(Object.keys(snapshot.context.answers)).toEqual([...G, ...C]);
    expect(Object.keys(snapshot.context.setAside)).toEqual(['D1', 'D1a', 'D2', 'E0', ...B_A]);
  });

  test('going back to D1 and answering none drops D1a and D2 and moves on to E0', () => {
    const actor = started();
    for (const id of [...G, ...C]) actor.send({ type: 'answer.submit', question: id, value: jerks[id] ?? UNKNOWN });
    actor.send({ type: 'answer.submit', question: 'D1', value: 'PME' });
    actor.send({ type: 'answer.submit', question: 'D1a', value: 'ULD' });
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().context.question).toBe('D1a');
    actor.send({ type: 'step.back' });
    actor.send({ type: 'answer.submit', question: 'D1', value: 'none' });
    const snapshot = actor.getSnapshot();
    expect(snapshot.context.question).toBe('E0');
    expect(snapshot.context.answers).not.toHaveProperty('D1a');
  });

  test('"Unknown" is stored as unknown and enables nothing', () => {
    const actor = started();
    actor.send({ type: 'answer.submit', question: 'G1', value: UNKNOWN });
    expect(actor.getSnapshot().context).toMatchObject({ question: 'G2', answers: { G1: UNKNOWN } });
  });
});

describe('changing an answer from the summary', () => {
  test('D1 none to PME asks D1a, then D2, then returns to the summary', () => {
    const actor = atSummary({ ...jerks, D1: 'none', E0: 'no' });
    actor.send({ type: 'summary.change', question: 'D1' });
    expect(actor.getSnapshot().value).toEqual({ question: 'changing' });
    expect(actor.getSnapshot().context).toMatchObject({ question: 'D1' });
    actor.send({ type: 'answer.submit', question: 'D1', value: 'PME' });
    expect(actor.getSnapshot().value).toEqual({ question: 'changing' });
    expect(actor.getSnapshot().context).toMatchObject({ question: 'D1a', queue: ['D2'] });
    actor.send({ type: 'answer.submit', question: 'D1a', value: 'Lafora' });
    expect(actor.getSnapshot().context.question).toBe('D2');
    actor.send({ type: 'answer.submit', question: 'D2', value: 'yes' });
    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('summary');
    expect(snapshot.context.answers).toMatchObject({ D1: 'PME', D1a: 'Lafora', D2: 'yes', E0: 'no' });
  });

  test('a mimic changed to jerks asks every newly enabled question (the diagnoses, the bedside), then returns to the summary', () => {
    const actor = atSummary({ G1: 'regular_oscillation_only' });
    actor.send({ type: 'summary.change', question: 'G1' });
    actor.send({ type: 'answer.submit', question: 'G1', value: 'positive_jerks' });
    const asked = answerUntilSummary(actor, { D1: 'none' });
    expect(asked).toEqual(['D1', ...B_A]);
    expect(actor.getSnapshot().value).toBe('summary');
  });

  test('a mimic changed back to jerks with the answers it set aside coming back returns straight to the summary, open questions left open', () => {
    // Answered partly (C1 and D1), then G1 changed to a mimic, then back.
    const actor = atSummary({ ...jerks, C1: 'chronic_months_to_years', D1: 'none' });
    actor.send({ type: 'summary.change', question: 'G1' });
    actor.send({ type: 'answer.submit', question: 'G1', value: 'regular_oscillation_only' });
    expect({ kept: actor.getSnapshot().context.answers['C1'], setAside: actor.getSnapshot().context.setAside }).toMatchObject({ kept: 'chronic_months_to_years', setAside: { D1: 'none' } });
    actor.send({ type: 'summary.change', question: 'G1' });
    actor.send({ type: 'answer.submit', question: 'G1', value: 'positive_jerks' });
    expect(actor.getSnapshot().value).toBe('summary');
    expect(actor.getSnapshot().context).toMatchObject({ answers: { C1: 'chronic_months_to_years', D1: 'none' }, setAside: {} });
  });

  test('the mimic changed back after Back from the summary (not a change): the same, no walk through the restored questions', () => {
    const actor = atSummary({ ...jerks, C1: 'chronic_months_to_years', D1: 'none' });
    actor.send({ type: 'summary.change', question: 'G3' });
    actor.send({ type: 'answer.submit', question: 'G3', value: 'present' });
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().value).toEqual({ question: 'answering' });
    expect(actor.getSnapshot().context).toMatchObject({ question: 'C6' });
    actor.send({ type: 'step.goto', question: 'G3' });
    actor.send({ type: 'answer.submit', question: 'G3', value: 'absent' });
    expect(actor.getSnapshot().value).toBe('summary');
  });

  test('"Skip the rest of this section" on a section already answered goes past the whole section, not one question on', () => {
    const actor = atSummary({ ...jerks, D1: 'none', E0: 'no' });
    actor.send({ type: 'step.goto', question: 'B6' });
    actor.send({ type: 'section.skip', question: 'B6' });
    expect(actor.getSnapshot().context.question).toBe('A1');
  });

  test('a change that enables nothing returns straight to the summary', () => {
    const actor = atSummary({ ...jerks, D1: 'none', E0: 'no' });
    actor.send({ type: 'summary.change', question: 'B4' });
    actor.send({ type: 'answer.submit', question: 'B4', value: 'irregular' });
    expect(actor.getSnapshot().value).toBe('summary');
    expect(actor.getSnapshot().context.answers.B4).toBe('irregular');
  });

  test('Back while changing returns to the summary and keeps the old answer', () => {
    const actor = atSummary(pme);
    actor.send({ type: 'summary.change', question: 'D1' });
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().value).toBe('summary');
    expect(actor.getSnapshot().context.answers).toMatchObject({ D1: 'PME', D1a: 'ULD', D2: 'yes' });
  });

  test('a change from the summary is a state of its own, left when the flow returns to the summary', () => {
    const actor = atSummary({ ...jerks, D1: 'none', E0: 'no' });
    actor.send({ type: 'summary.change', question: 'B4' });
    expect([actor.getSnapshot().value, selectChanging(actor.getSnapshot())]).toEqual([{ question: 'changing' }, true]);
    actor.send({ type: 'answer.submit', question: 'B4', value: 'irregular' });
    expect([actor.getSnapshot().value, selectChanging(actor.getSnapshot())]).toEqual(['summary', false]);
  });

  test('no shortcut is offered while changing: neither "Skip the rest of this section" nor "Go to the summary"', () => {
    const actor = atSummary({ ...jerks, D1: 'none', E0: 'no' });
    actor.send({ type: 'shortcuts.load', check: () => true });
    actor.send({ type: 'summary.change', question: 'B4' });
    const snapshot = actor.getSnapshot();
    expect([snapshot.can({ type: 'section.skip', question: 'B4' }), snapshot.can({ type: 'summary.jump' })]).toEqual([false, false]);
  });

  test('a change restored in its middle (a reload) goes on: Continue asks what is still queued, then returns to the summary', () => {
    const actor = atSummary({ ...jerks, D1: 'none', E0: 'no' });
    actor.send({ type: 'summary.change', question: 'D1' });
    actor.send({ type: 'answer.submit', question: 'D1', value: 'PME' });
    const before = actor.getSnapshot();
    expect(selectChange(before)).toEqual({ question: 'D1a', queue: ['D2'] });

    const reloaded = createActor(questionnaireMachine, { input: { content } }).start();
    const { answers, setAside } = before.context;
    reloaded.send({ type: 'session.restore', answers, setAside, attested: true, position: selectPosition(before), change: selectChange(before) });
    expect(reloaded.getSnapshot().value).toEqual({ question: 'changing' });
    reloaded.send({ type: 'answer.submit', question: 'D1a', value: 'Lafora' });
    expect(reloaded.getSnapshot().context.question).toBe('D2');
    reloaded.send({ type: 'answer.submit', question: 'D2', value: 'yes' });
    expect(reloaded.getSnapshot().value).toBe('summary');
  });

  test('saved progress without a change (as saved before changes were kept) restores to the questions in order', () => {
    const actor = createActor(questionnaireMachine, { input: { content } }).start();
    actor.send({ type: 'session.restore', answers: { ...jerks, D1: 'none', E0: 'no' }, attested: true, position: { question: 'C1' } });
    expect([actor.getSnapshot().value, selectChange(actor.getSnapshot())]).toEqual([{ question: 'answering' }, null]);
  });

  test('a change restored at another question than the one saved (the address names it) keeps the saved question to ask again', () => {
    const actor = createActor(questionnaireMachine, { input: { content } }).start();
    actor.send({ type: 'session.restore', answers: { ...jerks, D1: 'none', E0: 'no' }, attested: true, position: { question: 'G2' }, change: { question: 'B4', queue: [] } });
    expect([actor.getSnapshot().value, actor.getSnapshot().context.queue]).toEqual([{ question: 'changing' }, ['B4']]);
  });

  test('a change cannot start on a question these answers do not lead to', () => {
    const actor = atSummary({ ...jerks, D1: 'none', E0: 'no' });
    actor.send({ type: 'summary.change', question: 'E1' });
    expect(actor.getSnapshot().value).toBe('summary');
  });
});

describe('going back', () => {
  test('Back from the first question returns to the start page and keeps the attestation', () => {
    const actor = started();
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().value).toBe('start');
    expect(actor.getSnapshot().context.attested).toBe(true);
  });

  test('Back from G2 shows G1 with its answer kept', () => {
    const actor = started();
    actor.send({ type: 'answer.submit', question: 'G1', value: 'both' });
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().context).toMatchObject({ question: 'G1', answers: { G1: 'both' } });
  });

  test('Back from the summary of a mimic at G2 returns to the last question of the safety screen', () => {
    const actor = atSummary({ G1: 'positive_jerks', G2: 'yes' });
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().context.question).toBe('C6');
  });

  test('Back from the summary shows the last question asked', () => {
    const actor = atSummary(pme);
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().context.question).toBe('A3');
  });

  test('Back from the summary of a tremor answer returns to the neurophysiology question asked after the safety screen', () => {
    const actor = atSummary({ G1: 'regular_oscillation_only' });
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().context.question).toBe('E0');
  });

  test('Back from the result shows the summary', () => {
    const actor = atSummary(pme);
    actor.send({ type: 'summary.confirm' });
    expect(actor.getSnapshot().value).toBe('result');
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().value).toBe('summary');
  });
});

describe('starting again', () => {
  test.for([
    { from: 'a question', go: (a: TActor) => a.send({ type: 'answer.submit', question: 'G1', value: 'both' }) },
    { from: 'the summary', go: (a: TActor) => answerUntilSummary(a, pme) },
    { from: 'the result', go: (a: TActor) => (answerUntilSummary(a, pme), a.send({ type: 'summary.confirm' })) },
  ])('from $from clears answers and attestation and shows the start page', ({ go }) => {
    const actor = started();
    go(actor);
    actor.send({ type: 'session.reset' });
    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('start');
    expect(snapshot.context).toMatchObject({ answers: {}, attested: false, question: null, queue: [] });
  });
});

describe('browser Back during a change from the summary', () => {
  test('keeps the change going: the questions it enabled are still asked before the summary', () => {
    const actor = atSummary({ ...jerks, D1: 'none', E0: 'no' });
    actor.send({ type: 'summary.change', question: 'D1' });
    actor.send({ type: 'answer.submit', question: 'D1', value: 'PME' });
    expect(actor.getSnapshot().context.question).toBe('D1a');
    actor.send({ type: 'step.goto', question: 'D1' }); // browser Back
    actor.send({ type: 'answer.submit', question: 'D1', value: 'PME' });
    expect(actor.getSnapshot().context.question).toBe('D1a');
    actor.send({ type: 'answer.submit', question: 'D1a', value: 'ULD' });
    expect(actor.getSnapshot().context.question).toBe('D2');
    actor.send({ type: 'answer.submit', question: 'D2', value: 'yes' });
    expect(actor.getSnapshot().value).toBe('summary');
  });
});

describe('restoring saved progress', () => {
  const restore = (answers: TAnswers, position: TPosition) => {
    const actor = createActor(questionnaireMachine, { input: { content } }).start();
    actor.send({ type: 'session.restore', answers, attested: true, position });
    return actor.getSnapshot();
  };

  test.for([
    { position: { question: 'G2' } as TPosition, value: { question: 'answering' } },
    { position: 'summary' as TPosition, value: 'summary' },
    { position: 'result' as TPosition, value: 'result' },
  ])('to $value', ({ position, value }) => {
    expect(restore({ G1: 'positive_jerks' }, position).value).toEqual(value);
  });

  test('to a question these answers do not lead to is refused', () => {
    expect(restore({ G1: 'regular_oscillation_only' }, { question: 'A1' }).value).toBe('start');
  });

  test('to the start page, with the answers kept (Back from G1, then a reload)', () => {
    const snapshot = restore({ G1: 'positive_jerks', G2: 'no' }, 'start');
    expect(snapshot.value).toBe('start');
    expect(snapshot.context.answers).toEqual({ G1: 'positive_jerks', G2: 'no' });
  });

  test('without the start page attestation nothing past the start page is restored', () => {
    const actor = createActor(questionnaireMachine, { input: { content } }).start();
    actor.send({ type: 'session.restore', answers: { G1: 'positive_jerks' }, attested: false, position: 'result' });
    expect(actor.getSnapshot().value).toBe('start');
  });

  test('drops answers to questions the restored answers disable', () => {
    expect(restore({ G1: 'regular_oscillation_only', A1: 'focal' }, 'summary').context.answers).toEqual({ G1: 'regular_oscillation_only' });
  });
});

// ── Properties over random event sequences ───────────────────────────────────────────────────────

const byId = new Map(content.questions.map((q) => [q.id, q]));

/** An answer a form could send for `q`, picked by `pick`. */
function answerFor(q: TQuestion, pick: number, subset: readonly number[]): TAnswerValue {
  const ids = q.options.map((o) => o.id);
  const choices = [UNKNOWN, ...ids];
  if (q.kind === 'single') return choices[pick % choices.length]!;
  const alone = [UNKNOWN, ...q.exclusive];
  if (pick % 3 === 0) return alone[pick % alone.length]!;
  const chosen = ids.filter((id, i) => !alone.includes(id) && subset.includes(i));
  return chosen.length ? chosen : UNKNOWN;
}

type TCommand =
  | { kind: 'answer'; pick: number; subset: number[] }
  | { kind: 'event'; event: TFlowEvent };

const questionArb = fc.constantFrom(...questionIds);
const positionArb: fc.Arbitrary<TPosition> = fc.oneof(
  fc.constantFrom<TPosition>('start', 'summary', 'result'),
  questionArb.map((question) => ({ question })),
);
const answersArb: fc.Arbitrary<TAnswers> = fc
  .uniqueArray(fc.tuple(questionArb, fc.nat(20), fc.array(fc.nat(11), { maxLength: 4 })), { selector: ([id]) => id, maxLength: 8 })
  .map((entries) => Object.fromEntries(entries.map(([id, pick, subset]) => [id, answerFor(byId.get(id)!, pick, subset)])));

/** Mostly answers to the question on screen (what the forms send), with every other event mixed in. */
const commandArb: fc.Arbitrary<TCommand> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('answer' as const), pick: fc.nat(20), subset: fc.array(fc.nat(11), { maxLength: 4 }) }) },
  {
    weight: 8,
    arbitrary: fc
      .oneof(
        fc.record({ type: fc.constant('session.start' as const), attested: fc.boolean() }),
        fc.constant({ type: 'step.back' as const }),
        fc.record({ type: fc.constant('step.goto' as const), question: questionArb }),
        fc.constant({ type: 'summary.open' as const }),
        fc.record({ type: fc.constant('summary.change' as const), question: questionArb }),
        fc.constant({ type: 'summary.confirm' as const }),
        fc.constant({ type: 'session.reset' as const }),
        fc.record({ type: fc.constant('session.restore' as const), answers: answersArb, attested: fc.boolean(), position: positionArb }),
      )
      .map((event): TCommand => ({ kind: 'event', event })),
  },
);

function toEvent(snapshot: TSnapshot, command: TCommand): TFlowEvent {
  if (command.kind === 'event') return command.event;
  const question = snapshot.context.question ?? 'G1';
  return { type: 'answer.submit', question, value: answerFor(byId.get(question)!, command.pick, command.subset) };
}

/** From any state, answering "unknown" and confirming reaches the result within a bounded number of steps. */
function reachesResult(snapshot: TSnapshot): boolean {
  let s = snapshot;
  for (let i = 0; i < questionIds.length + 4; i++) {
    if (s.matches('result')) return true;
    const event = forward(s);
    if (!s.can(event)) return false;
    s = getNextSnapshot(questionnaireMachine, s, event);
  }
  return false;
}

function run(commands: readonly TCommand[], check: (s: TSnapshot) => void): TSnapshot {
  let [snapshot] = initialTransition(questionnaireMachine, { content });
  check(snapshot);
  for (const command of commands) {
    snapshot = getNextSnapshot(questionnaireMachine, snapshot, toEvent(snapshot, command));
    check(snapshot);
  }
  return snapshot;
}
const runAll = (commands: readonly TCommand[], check: (s: TSnapshot) => void) => void run(commands, check);

/** The event that moves a state on towards the result. */
const forward = (s: TSnapshot): TFlowEvent =>
  s.matches('start')
    ? { type: 'session.start', attested: true }
    : s.matches('summary')
      ? { type: 'summary.confirm' }
      : s.matches('result')
        ? { type: 'summary.open' }
        : { type: 'answer.submit', question: s.context.question!, value: UNKNOWN };

const sequences = fc.array(commandArb, { minLength: 1, maxLength: 30 });
const RUNS = { numRuns: 2000 };

describe('properties over random event sequences', { timeout: 30_000 }, () => {
  test('every state reached has a way forward, and the result can still be reached from the last one', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const last = run(commands, (s) => expect(s.can(forward(s))).toBe(true));
        expect(reachesResult(last)).toBe(true);
      }),
      RUNS,
    );
  });

  test('answers are kept only for questions the answers enable, already pruned', () => {
    fc.assert(
      fc.property(sequences, (commands) =>
        runAll(commands, (s) => {
          const enabled = enabledIds(s.context.answers);
          expect(Object.keys(s.context.answers).filter((id) => !enabled.includes(id))).toEqual([]);
          expect(resolveAnswers(s.context.answers, content).answers).toEqual(s.context.answers);
        }),
      ),
      RUNS,
    );
  });

  test('the question on screen, and those a change still has to ask, are enabled ones', () => {
    fc.assert(
      fc.property(sequences, (commands) =>
        runAll(commands, (s) => {
          if (!s.matches('question')) return;
          const enabled = enabledIds(s.context.answers);
          expect(enabled).toContain(s.context.question);
          expect(s.context.queue.filter((id) => !enabled.includes(id))).toEqual([]);
        }),
      ),
      RUNS,
    );
  });

  test('on the summary, exactly the enabled questions can be changed', () => {
    fc.assert(
      fc.property(sequences, (commands) =>
        runAll(commands, (s) => {
          if (!s.matches('summary')) return;
          const changeable = questionIds.filter((question) => s.can({ type: 'summary.change', question }));
          expect(changeable).toEqual(enabledIds(s.context.answers));
        }),
      ),
      RUNS,
    );
  });

  test("every link's address is where its event leads from the snapshot on screen, however often it is asked", () => {
    // Links remember each snapshot's targets (selectPositionAfter): a target kept for another
    // snapshot, or another question's event, would send a link to the wrong page.
    const links: TFlowEvent[] = [
      { type: 'step.back' },
      { type: 'summary.open' },
      ...questionIds.flatMap((question): TFlowEvent[] => [
        { type: 'summary.change', question },
        { type: 'step.goto', question },
      ]),
    ];
    fc.assert(
      fc.property(sequences, (commands) =>
        runAll(commands, (s) => {
          for (const event of links) {
            const expected = selectPosition(getNextSnapshot(questionnaireMachine, s, event));
            expect(selectPositionAfter(s, event)).toEqual(expected);
            expect(selectPositionAfter(s, event)).toEqual(expected);
          }
        }),
      ),
      { numRuns: 200 },
    );
  });

  test('questions, summary and result are shown only after the attestation', () => {
    fc.assert(
      fc.property(sequences, (commands) =>
        runAll(commands, (s) => {
          if (!s.matches('start')) expect(s.context.attested).toBe(true);
        }),
      ),
      RUNS,
    );
  });
});

const full: TAnswers = { ...pme, C1: 'chronic_months_to_years', C4: ['epileptic_seizures'], B4: 'irregular', A1: 'focal' };

describe('answers set aside, not destroyed', () => {
  /** Change one answer from the summary and answer whatever it asks ("unknown"), back to the summary. */
  function change(actor: TActor, question: string, value: TAnswerValue) {
    actor.send({ type: 'summary.change', question });
    actor.send({ type: 'answer.submit', question, value });
    answerUntilSummary(actor, {});
  }

  test('G3 changed to "present" sets every answer after the safety screen aside; changed back, every one returns and nothing is asked', () => {
    const actor = atSummary(full);
    const before = actor.getSnapshot().context.answers;
    actor.send({ type: 'summary.change', question: 'G3' });
    actor.send({ type: 'answer.submit', question: 'G3', value: 'present' });
    expect(Object.keys(actor.getSnapshot().context.setAside).sort()).toEqual(Object.keys(before).filter((id) => !G.includes(id) && !id.startsWith('C')).sort());
    actor.send({ type: 'summary.change', question: 'G3' });
    actor.send({ type: 'answer.submit', question: 'G3', value: 'absent' });
    expect({ state: actor.getSnapshot().value, answers: actor.getSnapshot().context.answers, setAside: actor.getSnapshot().context.setAside }).toEqual({
      state: 'summary',
      answers: before,
      setAside: {},
    });
  });

  test('D1 to none then to myoclonus-dystonia keeps D2 and sets only D1a aside', () => {
    const actor = atSummary(full);
    change(actor, 'D1', 'none');
    change(actor, 'D1', 'myoclonus_dystonia_clinical');
    expect({ D2: actor.getSnapshot().context.answers.D2, setAside: actor.getSnapshot().context.setAside }).toEqual({ D2: 'yes', setAside: { D1a: 'ULD' } });
  });

  test('property: any sequence of changes, then the original answers again, restores the original summary', () => {
    const gateways = ['G1', 'G2', 'G3', 'D1', 'E0'] as const;
    const step = fc.tuple(fc.constantFrom(...gateways), fc.nat(20));
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        const actor = atSummary(full);
        const before = actor.getSnapshot().context.answers;
        for (const [id, pick] of steps) {
          if (!actor.getSnapshot().can({ type: 'summary.change', question: id })) continue;
          const options = byId.get(id)!.options;
          change(actor, id, options[pick % options.length]!.id);
        }
        // Back to the original answers, gate first (a later gateway may only be enabled again after it).
        for (const id of gateways) {
          if (actor.getSnapshot().context.answers[id] !== before[id] && actor.getSnapshot().can({ type: 'summary.change', question: id }))
            change(actor, id, before[id]!);
        }
        expect(actor.getSnapshot().context.answers).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Start again and Undo', () => {
  test('Start again on the result clears everything; Undo brings back every answer, the set-aside ones and the result', () => {
    const actor = atSummary(full);
    actor.send({ type: 'summary.change', question: 'D1' });
    actor.send({ type: 'answer.submit', question: 'D1', value: 'none' });
    actor.send({ type: 'summary.confirm' });
    const { answers, setAside } = actor.getSnapshot().context;
    actor.send({ type: 'session.reset' });
    expect({ state: actor.getSnapshot().value, answers: actor.getSnapshot().context.answers }).toEqual({ state: 'start', answers: {} });
    actor.send({ type: 'session.undo' });
    expect({ state: actor.getSnapshot().value, answers: actor.getSnapshot().context.answers, setAside: actor.getSnapshot().context.setAside }).toEqual({
      state: 'result',
      answers,
      setAside,
    });
  });

  test('starting anew forgets what Start again cleared', () => {
    const actor = atSummary(full);
    actor.send({ type: 'session.reset' });
    actor.send({ type: 'session.start', attested: true });
    expect(actor.getSnapshot().context.discarded).toBeNull();
  });
});

describe('selectors: where the flow is, where Back leads, the gate', () => {
  test('the position is the question on screen, or the page', () => {
    const actor = started();
    expect(selectPosition(actor.getSnapshot())).toEqual({ question: 'G1' });
    expect(selectPosition(atSummary(jerks).getSnapshot())).toBe('summary');
  });

  test.for([
    { where: 'the first question', setUp: () => started(), back: 'start' },
    { where: 'the second question', setUp: () => { const a = started(); a.send({ type: 'answer.submit', question: 'G1', value: 'positive_jerks' }); return a; }, back: { question: 'G1' } },
    { where: 'the summary', setUp: () => atSummary(jerks), back: { question: 'A3' } },
    { where: 'a question changed from the summary', setUp: () => { const a = atSummary(jerks); a.send({ type: 'summary.change', question: 'C3' }); return a; }, back: 'summary' },
    { where: 'the result', setUp: () => { const a = atSummary(jerks); a.send({ type: 'summary.confirm' }); return a; }, back: 'summary' },
  ] as { where: string; setUp: () => TActor; back: TPosition }[])('Back from $where leads to where the machine goes on Back', ({ setUp, back }) => {
    const actor = setUp();
    const target = selectBackTarget(actor.getSnapshot());
    expect(target).toEqual(back);
    actor.send({ type: 'step.back' });
    expect(selectPosition(actor.getSnapshot())).toEqual(target);
  });

  test('the page an event leads to is where the machine goes, and the page itself for an event it refuses', () => {
    const snapshot = atSummary(jerks).getSnapshot();
    expect(selectPositionAfter(snapshot, { type: 'summary.change', question: 'C3' })).toEqual({ question: 'C3' });
    expect(selectPositionAfter(snapshot, { type: 'summary.change', question: 'E1' })).toBe('summary');
    expect(selectPositionAfter(snapshot, { type: 'summary.confirm' })).toBe('result');
  });

  test.for([
    ['G1', true],
    ['G3', true],
    ['C1', false],
  ] as const)('%s is in the gate section: %s', ([question, inGate]) => {
    const actor = createActor(questionnaireMachine, { input: { content } }).start();
    actor.send({ type: 'session.restore', answers: { ...jerks, C1: 'chronic_months_to_years' }, attested: true, position: { question } });
    expect(selectInGate(actor.getSnapshot())).toBe(inGate);
  });

  test('the gate is closed by a mimic at G1, and open with jerks', () => {
    expect([selectGateClosed(atSummary({ G1: 'regular_oscillation_only' }).getSnapshot()), selectGateClosed(atSummary(jerks).getSnapshot())]).toEqual([true, false]);
  });
});
