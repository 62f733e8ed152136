import { describe, expect, test } from 'vitest';
import { content, type TDbsBlock } from '../../content/index';
import { categoryReasons } from '../../content/reasons';
import { parseAnswerFile } from '../answers/parse';
import { assess } from '../assessment/assess';
import { loadVignette } from '../../tests/support/vignettes';
import { changeSentence, resultModel, type TDbsPanel, type TResultModel } from './result-model';

type TAnswerInput = Record<string, unknown>;

const vignette = (id: string): TAnswerInput => loadVignette(id).answers;

function modelOf(answers: TAnswerInput): TResultModel {
  const parsed = parseAnswerFile({ answers }, content);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  return resultModel(assess(parsed.answers, content), content);
}

const name = (c: keyof typeof content.labels.categories) => content.labels.categories[c].name;
/** Every word of a DBS panel, to check nothing names a target when it must not. */
const panelText = (panel: TDbsPanel) => JSON.stringify(panel);
const TARGET_WORDS = Object.values(content.labels.targets);

describe('status and headline', () => {
  test('a determinate result says "Most likely" and names the category, its generator and the leading bar', () => {
    const m = modelOf(vignette('V01'));
    expect(m.status).toBe('category');
    expect(m.headline).toBe(`Most likely physiological category: ${name('cortical')}`);
    expect(m.statusLine).toContain(content.labels.categories.cortical.generator);
    expect(m.scores?.rows.filter((r) => r.leading).map((r) => r.category)).toEqual(['cortical']);
  });

  test('a category decided by definitive neurophysiology says so', () => {
    expect(modelOf(vignette('V01')).details.join(' ')).toMatch(/Definitive neurophysiology decides this category/);
  });

  test('an indeterminate result with one category left open says it leads but is not decided, not that categories are not separated', () => {
    // Multifocal jerks and nothing else: too thin to decide, cortical the only category that scored.
    const m = resultModel(assess({ G1: 'positive_jerks', G2: 'no', G3: 'absent', C1: 'chronic_months_to_years', C6: ['none'], A1: 'multifocal_independent' }, content), content);
    expect({ status: m.status, headline: m.headline, statusLine: m.statusLine }).toEqual({
      status: 'indeterminate',
      headline: 'Indeterminate: the answers do not decide the category',
      statusLine: `Leading, not decided: ${name('cortical')}.`,
    });
  });

  test('an indeterminate result names the compatible categories and why, and marks no bar as leading', () => {
    const m = modelOf(vignette('V18'));
    expect(m.status).toBe('indeterminate');
    expect(m.headline).toBe('Indeterminate: the answers do not separate the categories');
    expect(m.statusLine).toBe(`Still compatible, best first: ${name('cortical')}, ${name('subcortical-nonsegmental')}.`);
    expect(m.details.length).toBeGreaterThan(0);
    expect(m.scores?.rows.some((r) => r.leading)).toBe(false);
    expect(m.topReasons).toBeNull();
  });

  test('under red flags the result is provisional, never a category, and the red flags come with their reasons', () => {
    const m = modelOf(vignette('V22'));
    expect(m.status).toBe('provisional');
    expect(m.headline).toMatch(/^Indeterminate: red flags come first/);
    expect(m.redFlags?.items.map((f) => f.label)).toContain(content.labels.redFlags.acute_post_hypoxic);
    expect(m.details).toContain(content.labels.indeterminateReasons.red_flags);
  });

  test('a provisional leader is never drawn as a decided one', () => {
    const m = modelOf(vignette('P21'));
    expect(m.scores?.rows.map((r) => r.emphasis)).toContain('provisional');
    expect(m.scores?.rows.map((r) => r.emphasis)).not.toContain('leading');
  });

  test('with red flags and a clear leader, the leader is named as provisional', () => {
    const m = modelOf(vignette('P21'));
    expect(m.status).toBe('provisional');
    expect(m.statusLine).toBe(`Provisional, to be reconsidered once the red flags are assessed: ${name('subcortical-nonsegmental')}.`);
  });

  test('a mimic found in section G reads "Possibly not myoclonus", gives no scores, no evidence and no DBS panel, and says what the safety screen found', () => {
    const m = modelOf(vignette('V20'));
    expect(m.status).toBe('mimic');
    expect(m.headline).toBe(`Possibly not myoclonus: ${content.labels.mimics.functional.toLowerCase()}`);
    expect([m.scores, m.evidence, m.topReasons, m.dbs]).toEqual([null, [], null, { kind: 'hidden' }]);
    expect({ line: m.statusLine, panel: m.mimic?.safetyScreen }).toEqual({ line: content.labels.safetyScreen.red_flags, panel: content.labels.safetyScreen.red_flags });
  });

  test.for([
    ['the safety screen answered with no red flag', { C1: 'chronic_months_to_years', C3: 'static_or_very_slow', C4: ['none'], C6: ['none'] }, 'clear'],
    ['the safety screen not completed', { C1: 'chronic_months_to_years' }, 'incomplete'],
  ] as const)('a gate mimic with %s says so', ([, screen, said]) => {
    const m = modelOf({ G1: 'positive_jerks', G2: 'yes', G3: 'absent', ...screen });
    expect(m.statusLine).toBe(content.labels.safetyScreen[said]);
  });

  test('a mimic found after the other sections hides the scores the assessment still computed', () => {
    const answers = vignette('P10');
    const parsed = parseAnswerFile({ answers }, content);
    expect(parsed.ok && assess(parsed.answers, content).ranking.some((r) => r.score !== 0)).toBe(true);
    const m = modelOf(answers);
    expect(m.status).toBe('mimic');
    expect([m.scores, m.evidence]).toEqual([null, []]);
    expect(m.mimic?.items.map((f) => f.rule)).toEqual(['mimic.E2.functional']);
  });

  test('a mimic with red flags keeps the red flags', () => {
    const m = modelOf(vignette('P25'));
    expect(m.status).toBe('mimic');
    expect(m.redFlags?.items.map((f) => f.label)).toEqual([content.labels.redFlags.acute_or_subacute_onset]);
  });

  test('hypnic jerks beside a red flag get the cautious next step, never reassurance, with what is not recorded', () => {
    const m = modelOf({ G1: 'positive_jerks', G2: 'no', G3: 'absent', B6: 'only_single_jerks_when_falling_asleep_healthy_person', C1: 'acute_hours_to_days' });
    expect(m.mimic).toBeNull();
    const item = m.setAside?.items[0];
    expect(item?.nextStep).toBe(content.mimics.find((r) => r.id === 'mimic.B6.physiological')?.reassuring?.nextStep);
    expect(item?.nextStep).not.toMatch(/reassurance/i);
    expect(item?.withheld).toEqual(expect.arrayContaining([content.labels.reassuranceBlocks.red_flags, content.labels.reassuranceBlocks.persists_in_sleep]));
  });

  test('each red flag says what to do first', () => {
    const m = modelOf(vignette('V22'));
    expect(m.redFlags?.items.map((f) => f.nextStep)).toEqual(content.redFlags.filter((r) => m.redFlags?.items.some((f) => f.rule === r.id)).map((r) => r.nextStep));
    expect(m.redFlags?.items.every((f) => (f.nextStep ?? '').length > 0)).toBe(true);
  });
});

