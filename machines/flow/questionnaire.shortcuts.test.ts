import { createActor } from 'xstate';
import { describe, expect, test } from 'vitest';
import { content } from '../../content/index';
import type { TAnswers } from '../answers/answers';
import { redFlagsOf } from '../assessment/assess';
import { questionnaireMachine, type TSettledCheck } from './questionnaire.machine';
import { canGoToSummary } from '../assessment/settled';

const realCheck: TSettledCheck = (answers) => canGoToSummary(answers, content);

function at(question: string, answers: TAnswers, settledCheck?: TSettledCheck) {
  const actor = createActor(questionnaireMachine, { input: { content, ...(settledCheck ? { settledCheck } : {}) } }).start();
  actor.send({ type: 'session.start', attested: true });
  for (let guard = 0; actor.getSnapshot().context.question !== question; guard++) {
    const current = actor.getSnapshot().context.question!;
    if (guard > content.questions.length) throw new Error(`never reached ${question}`);
    actor.send({ type: 'answer.submit', question: current, value: answers[current] ?? 'unknown' });
  }
  return actor;
}

const jerks = { G1: 'positive_jerks', G2: 'no', G3: 'absent' };
/** A case definitive neurophysiology has decided, at B1: "Go to the summary" is on offer there. */
const decided = {
  ...jerks, C1: 'chronic_months_to_years', C2: '21_to_50', C3: 'static_or_very_slow', C4: ['none'], C5: 'none', C6: ['none'],
  D1: 'none', E0: 'yes', E1: 'under_50ms', E2: 'focal_cortical_spike_before_jerk', E3: 'giant_SEP_and_or_C_reflex', E4: 'not_done', B6: 'none',
};

describe('Skip the rest of this section', () => {
  test('records "Unknown / not assessed" for the rest of the section and moves to the next section', () => {
    const actor = at('B1', { ...jerks, E0: 'no', B6: 'none' });
    actor.send({ type: 'section.skip', question: 'B1' });
    const { context } = actor.getSnapshot();
    expect({ question: context.question, skipped: ['B1', 'B2', 'B3', 'B4', 'B5', 'B7'].map((id) => context.answers[id]), b6: context.answers['B6'] })
      .toEqual({ question: 'A1', skipped: ['unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown'], b6: 'none' });
  });

  test('stores the choice made on the page first: a finding ticked just before skipping is kept', () => {
    const actor = at('B3', { ...jerks, E0: 'no' });
    actor.send({ type: 'section.skip', question: 'B3', value: ['touch_or_stretch_local_jerk'] });
    const { context } = actor.getSnapshot();
    expect({ question: context.question, B3: context.answers['B3'], B4: context.answers['B4'] })
      .toEqual({ question: 'A1', B3: ['touch_or_stretch_local_jerk'], B4: 'unknown' });
  });

  test('with nothing chosen on the page, an answer given before is kept, not overwritten with unknown', () => {
    const actor = at('B4', { ...jerks, E0: 'no', B3: ['none'] });
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().context.question).toBe('B3');
    actor.send({ type: 'section.skip', question: 'B3' });
    expect(actor.getSnapshot().context.answers['B3']).toEqual(['none']);
  });

  test.for(['C1', 'C4', 'C6'])('is never offered on the safety screen (%s): one press would record every red-flag question as unknown', (question) => {
    const actor = at(question, { ...jerks, C1: 'chronic_months_to_years', C2: 'over_50', C3: 'static_or_very_slow', C4: ['none'] });
    expect(actor.getSnapshot().can({ type: 'section.skip', question })).toBe(false);
  });

  test('near miss — is offered on the section after the safety screen (D1)', () => {
    const actor = at('D1', jerks);
    expect(actor.getSnapshot().can({ type: 'section.skip', question: 'D1' })).toBe(true);
  });

  test('is not offered in the gate', () => {
    const actor = at('G2', { G1: 'positive_jerks' });
    expect(actor.getSnapshot().can({ type: 'section.skip', question: 'G2' })).toBe(false);
  });

  test('in the last section, leads to the summary', () => {
    const actor = at('A1', { ...jerks, E0: 'no' });
    actor.send({ type: 'section.skip', question: 'A1' });
    expect(actor.getSnapshot().value).toBe('summary');
  });

  test('is not offered while changing an answer from the summary', () => {
    const actor = at('A1', { ...jerks, E0: 'no' });
    actor.send({ type: 'section.skip', question: 'A1' });
    actor.send({ type: 'summary.change', question: 'B2' });
    expect(actor.getSnapshot().can({ type: 'section.skip', question: 'B2' })).toBe(false);
  });
});

