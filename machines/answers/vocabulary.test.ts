import { describe, expect, test } from 'vitest';
import { content } from '../../content/index';
import { withoutUnknown } from './answers';
import { answerKind, answerText } from './vocabulary';

const a2 = content.questions.find((q) => q.id === 'A2')!;

describe('one answer vocabulary', () => {
  test.for([
    ['option ids', ['hands_fingers', 'neck'], 'answered', null],
    ['"unknown"', 'unknown', 'unknown', 'Unknown / not assessed'],
    ['["unknown"], a spelling from outside', ['unknown'], 'unknown', 'Unknown / not assessed'],
    ['no value', undefined, 'unanswered', 'Not answered'],
    ['an empty list', [], 'unanswered', 'Not answered'],
  ] as const)('%s is %s and reads as its option labels or the one phrase of its kind', ([, value, kind, text]) => {
    const labels = Object.fromEntries(a2.options.map((o) => [o.id, o.label]));
    const expected = text ?? (value as readonly string[]).map((id) => labels[id]).join('; ');
    expect({ kind: answerKind(value), text: answerText(a2, value) }).toEqual({ kind, text: expected });
  });

  test('only answered questions carry evidence: an explicit unknown is left out like a question never answered', () => {
    expect(withoutUnknown({ G1: 'positive_jerks', G2: 'unknown', A2: ['unknown'] })).toEqual({ G1: 'positive_jerks' });
  });
});
