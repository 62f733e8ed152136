import { describe, expect, test } from 'vitest';
import { content, type TDoorPrecondition } from '../../content/index';
import { type TAnswers } from '../answers/answers';
import { parseAnswerFile } from '../answers/parse';
import { findingsThatCouldContradict, flagsDetermined, openIn, opens, unmet } from './doors';

const given = (raw: Record<string, unknown>): TAnswers => {
  const parsed = parseAnswerFile({ answers: raw }, content);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  return parsed.answers;
};

describe('a door opens only when every precondition is met', () => {
  const door: TDoorPrecondition[] = [
    { id: 'gate', when: { question: 'G1', op: 'is', value: 'positive_jerks' }, instead: [{ when: { question: 'G1', op: 'is', value: 'regular_oscillation_only' }, id: 'tremor' }] },
    { id: 'checked', check: 'no-red-flags' },
  ];

  test('an unknown answer never meets a precondition; each unmet one is named, by its "instead" where that holds', () => {
    expect([
      unmet(door, {}, () => true),
      unmet(door, { G1: 'regular_oscillation_only' }, () => false),
      unmet(door, { G1: 'positive_jerks' }, () => true),
    ]).toEqual([['gate'], ['tremor', 'checked'], []]);
  });

  test('`opens` stops at the first precondition not met: a check after it is never asked', () => {
    let asked = 0;
    expect(opens(door, {}, () => (asked++, true))).toBe(false);
    expect(asked).toBe(0);
  });
});

describe('the red-flag rules are determined only when no open answer could change one', () => {
  test.for([
    ['the safety screen answered', { C1: 'chronic_months_to_years', C3: 'static_or_very_slow', C4: ['none'], C6: ['none'] }, true],
    ['C6 left unknown (a drug could raise a flag)', { C1: 'chronic_months_to_years', C3: 'static_or_very_slow', C4: ['none'] }, false],
    ['regression recorded, the age at onset unknown', { C1: 'chronic_months_to_years', C3: 'static_or_very_slow', C4: ['developmental_regression_or_vision_loss'], C6: ['none'] }, false],
    ['an acute onset with its date unknown: raised whatever the date (still determined)', { C1: 'acute_hours_to_days', C3: 'rapidly_progressive_weeks_to_months', C4: ['none'], C6: ['none'] }, true],
  ] as const)('%s: %s', ([, answers, determined]) => {
    const known = given({ G1: 'positive_jerks', G2: 'no', G3: 'absent', ...answers });
    expect(flagsDetermined(known, openIn(known, content), content)).toBe(determined);
  });
});

describe('findings that could still contradict an established diagnosis are named', () => {
  test('a myoclonus-dystonia with the neurophysiology left unknown names E0 (a cortical finding would contradict it)', () => {
    const known = given({ G1: 'positive_jerks', G2: 'no', G3: 'absent', D1: 'myoclonus_dystonia_SGCE_confirmed' });
    expect(findingsThatCouldContradict(known, openIn(known, content), content)).toContain('E0');
  });

  test('near miss — with everything answered, nothing is left to contradict it', () => {
    const v08 = given({
      G1: 'positive_jerks', G2: 'no', G3: 'absent', A1: 'generalized_asynchronous', A2: ['neck', 'shoulders_proximal_arms', 'hands_fingers', 'trunk_abdomen'],
      A3: 'upper_body_neck_trunk_arms_legs_spared', B1: 'no', B2: 'yes', B3: ['none'], B4: 'irregular', B5: 'no', B6: 'none', B7: 'marked_improvement',
      C1: 'chronic_months_to_years', C2: 'under_10', C3: 'static_or_very_slow', C4: ['dystonia_neck_or_writers_cramp', 'psychiatric_anxiety_ocd_alcohol_misuse'],
      C5: 'affected_relatives_several_generations', C6: ['none'], D1: 'myoclonus_dystonia_SGCE_confirmed', D2: 'yes',
      E0: 'yes', E1: '50_to_100ms', E2: 'no_eeg_correlate', E3: 'normal', E4: 'not_done',
    });
    expect(findingsThatCouldContradict(v08, openIn(v08, content), content)).toEqual([]);
  });
});
