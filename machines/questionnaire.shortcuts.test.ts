import { createActor } from 'xstate';
import { describe, expect, test } from 'vitest';
import { content } from '../content/index';
import type { TAnswers } from './answers';
import { questionnaireMachine, type TSettledCheck } from './questionnaire.machine';
import { canGoToSummary } from './settled';

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

describe('Skip the rest of this section', () => {
  test('records "Unknown / not assessed" for the rest of the section and moves to the next section', () => {
    const actor = at('C2', { ...jerks, C1: 'chronic_months_to_years' });
    actor.send({ type: 'section.skip', question: 'C2' });
    const { context } = actor.getSnapshot();
    expect({ question: context.question, skipped: ['C2', 'C3', 'C4', 'C5', 'C6'].map((id) => context.answers[id]), c1: context.answers['C1'] })
      .toEqual({ question: 'D1', skipped: ['unknown', 'unknown', 'unknown', 'unknown', 'unknown'], c1: 'chronic_months_to_years' });
  });

  test('stores the choice made on the page first: a red flag ticked just before skipping is kept', () => {
    const actor = at('C4', { ...jerks, C1: 'chronic_months_to_years', C2: 'over_50', C3: 'progressive' });
    actor.send({ type: 'section.skip', question: 'C4', value: ['rapidly_progressive_dementia'] });
    const { context } = actor.getSnapshot();
    expect({ question: context.question, C4: context.answers['C4'], C5: context.answers['C5'], C6: context.answers['C6'] })
      .toEqual({ question: 'D1', C4: ['rapidly_progressive_dementia'], C5: 'unknown', C6: 'unknown' });
  });

  test('with nothing chosen on the page, an answer given before is kept, not overwritten with unknown', () => {
    const actor = at('C5', { ...jerks, C1: 'chronic_months_to_years', C2: 'over_50', C3: 'progressive', C4: ['rapidly_progressive_dementia'] });
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().context.question).toBe('C4');
    actor.send({ type: 'section.skip', question: 'C4' });
    expect(actor.getSnapshot().context.answers['C4']).toEqual(['rapidly_progressive_dementia']);
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
    actor.send({ type: 'summary.change', question: 'C2' });
    expect(actor.getSnapshot().can({ type: 'section.skip', question: 'C2' })).toBe(false);
  });
});

describe('Go to the summary', () => {
  const decided = {
    ...jerks, C1: 'chronic_months_to_years', C2: '21_to_50', C3: 'static_or_very_slow', C4: ['none'], C5: 'none', C6: ['none'],
    D1: 'none', E0: 'yes', E1: 'under_50ms', E2: 'focal_cortical_spike_before_jerk', E3: 'giant_SEP_and_or_C_reflex', E4: 'not_done', B6: 'none',
  };

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
    expect({ where: actor.getSnapshot().value, E3: actor.getSnapshot().context.answers['E3'] }).toEqual({ where: 'question', E3: 'giant_SEP_and_or_C_reflex' });
  });

  test('is not offered until the proof has loaded', () => {
    const actor = at('B1', decided);
    expect(actor.getSnapshot().can({ type: 'summary.jump' })).toBe(false);
    actor.send({ type: 'shortcuts.load', check: realCheck });
    expect(actor.getSnapshot().can({ type: 'summary.jump' })).toBe(true);
  });
});