describe('Go to the summary', () => {

  test('is offered by the flow once the proof says nothing open can change the result', () => {
    const actor = at('B1', decided, realCheck);
    actor.send({ type: 'summary.jump' });
    expect(actor.getSnapshot().value).toBe('summary');
  });

  test('is not offered one question earlier, while B6 could still reveal a mimic', () => {
    const actor = at('B6', decided, realCheck);
    expect(actor.getSnapshot().can({ type: 'summary.jump' })).toBe(false);
  });

  test('stores the choice made on the page with the move', () => {
    const actor = at('B1', decided, realCheck);
    actor.send({ type: 'summary.jump', question: 'B1', value: 'yes' });
    expect({ where: actor.getSnapshot().value, B1: actor.getSnapshot().context.answers['B1'] }).toEqual({ where: 'summary', B1: 'yes' });
  });

  test('is not offered with a choice on the page that would change the result, and is with one that would not', () => {
    const actor = at('B1', decided, realCheck);
    actor.send({ type: 'step.goto', question: 'E3' });
    // E3 was answered "giant SEP or C reflex": as saved, nothing open can change the result; "normal" on the page could.
    expect(actor.getSnapshot().can({ type: 'summary.jump', question: 'E3', value: 'giant_SEP_and_or_C_reflex' })).toBe(true);
    expect(actor.getSnapshot().can({ type: 'summary.jump', question: 'E3', value: 'normal' })).toBe(false);
    actor.send({ type: 'summary.jump', question: 'E3', value: 'normal' });
    expect({ where: actor.getSnapshot().value, E3: actor.getSnapshot().context.answers['E3'] }).toEqual({ where: { question: 'answering' }, E3: 'giant_SEP_and_or_C_reflex' });
  });

  test('is not offered until the proof has loaded', () => {
    const actor = at('B1', decided);
    expect(actor.getSnapshot().can({ type: 'summary.jump' })).toBe(false);
    actor.send({ type: 'shortcuts.load', check: realCheck });
    expect(actor.getSnapshot().can({ type: 'summary.jump' })).toBe(true);
  });
});

describe('See the red flags now', () => {
  const urgentCheck: TSettledCheck = (answers) => redFlagsOf(answers, content).some((f) => content.urgentRedFlags.includes(f));
  const withChecks = (question: string, answers: TAnswers) => {
    const actor = at(question, answers);
    actor.send({ type: 'shortcuts.load', check: realCheck, urgent: urgentCheck });
    return actor;
  };

  test.for([
    ['reduced consciousness', { C4: ['reduced_consciousness'] }],
    ['acute post-hypoxic myoclonus', { C6: ['recent_hypoxia_still_comatose_or_within_days'] }],
    ['an acute onset', { C1: 'acute_hours_to_days' }],
  ] as const)('with %s, every later page opens the result now', ([, flag]) => {
    const actor = withChecks('D1', { ...jerks, ...flag });
    actor.send({ type: 'result.open', question: 'D1' });
    expect(actor.getSnapshot().value).toBe('result');
  });

  test.for([
    ['a drug red flag (not urgent)', { C1: 'chronic_months_to_years', C6: ['new_or_changed_drug'] }],
    ['no red flag', { C1: 'chronic_months_to_years', C6: ['none'] }],
  ] as const)('near miss — with %s it is not offered', ([, answers]) => {
    const actor = withChecks('D1', { ...jerks, ...answers });
    expect(actor.getSnapshot().can({ type: 'result.open', question: 'D1' })).toBe(false);
  });

  test('the choice on the page counts: reduced consciousness ticked on C4 opens the result, with the answer kept', () => {
    const actor = withChecks('C4', { ...jerks, C1: 'chronic_months_to_years' });
    actor.send({ type: 'result.open', question: 'C4', value: ['reduced_consciousness'] });
    expect({ where: actor.getSnapshot().value, C4: actor.getSnapshot().context.answers['C4'] }).toEqual({ where: 'result', C4: ['reduced_consciousness'] });
  });

  test('is not offered before the check has loaded', () => {
    const actor = at('D1', { ...jerks, C4: ['reduced_consciousness'] });
    expect(actor.getSnapshot().can({ type: 'result.open', question: 'D1' })).toBe(false);
  });
});