describe('scores and evidence', () => {
  test('the picture’s text alternative states every score the bars show', () => {
    const m = modelOf(vignette('V08'));
    const missing = m.scores!.rows.filter((r) => !m.scores!.summary.includes(`${r.name} ${r.scoreText}`));
    expect(missing).toEqual([]);
  });

  test('negative scores are written with a true minus sign', () => {
    const m = modelOf({ G1: 'positive_jerks', G2: 'no', G3: 'absent', B2: 'no' });
    expect(m.scores?.rows.find((r) => r.category === 'cortical')?.scoreText).toBe('−1');
  });

  test('a rule that moves several categories gives each the sentence written for it', () => {
    const m = modelOf(vignette('V01'));
    const reason = (category: string) => m.evidence.find((e) => e.category === category)?.reasons.find((r) => r.rule === 'E1.under_50ms')?.why;
    expect([reason('cortical-subcortical'), reason('segmental')]).toEqual([
      categoryReasons['E1.under_50ms']?.['cortical-subcortical'],
      categoryReasons['E1.under_50ms']?.segmental,
    ]);
  });

  test('a rule moving one category keeps its own reason', () => {
    const m = modelOf(vignette('V01'));
    const e2 = m.evidence.find((e) => e.category === 'cortical')?.reasons.find((r) => r.rule === 'E2.focal_cortical_spike_before_jerk');
    expect(e2?.why).toBe(content.evidence.find((r) => r.id === 'E2.focal_cortical_spike_before_jerk')?.why);
  });

  test('an answer of a pattern already counted shows 0 points and the answer it was counted with', () => {
    const m = modelOf(vignette('V01'));
    const cortical = m.evidence.find((e) => e.category === 'cortical')!;
    const zero = cortical.reasons.filter((r) => r.points === 0);
    expect(zero.length).toBeGreaterThan(0);
    expect(zero.every((r) => r.pointsText === '0' && r.countedWith !== null)).toBe(true);
  });

  test('the leader’s top reasons are its strongest answers for it, at most three', () => {
    const m = modelOf(vignette('V01'));
    const all = m.evidence.find((e) => e.category === 'cortical')!.reasons.map((r) => r.points).filter((p) => p > 0);
    expect(m.topReasons!.reasons.map((r) => r.points)).toEqual(all.sort((a, b) => b - a).slice(0, 3));
    expect(m.topReasons!.reasons).toHaveLength(3);
  });

  test('when they are not all its reasons, they are titled “the 3 strongest reasons” and say where the others are', () => {
    const m = modelOf(vignette('V01'));
    expect(m.topReasons).toMatchObject({ title: 'Why Cortical leads: the 3 strongest reasons', more: expect.stringContaining('Why: the categories ranked') });
  });

  test('near miss — when they are all its reasons, the title says only why it leads', () => {
    const m = modelOf({ G1: 'positive_jerks', G2: 'no', G3: 'absent', C1: 'chronic_months_to_years', C2: '21_to_50', C3: 'static_or_very_slow', C4: ['none'], C5: 'none', C6: ['none'], D1: 'none', E0: 'yes', E2: 'focal_cortical_spike_before_jerk' });
    const positive = m.evidence.find((e) => e.leading)?.reasons.filter((r) => r.points > 0) ?? [];
    expect(positive.length).toBeLessThanOrEqual(3);
    expect(m.topReasons).toMatchObject({ title: `Why ${m.topReasons?.category} leads`, more: null });
  });
});

