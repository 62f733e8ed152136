import { describe, expect, test, vi } from 'vitest';
import { changelog } from './changelog';
import { SEED_ERRORS } from '../tests/support/seed-errors';
import type * as Data from './data';
import { content, contentInput, CONTENT_VERSION, parseContent } from './index';

/** The bundle as written, whatever its declared type; the breakages below edit deep copies of it. */
type TBundle = typeof contentInput;

/**
 * The question bank's contract (question-bank.md, "Sections, questions, options"), copied here by
 * hand on purpose: answer files, saved sessions and exports depend on these ids never changing.
 */
const CONTRACT: readonly { id: string; section: string; kind: 'single' | 'multi'; options: readonly string[] }[] = [
  { id: 'G1', section: 'G', kind: 'single', options: ['positive_jerks', 'negative_lapses', 'both', 'sustained_twisting_postures_only', 'regular_oscillation_only', 'continuous_flowing_random'] },
  { id: 'G2', section: 'G', kind: 'single', options: ['yes', 'no'] },
  { id: 'G3', section: 'G', kind: 'single', options: ['present', 'absent'] },
  { id: 'C1', section: 'C', kind: 'single', options: ['acute_hours_to_days', 'subacute_weeks', 'chronic_months_to_years'] },
  { id: 'C1a', section: 'C', kind: 'single', options: ['within_3_months', '3_to_12_months_ago', 'over_a_year_ago'] },
  { id: 'C2', section: 'C', kind: 'single', options: ['under_10', '10_to_20', '21_to_50', 'over_50'] },
  { id: 'C3', section: 'C', kind: 'single', options: ['static_or_very_slow', 'progressive', 'rapidly_progressive_weeks_to_months', 'improving'] },
  { id: 'C4', section: 'C', kind: 'multi', options: ['dystonia_neck_or_writers_cramp', 'epileptic_seizures', 'cerebellar_ataxia', 'cognitive_decline', 'developmental_regression_or_vision_loss', 'rapidly_progressive_dementia', 'psychiatric_anxiety_ocd_alcohol_misuse', 'spinal_cord_signs', 'new_focal_cortical_signs', 'reduced_consciousness', 'prior_facial_palsy_same_side', 'opsoclonus', 'none'] },
  { id: 'C5', section: 'C', kind: 'single', options: ['affected_relatives_several_generations', 'affected_siblings_or_parental_consanguinity', 'none'] },
  { id: 'C6', section: 'C', kind: 'multi', options: ['new_or_changed_drug', 'current_drug_known_to_cause_myoclonus', 'metabolic_derangement', 'recent_hypoxia_still_comatose_or_within_days', 'remote_hypoxia_now_awake', 'infection_or_autoimmune_or_paraneoplastic', 'fever_or_acute_systemic_illness', 'recent_hypoxia_awake_within_days', 'known_structural_lesion', 'none'] },
  { id: 'C6a', section: 'C', kind: 'single', options: ['cortex', 'brainstem', 'spinal_cord', 'root_plexus_or_nerve', 'elsewhere_or_several'] },
  { id: 'D1', section: 'D', kind: 'single', options: ['myoclonus_dystonia_SGCE_confirmed', 'myoclonus_dystonia_clinical', 'PME', 'genetic_generalized_epilepsy_eg_JME', 'lance_adams', 'hemifacial_spasm', 'spinal_cord_lesion', 'hyperekplexia', 'none'] },
  { id: 'D1a', section: 'D', kind: 'single', options: ['ULD', 'Lafora', 'MERRF', 'NCL', 'sialidosis', 'other', 'unspecified'] },
  { id: 'D2', section: 'D', kind: 'single', options: ['yes', 'no'] },
  { id: 'E0', section: 'E', kind: 'single', options: ['yes', 'no'] },
  { id: 'E1', section: 'E', kind: 'single', options: ['under_50ms', '50_to_100ms', 'over_100ms', 'not_done'] },
  { id: 'E2', section: 'E', kind: 'single', options: ['focal_cortical_spike_before_jerk', 'generalized_spike_wave_locked_to_jerks', 'no_eeg_correlate', 'bereitschaftspotential_before_jerks', 'not_done'] },
  { id: 'E3', section: 'E', kind: 'single', options: ['giant_SEP_and_or_C_reflex', 'normal', 'not_done'] },
  { id: 'E4', section: 'E', kind: 'single', options: ['craniocaudal_fast_descending', 'starts_SCM_or_trapezius_spreads_up_and_down', 'confined_to_adjacent_segments', 'starts_trunk_slow_spread_3_to_16_m_per_s', 'single_nerve_territory_or_lateral_spread', 'not_done'] },
  { id: 'B6', section: 'B', kind: 'single', options: ['clusters_after_awakening', 'lying_relaxed_or_falling_asleep_with_insomnia', 'only_single_jerks_when_falling_asleep_healthy_person', 'none'] },
  { id: 'B1', section: 'B', kind: 'single', options: ['yes', 'no'] },
  { id: 'B2', section: 'B', kind: 'single', options: ['yes', 'no'] },
  { id: 'B3', section: 'B', kind: 'multi', options: ['touch_or_stretch_local_jerk', 'tap_face_or_sternum_generalized_jerk', 'sudden_noise_startle', 'visual_or_flashing_light', 'none'] },
  { id: 'B4', section: 'B', kind: 'single', options: ['irregular', 'rhythmic_or_semirhythmic'] },
  { id: 'B5', section: 'B', kind: 'single', options: ['yes', 'no'] },
  { id: 'B7', section: 'B', kind: 'single', options: ['marked_improvement', 'no_effect', 'never_tried'] },
  { id: 'A1', section: 'A', kind: 'single', options: ['focal', 'multifocal_independent', 'segmental_contiguous', 'generalized_bilateral_synchronous', 'generalized_asynchronous'] },
  { id: 'A2', section: 'A', kind: 'multi', options: ['face_bilateral_or_perioral', 'one_side_face_facial_nerve_territory', 'palate_throat', 'hands_fingers', 'shoulders_proximal_arms', 'neck', 'trunk_abdomen', 'legs'] },
  { id: 'A3', section: 'A', kind: 'single', options: ['distal_more_than_proximal', 'proximal_axial_more_than_distal', 'upper_body_neck_trunk_arms_legs_spared', 'single_nerve_or_root_territory', 'none_clear'] },
];