describe('Back goes where the clinician was', () => {
  const where = (actor: ReturnType<typeof at>) => {
    const s = actor.getSnapshot();
    return s.matches('question') ? s.context.question : String(s.value);
  };

  test('after "Skip the rest of this section", Back returns to the question it was pressed on, not the last one skipped', () => {
    const actor = at('B2', { ...jerks, E0: 'no', B6: 'none' });
    actor.send({ type: 'section.skip', question: 'B2' });
    expect(where(actor)).toBe('A1');
    actor.send({ type: 'step.back' });
    expect(where(actor)).toBe('B2');
  });

  test('near miss — after Continue on the section\'s last question, Back returns to that question', () => {
    const actor = at('A1', { ...jerks, E0: 'no', B6: 'none' });
    actor.send({ type: 'step.back' });
    expect(where(actor)).toBe('B7');
  });

  test('after a skip and one more question, Back, Back passes the question the skip led to, then the one it was pressed on', () => {
    const actor = at('B2', { ...jerks, E0: 'no', B6: 'none' });
    actor.send({ type: 'section.skip', question: 'B2' });
    actor.send({ type: 'answer.submit', question: 'A1', value: 'unknown' });
    expect(where(actor)).not.toBe('A1');
    actor.send({ type: 'step.back' });
    actor.send({ type: 'step.back' });
    expect(where(actor)).toBe('B2');
  });

  test('once used, the return point is done with: Back from the question it led to walks back one question at a time', () => {
    const actor = at('B2', { ...jerks, E0: 'no', B6: 'none' });
    actor.send({ type: 'section.skip', question: 'B2' });
    actor.send({ type: 'step.back' });
    // On from B2 through the skipped questions, to the question the skip had led to.
    for (const id of ['B2', 'B3', 'B4', 'B5', 'B7']) actor.send({ type: 'answer.submit', question: id, value: 'unknown' });
    expect(where(actor)).toBe('A1');
    actor.send({ type: 'step.back' });
    expect(where(actor)).toBe('B7');
  });

  test('after a skip that ends the questionnaire, Back from the summary returns to the question it was pressed on', () => {
    const actor = at('A1', { ...jerks, E0: 'no' });
    actor.send({ type: 'section.skip', question: 'A1' });
    expect(where(actor)).toBe('summary');
    actor.send({ type: 'step.back' });
    expect(where(actor)).toBe('A1');
  });

  test('after "Go to the summary", Back from the summary returns to the question it was pressed on, also after the result', () => {
    const actor = at('B1', decided, realCheck);
    actor.send({ type: 'summary.jump' });
    actor.send({ type: 'summary.confirm' });
    actor.send({ type: 'step.back' });
    expect(where(actor)).toBe('summary');
    actor.send({ type: 'step.back' });
    expect(where(actor)).toBe('B1');
  });

  test('near miss — "Go to the summary" with nothing ticked: Back returns to that question, not the last one answered', () => {
    const actor = at('B1', decided, realCheck);
    actor.send({ type: 'summary.jump' });
    actor.send({ type: 'step.back' });
    expect(where(actor)).toBe('B1');
  });

  test('a change from the summary leaves no return point behind: Back from the summary is the last question answered', () => {
    const actor = at('B1', decided, realCheck);
    actor.send({ type: 'summary.jump' });
    actor.send({ type: 'summary.change', question: 'C2' });
    actor.send({ type: 'answer.submit', question: 'C2', value: '21_to_50' });
    expect(where(actor)).toBe('summary');
    actor.send({ type: 'step.back' });
    expect(where(actor)).toBe('B6');
  });
});
