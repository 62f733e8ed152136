import { describe, expect, test } from 'vitest';
import { content } from './index';
import { categoryReasons } from './reasons';

const entries = Object.entries(categoryReasons).flatMap(([rule, byCategory]) =>
  Object.entries(byCategory).map(([category, text]) => ({ rule, category, text: text ?? '' })),
);

describe('reasons written per category', () => {
  test.for(entries.map((e) => [`${e.rule} → ${e.category}`, e] as const))('%s names an existing rule and a category it moves', ([, e]) => {
    const rule = content.evidence.find((r) => r.id === e.rule);
    expect(rule, `no evidence rule "${e.rule}"`).toBeDefined();
    expect(Object.keys(rule?.effects ?? {})).toContain(e.category);
  });

  test.for(entries.map((e) => [`${e.rule} → ${e.category}`, e] as const))('%s argues in the direction the rule moves it', ([, e]) => {
    const points = content.evidence.find((r) => r.id === e.rule)?.effects[e.category as keyof typeof content.labels.categories] ?? 0;
    // A reason against a category says so; a reason for it does not.
    expect(/argues? against|stops in sleep|these jerks stop/i.test(e.text)).toBe(points < 0);
  });

  test('only rules that move more than one category need their own sentences', () => {
    const single = Object.keys(categoryReasons).filter((id) => Object.keys(content.evidence.find((r) => r.id === id)?.effects ?? {}).length < 2);
    expect(single).toEqual([]);
  });
});