/** Multi-select options that must stand alone (question bank: "`none` and `unknown` stand alone"). */
const STAND_ALONE: Record<string, readonly string[]> = { B3: ['none'], C4: ['none'], C6: ['none'] };

const sorted = (list: readonly string[]) => [...list].sort();

describe('the content bundle', () => {
  test('parses and carries the content version', () => {
    expect(parseContent(contentInput).version).toBe(CONTENT_VERSION);
  });

  test('loading a broken bundle throws, so the app never starts on content that was not checked', async () => {
    vi.resetModules();
    vi.doMock('./data', async (importOriginal) => {
      const data = await importOriginal<typeof Data>();
      const broken = structuredClone(data.contentData);
      broken.questions[1]!.id = broken.questions[0]!.id;
      return { ...data, contentData: broken };
    });
    try {
      await expect(import('./index')).rejects.toThrow('Invalid content bundle');
    } finally {
      vi.doUnmock('./data');
      vi.resetModules();
    }
  });

  test('parsing adds nothing the bundle does not already say, so browser code may use it unparsed', () => {
    expect(parseContent(contentInput)).toEqual(contentInput);
  });
});

describe('the question bank contract', () => {
  test.for(CONTRACT.map((q) => [q.id, q] as const))('%s exists with the contract’s section, kind and option ids', ([id, contract]) => {
    const q = content.questions.find((x) => x.id === id);
    expect(q && { id: q.id, section: q.section, kind: q.kind, options: sorted(q.options.map((o) => o.id)) }).toEqual({
      ...contract,
      options: sorted(contract.options),
    });
  });

  test('the contract’s questions are asked in this product’s order: the gate G, the safety screen C, the established diagnoses D, neurophysiology E, then the bedside picture B (B6 first) and A', () => {
    const contractIds = new Set(CONTRACT.map((q) => q.id));
    expect(content.questions.map((q) => q.id).filter((id) => contractIds.has(id))).toEqual(CONTRACT.map((q) => q.id));
  });

  test('the sections are G, C, D, E, B, A in that order (red-flag questions right after the gate, decisive answers before the bedside picture)', () => {
    expect(content.sections.map((s) => s.id)).toEqual(['G', 'C', 'D', 'E', 'B', 'A']);
  });

  test.for(Object.entries(STAND_ALONE))('in %s, %s must stand alone', ([id, exclusive]) => {
    const q = content.questions.find((x) => x.id === id);
    expect(q?.kind === 'multi' ? sorted(q.exclusive) : null).toEqual(sorted(exclusive));
  });

  test('no question defines "unknown" as an option: every question accepts it implicitly', () => {
    expect(content.questions.filter((q) => q.options.some((o) => o.id === 'unknown')).map((q) => q.id)).toEqual([]);
  });
});

describe('every question explains itself', () => {
  test.for(content.questions.map((q) => [q.id, q] as const))('%s has help text and names the test that settles it', ([, q]) => {
    expect({ help: q.help.trim().length > 10, settledBy: q.settledBy.trim().length > 3, differs: q.help !== q.prompt })
      .toEqual({ help: true, settledBy: true, differs: true });
  });
});

// ── A deliberately broken bundle is rejected, naming the problem ────────────────────────────────