describe('what would change this', () => {
  test('a question a content rule asks first says why', () => {
    const m = modelOf({ G1: 'negative_lapses', G2: 'no', G3: 'absent' });
    expect(m.missing?.items[0]).toMatchObject({ question: 'C6', first: content.askFirst[0]?.why });
  });

  test.for(['V01', 'V12', 'V15', 'V18', 'V22'])('%s: each open question says what an answer could change in one sentence of words, no codes or lists', (id) => {
    const m = modelOf(vignette(id));
    const sentences = m.missing?.items.map((i) => i.change) ?? [];
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.filter((t) => !/^An answer could [^.;|:]+(\([^)]*\)[^.;|:]*)*\.$/.test(t) || /[a-z]+:[a-z_]+|not decided|provisionally/.test(t))).toEqual([]);
  });

  test('a question whose answer opens others says how many, not their list', () => {
    const m = modelOf(vignette('V18'));
    expect(m.missing?.items.find((i) => i.question === 'E0')?.opens).toBe('Its answer opens 4 more questions.');
  });
});

describe('the DBS panel', () => {
  const md = vignette('V08');

  test('with refractoriness established, it lists diagnosis, target and refractory as fields, and each target with its level of evidence', () => {
    const dbs = modelOf(md).dbs;
    expect(dbs.kind).toBe('discussed');
    if (dbs.kind !== 'discussed') return;
    expect(dbs.fields).toEqual([
      { label: 'Established diagnosis', value: 'Myoclonus-dystonia' },
      { label: 'Disabling and refractory to treatment', value: 'Yes' },
    ]);
    expect(dbs.targets).toEqual([{ name: content.labels.targets.GPi, evidence: content.dbs[0]?.targetEvidence.GPi }]);
  });

  test('for PME the targets are the SNr and the STN/SNr border, each with its level of evidence', () => {
    const dbs = modelOf(vignette('V01')).dbs;
    if (dbs.kind !== 'discussed') throw new Error('expected the discussion');
    expect(dbs.targets.map((t) => t.name)).toEqual([content.labels.targets.SNr, content.labels.targets.STN]);
    expect(dbs.targets.map((t) => t.evidence)).toEqual([content.dbs[1]?.targetEvidence.SNr, content.dbs[1]?.targetEvidence.STN]);
  });

  test('keeps the target caveat beside the targets and the seed corrections apart from the evidence', () => {
    const dbs = modelOf(md).dbs;
    if (dbs.kind !== 'discussed') throw new Error('expected the discussion');
    expect(dbs.targetCaveats.map((n) => n.id)).toEqual(['md.vim']);
    expect(dbs.corrections.map((n) => n.id)).toEqual(['md.staging', 'md.correction']);
    expect([...dbs.evidence, ...dbs.caveats].some((n) => n.kind === 'source-correction')).toBe(false);
  });

  test('with refractoriness not recorded, no target: the panel says the literature discusses DBS only for refractory myoclonus, and asks', () => {
    const dbs = modelOf({ ...md, D2: 'unknown' }).dbs;
    expect(dbs).toMatchObject({ kind: 'blocked', reasons: [content.labels.dbsBlocks.refractoriness_not_established], ask: { question: 'D2' } });
    expect(TARGET_WORDS.filter((t) => panelText(dbs).includes(t))).toEqual([]);
  });

  test('with findings left unknown that could contradict the diagnosis, the panel names them', () => {
    const dbs = modelOf({ ...md, E2: 'unknown' }).dbs;
    expect(dbs).toMatchObject({ kind: 'blocked', reasons: [content.labels.dbsBlocks.findings_incomplete], unknownFindings: [{ question: 'E2' }] });
  });

  test.for([
    ['not_refractory', { ...md, D2: 'no' }],
    ['diagnosis_conflict', { ...md, E2: 'focal_cortical_spike_before_jerk' }],
    ['mimic', { ...md, E2: 'bereitschaftspotential_before_jerks' }],
    ['red_flags', vignette('P21')],
    ['gate_incomplete', { ...md, G2: 'unknown' }],
    ['safety_screen_incomplete', { ...md, C6: 'unknown' }],
  ] as [TDbsBlock, TAnswerInput][])('blocked by %s, it says why in its place and names no target', ([reason, answers]) => {
    const dbs = modelOf(answers).dbs;
    expect(dbs).toMatchObject({ kind: 'blocked', intro: expect.stringMatching(/myoclonus-dystonia is recorded/) });
    expect(dbs.kind === 'blocked' && dbs.reasons).toContain(content.labels.dbsBlocks[reason]);
    expect(TARGET_WORDS.filter((t) => panelText(dbs).includes(t))).toEqual([]);
  });

  test('without a diagnosis that has a route, it says which diagnoses the discussion covers', () => {
    const dbs = modelOf(vignette('V18')).dbs;
    expect(dbs).toMatchObject({ kind: 'not-covered', text: expect.stringContaining('myoclonus-dystonia or progressive myoclonus epilepsy') });
  });
});

