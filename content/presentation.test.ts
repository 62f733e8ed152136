import { describe, expect, test } from 'vitest';
import { SEED_ERRORS } from '../tests/support/seed-errors';
import { content } from './index';
import { dbsScope, definitiveFindings, methodFigures, pointsLegend, seedCorrections } from './presentation';

const figures = () => methodFigures(content).map((f) => `${f.term}: ${f.text}`).join(' ');

describe('presentation words follow the data', () => {
  test('the points legend in the method states the weights the rules use', () => {
    expect(figures()).toContain('Points per answer: +2 strong, +1 moderate, −1 against, +4 definitive neurophysiology.');
  });

  test('the points legend explains exactly the weights the rules use', () => {
    const used = new Set(content.evidence.flatMap((r) => Object.values(r.effects)));
    expect(new Set(pointsLegend.map((p) => p.points))).toEqual(used);
  });

  test('the method states the thresholds the assessment uses', () => {
    const { minTopScore, minLead, minDiscriminatingAnswers } = content.thresholds;
    expect(figures()).toContain(
      `the leading score is under ${minTopScore}; it leads the next category by less than ${minLead}; fewer than ${minDiscriminatingAnswers} answers`,
    );
  });

  test('the method lists every finding the rules mark definitive, and no other', () => {
    const method = figures();
    const definitive = content.evidence.filter((r) => r.definitive).map((r) => r.id);
    expect(definitiveFindings(content).map((d) => d.rule)).toEqual(definitive);
    expect(definitiveFindings(content).filter((d) => !method.includes(d.text))).toEqual([]);
  });

  test('the indeterminate reasons shown state the thresholds the assessment uses', () => {
    const { minTopScore, minLead, minDiscriminatingAnswers } = content.thresholds;
    const r = content.labels.indeterminateReasons;
    expect([r.low_top_score, r.narrow_lead, r.thin_evidence]).toEqual([
      expect.stringContaining(`score of ${minTopScore}`),
      expect.stringContaining(`less than ${minLead} points`),
      expect.stringContaining(`Fewer than ${minDiscriminatingAnswers} answers`),
    ]);
  });

  test('the DBS scope names every diagnosis with a route, and no other', () => {
    const scope = dbsScope(content);
    expect(content.dbs.filter((r) => !scope.includes(r.label.toLowerCase()))).toEqual([]);
    expect(scope).toBe('The source article discusses deep brain stimulation only for an established diagnosis of myoclonus-dystonia or progressive myoclonus epilepsy.');
  });
});


describe('the seed-article corrections', () => {
  test.for(seedCorrections.map((c) => [c.id, c] as const))('%s: the correction does not repeat the seed’s error', ([, c]) => {
    expect(SEED_ERRORS.filter((e) => e.pattern.test(c.correction)).map((e) => e.says)).toEqual([]);
  });

  test('the method’s figures repeat no seed error', () => {
    expect(SEED_ERRORS.filter((e) => e.pattern.test(figures())).map((e) => e.says)).toEqual([]);
  });
});
