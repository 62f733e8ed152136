import { describe, expect, test } from 'vitest';
import { content } from '../../content/index';
import { canGoToSummary } from '../assessment/settled';
import { restOfSection, skipRestOfSection } from './shortcuts';

const gateOk = { G1: 'positive_jerks', G2: 'no', G3: 'absent' };

describe('Skip the rest of this section', () => {
  test('records "Unknown / not assessed" for every unanswered enabled question of the section from the current one', () => {
    const answers = { ...gateOk, C1: 'chronic_months_to_years' };
    expect(skipRestOfSection(answers, 'C2', content)).toEqual({ ...answers, C2: 'unknown', C3: 'unknown', C4: 'unknown', C5: 'unknown', C6: 'unknown' });
  });

  test('keeps the answers already given later in the section', () => {
    const answers = { ...gateOk, C1: 'chronic_months_to_years', C4: ['none'] };
    expect(restOfSection(answers, 'C2', content)).toEqual(['C2', 'C3', 'C5', 'C6']);
  });

  test('does not skip questions a branch has not opened (E1–E4 before E0 = yes)', () => {
    expect(restOfSection({ ...gateOk }, 'E0', content)).toEqual(['E0']);
  });

  test('never skips the gate', () => {
    expect(skipRestOfSection({ G1: 'positive_jerks' }, 'G2', content)).toEqual({ G1: 'positive_jerks' });
  });
});

describe('Go to the summary', () => {
  const complete = {
    ...gateOk, C1: 'chronic_months_to_years', C2: '21_to_50', C3: 'static_or_very_slow', C4: ['none'], C5: 'none', C6: ['none'],
    D1: 'none', E0: 'yes', E1: 'under_50ms', E2: 'focal_cortical_spike_before_jerk', E3: 'giant_SEP_and_or_C_reflex', E4: 'not_done',
  };

  test('is offered once definitive neurophysiology has decided and B6 can no longer reveal a mimic', () => {
    expect(canGoToSummary({ ...complete, B6: 'none' }, content)).toBe(true);
  });

  test('is not offered while B6 is open', () => {
    expect(canGoToSummary(complete, content)).toBe(false);
  });

  test('is not offered before the gate is answered, even by unknowns', () => {
    expect(canGoToSummary({ G1: 'positive_jerks' }, content)).toBe(false);
  });

  test.for(['G2', 'C1', 'C3', 'C4', 'C6'])('is not offered with %s recorded as "Unknown": the gate and the safety screen must be answered', (question) => {
    expect(canGoToSummary({ ...complete, [question]: 'unknown', B6: 'none' }, content)).toBe(false);
  });

  test('near miss — "Unknown" for a question outside the gate and the safety screen (C5) keeps it offered', () => {
    expect(canGoToSummary({ ...complete, C5: 'unknown', B6: 'none' }, content)).toBe(true);
  });
});