type TBreak = (bundle: TBundle) => void;

/** Apply one breakage to a deep copy of the real bundle and return the error message. */
function rejection(breakIt: TBreak): string {
  const bundle = structuredClone(contentInput);
  breakIt(bundle);
  try {
    parseContent(bundle);
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
}

const first = <T>(list: readonly T[] | undefined): T => {
  const item = list?.[0];
  if (item === undefined) throw new Error('the bundle has no item to break');
  return item;
};

describe('a broken bundle is rejected with a message naming the problem', () => {
  test.for([
    [
      'an evidence rule naming an unknown question',
      (b: TBundle) => { first(b.evidence).when = { question: 'Z9', op: 'is', value: 'yes' }; },
      /unknown question "Z9"/,
    ],
    [
      'an evidence rule naming an unknown option',
      (b: TBundle) => { first(b.evidence).when = { question: 'B4', op: 'is', value: 'syncopated' }; },
      /unknown option "syncopated" of B4/,
    ],
    [
      'a red-flag rule naming an unknown question',
      (b: TBundle) => { first(b.redFlags).when = { question: 'C9', op: 'includes', value: 'none' }; },
      /unknown question "C9"/,
    ],
    [
      'a mimic rule naming an unknown option',
      (b: TBundle) => { first(b.mimics).when = { question: 'G2', op: 'is', value: 'sometimes' }; },
      /unknown option "sometimes" of G2/,
    ],
    [
      'an evidence rule citing an unknown source',
      (b: TBundle) => { first(b.evidence).sources = ['nobody1999']; },
      /unknown source id "nobody1999"/,
    ],
    [
      'a DBS note citing an unknown source',
      (b: TBundle) => { first(first(b.dbs).notes).sources = ['nobody1999']; },
      /unknown source id "nobody1999"/,
    ],
    [
      'a warning naming an unknown option of D1',
      (b: TBundle) => { first(b.warnings).when = { question: 'D1', op: 'is', value: 'essential_tremor' }; },
      /unknown option "essential_tremor" of D1/,
    ],
    [
      'an ask-first rule naming an unknown question',
      (b: TBundle) => { first(b.askFirst).question = 'C66'; },
      /askFirst names unknown question "C66"/,
    ],
    [
      'a door precondition that an unknown answer would satisfy (a "not")',
      (b: TBundle) => { first(b.doors.dbs).when = { not: { question: 'D2', op: 'is', value: 'no' } }; },
      /door dbs: precondition "gate_incomplete" uses "not"/,
    ],
    [
      'a door precondition with nothing to check',
      (b: TBundle) => { b.doors.summary = [{ id: 'not_settled' }]; },
      /door summary: precondition "not_settled" has neither a condition nor a check/,
    ],
    [
      'a DBS route citing the consumer article outside a correction',
      (b: TBundle) => { first(b.dbs).sources = ['seed', 'rughani2013']; },
      /DBS route myoclonus-dystonia cites the consumer article "seed" outside a correction/,
    ],
    [
      'a DBS note citing the consumer article outside a correction',
      (b: TBundle) => { first(first(b.dbs).notes).sources = ['seed']; },
      /DBS note md.first-line cites the consumer article outside a correction/,
    ],
    [
      'a DBS target without its level of evidence',
      (b: TBundle) => { first(b.dbs).targetEvidence = {}; },
      /target GPi has no level of evidence/,
    ],
    [
      'a pattern that groups a single rule (a typo)',
      (b: TBundle) => { first(b.evidence).pattern = 'cortical-distributoin'; },
      /pattern "cortical-distributoin" groups only one rule/,
    ],
    [
      'a refractory role pointing at a question without yes and no',
      (b: TBundle) => { b.roles.refractoryQuestion = 'A1'; },
      /refractoryQuestion "A1" must be a question with options yes and no/,
    ],
    [
      'a duplicate question id',
      (b: TBundle) => { b.questions[1] = { ...first(b.questions) }; },
      /duplicate question id "G1"/,
    ],
    [
      'a duplicate rule id',
      (b: TBundle) => { b.evidence.push({ ...first(b.evidence) }); },
      /duplicate rule id "G1.negative_lapses"/,
    ],
    [
      'a duplicate source id',
      (b: TBundle) => { b.sources.push({ ...first(b.sources) }); },
      /duplicate source id "seed"/,
    ],
    [
      'a question whose branching depends on a later question',
      (b: TBundle) => {
        const d1a = b.questions.find((q) => q.id === 'D1a');
        if (d1a) d1a.enableWhen = { question: 'E0', op: 'is', value: 'yes' };
      },
      /branching may only depend on earlier questions, not E0/,
    ],
    [
      'a section whose branching depends on a question inside it',
      (b: TBundle) => { b.sections[1] = { ...first(b.sections.slice(1)), enableWhen: { question: 'A1', op: 'is', value: 'focal' } }; },
      /branching may only depend on earlier questions, not A1/,
    ],
    [
      'a multi-select operator on a single-select question',
      (b: TBundle) => { first(b.evidence).when = { question: 'G1', op: 'includes', value: 'both' }; },
      /operator "includes" does not fit single-select question G1/,
    ],
  ] as const)('%s', ([, breakIt, message]) => {
    expect(rejection(breakIt)).toMatch(message);
  });

  test('the unbroken copy is accepted, so each rejection above is due to its breakage', () => {
    expect(rejection(() => {})).toBe('accepted');
  });
});

// ── The source article's errors are not repeated (brief §1(g), §1(e).2.5) ──────────────────────

/** Every string in the bundle with its path, e.g. `dbs.0.notes.5.text`. */
function strings(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}.${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}


/**
 * A seed error may appear only where the bundle corrects it: quoted (“…”) inside a note of kind
 * "source-correction". Anywhere else it would be shown to clinicians as fact.
 */
function quotedInCorrection(path: string, text: string, pattern: RegExp): boolean {
  const note = /^dbs\.(\d+)\.notes\.(\d+)\.text$/.exec(path);
  if (!note) return false;
  const kind = content.dbs[Number(note[1])]?.notes[Number(note[2])]?.kind;
  const quoted = [...text.matchAll(/“([^”]*)”/g)].map((m) => m[1] ?? '');
  return kind === 'source-correction' && quoted.some((q) => pattern.test(q));
}

describe('the source article’s errors are not repeated in displayed text', () => {
  const all = strings(content);

  test.for(SEED_ERRORS.map((e) => [e.says, e.pattern] as const))('no text repeats %s, except a quotation that corrects it', ([, pattern]) => {
    expect(all.filter(({ path, text }) => pattern.test(text) && !quotedInCorrection(path, text, pattern)).map((s) => s.path)).toEqual([]);
  });

  test('the DBS targets are named with the correct anatomy: globus pallidus and pars reticulata', () => {
    expect([content.labels.targets.GPi, content.labels.targets.SNr]).toEqual([
      expect.stringMatching(/globus pallidus/),
      expect.stringMatching(/pars reticulata/),
    ]);
  });

  test('the myoclonus-dystonia route is not described by startle, a brainstem feature', () => {
    const route = content.dbs.find((r) => r.diagnosis === 'myoclonus-dystonia');
    const displayed = [route?.summary ?? '', ...(route?.notes ?? []).filter((n) => n.kind !== 'source-correction').map((n) => n.text)];
    expect(displayed.filter((t) => /startle/i.test(t))).toEqual([]);
  });

  test('the consumer article is cited only where the content corrects it (DBS corrections), never as evidence for a rule', () => {
    const lay = new Set(content.sources.filter((s) => s.lay).map((s) => s.id));
    const citing = [
      ...content.evidence, ...content.mimics, ...content.redFlags, ...content.warnings, ...content.askFirst, ...content.keepOpen,
      ...content.dbs.map((r) => ({ id: r.diagnosis, sources: r.sources })),
      ...content.dbs.flatMap((r) => r.notes.filter((n) => n.kind !== 'source-correction')),
    ].filter((r) => r.sources.some((id) => lay.has(id)));
    expect(citing.map((r) => r.id)).toEqual([]);
  });

  test('DBS text says "discusses", never "recommended"', () => {
    const dbsText = strings(content.dbs).map((s) => s.text);
    expect(dbsText.filter((t) => /\brecommend(ed|s)?\b/i.test(t))).toEqual([]);
  });
});

describe('the changelog', () => {
  test('its newest release is the content version', () => {
    expect(changelog[0]?.version).toBe(CONTENT_VERSION);
  });

  test('every id it names exists in the bundle: a section, a question, an option or a rule', () => {
    const known = new Set<string>([
      ...content.sections.map((s) => s.id),
      ...content.questions.flatMap((q) => [q.id, ...q.options.map((o) => `${q.id}.${o.id}`)]),
      ...content.evidence.map((r) => r.id),
      ...content.mimics.map((r) => r.id),
      ...content.redFlags.map((r) => r.id),
      ...content.warnings.map((r) => r.id),
      ...content.askFirst.map((r) => r.id),
      ...content.keepOpen.map((r) => r.id),
      ...content.dbs.flatMap((r) => r.notes.map((n) => n.id)),
    ]);
    const sources = new Set(content.sources.map((s) => s.id));
    const named = changelog.flatMap((r) => r.changes.flatMap((c) => [...c.ids, ...c.sources.map((s) => `source:${s}`)]));
    expect(named.filter((id) => (id.startsWith('source:') ? !sources.has(id.slice(7)) : !known.has(id)))).toEqual([]);
  });
});