describe('conflicts and sources', () => {
  test('a diagnosis the findings contradict says what conflicts and what to reconcile', () => {
    const m = modelOf({ ...vignette('V08'), E2: 'focal_cortical_spike_before_jerk' });
    expect(m.warnings).toEqual([
      expect.objectContaining({ title: content.labels.warnings.diagnosis_conflicts_with_findings, reconcile: expect.stringMatching(/^Review the neurophysiology/) }),
    ]);
  });

  test('the sources cited are those of what is shown: a mimic cites no evidence rule', () => {
    const m = modelOf(vignette('V20'));
    const shownIds = new Set([
      ...content.mimics.filter((r) => r.mimic === 'functional').flatMap((r) => r.sources),
      ...content.redFlags.filter((r) => m.redFlags?.items.some((f) => f.rule === r.id)).flatMap((r) => r.sources),
    ]);
    expect(m.sources.filter((s) => !shownIds.has(s.id))).toEqual([]);
    expect(m.sources.length).toBeGreaterThan(0);
  });

  test('the appendix lists every question asked, "Not answered" where none was given and "Unknown / not assessed" where it was chosen', () => {
    const m = modelOf(vignette('V22'));
    const rows = m.answers.flatMap((s) => s.rows);
    expect(rows.find((r) => r.question === 'B2')?.answers).toEqual(['Not answered']);
    const chosen = modelOf({ ...vignette('V22'), B2: 'unknown' }).answers.flatMap((s) => s.rows);
    expect(chosen.find((r) => r.question === 'B2')?.answers).toEqual(['Unknown / not assessed']);
    const acute = content.questions.find((q) => q.id === 'C1')?.options.find((o) => o.id === 'acute_hours_to_days')?.label;
    expect(rows.find((r) => r.question === 'C1')?.answers).toEqual([acute]);
  });
});

describe('what an answer could change, in one sentence', () => {
  const names = content.labels.categories;
  test.for([
    ['a decided result that an answer could leave undecided', ['indeterminate:cortical|segmental', 'indeterminate:segmental'], 'category', 'An answer could leave the category undecided.'],
    ['an undecided result that an answer could change', ['indeterminate:cortical|segmental'], 'indeterminate', 'An answer could change which categories stay open.'],
    [
      'a red flag, a mimic and two categories',
      ['cortical', 'red-flag:acute_or_subacute_onset', 'mimic:functional', 'segmental'],
      'indeterminate',
      `An answer could raise a red flag (acute or subacute onset), show that the movements may not be myoclonus (possible functional jerks) or make ${names.cortical.name} or ${names.segmental.name} the most likely category.`,
    ],
  ] as const)('%s', ([, codes, status, sentence]) => {
    expect(changeSentence(codes, status, content)).toBe(sentence);
  });
});
