import { describe, expect, test } from 'vitest';
import { content, ZCategory } from '../../content/index';
import { answersOf, loadVignette, loadVignettes, type TVignette } from '../../tests/support/vignettes';
import { settleAnswers, type TAnswers } from '../answers/answers';
import { assess, redFlagsOf, type TAssessment } from './assess';

// ── Vignettes: every answer file in tests/vignettes carries its expected assessment ─────────────

/** Read answers the way the CLI does, so a vignette is exactly what `assess FILE` sees. */
const given = (raw: Record<string, unknown>): TAnswers => answersOf({ answers: raw });

const sorted = <T>(list: readonly T[]) => [...list].sort();

/** The part of an assessment a vignette fixes; sets are compared as sorted lists. */
function observed(a: TAssessment, expected: TVignette['expected']) {
  return {
    gate: a.gate,
    mimic: a.mimic,
    redFlags: sorted(a.redFlags),
    category: a.category,
    ...(expected.candidates ? { candidates: sorted(a.candidates) } : {}),
    dbsTargets: a.dbs.targets,
    ...(expected.warnings ? { warnings: sorted(a.warnings.map((w) => w.id)) } : {}),
  };
}
const wanted = (e: TVignette['expected']) => ({
  ...e,
  redFlags: sorted(e.redFlags),
  ...(e.candidates ? { candidates: sorted(e.candidates) } : {}),
  ...(e.warnings ? { warnings: sorted(e.warnings) } : {}),
});

const vignettes = loadVignettes();
const assessVignette = (id: string) => assess(given(loadVignette(id).answers), content);
/** A table row whose first element is the test title, printed in full by `%s`. */
const row = (v: TVignette) => [`${v.file} (${v.title})`, v] as const;

describe('vignettes', () => {
  test('the vignette directory holds the ten public vignettes and project vignettes', () => {
    expect(vignettes.filter((v) => v.id.startsWith('V')).map((v) => v.id)).toEqual([
      'V01', 'V03', 'V05', 'V08', 'V10', 'V12', 'V15', 'V18', 'V20', 'V22',
    ]);
  });

  test.for(vignettes.map(row))('%s gives the expected assessment', ([, v]) => {
    expect(observed(assess(given(v.answers), content), v.expected)).toEqual(wanted(v.expected));
  });

});

// ── Focused behaviour ───────────────────────────────────────────────────────────────────────────

/** A chronic, flag-free jerk picture with little category evidence of its own (C4 left unknown). */
const quietPicture = {
  G1: 'positive_jerks', G2: 'no', G3: 'absent',
  C1: 'chronic_months_to_years', C6: ['none'],
};

/**
 * Rhythmic, sleep-persistent jerks of contiguous segments: a segmental picture, with the gate, the
 * safety screen and the neurophysiology answered (a PME label would need its seizures: C4), and a
 * refractory myoclonus that any DBS route would need (D1a, D2; dropped unless D1 enables them).
 */
const segmentalPicture = {
  ...quietPicture,
  C3: 'static_or_very_slow', C4: ['epileptic_seizures'],
  A1: 'segmental_contiguous', A2: ['shoulders_proximal_arms'],
  B1: 'yes', B2: 'no', B3: ['none'], B4: 'rhythmic_or_semirhythmic', B5: 'yes',
  E0: 'yes', E1: 'over_100ms', E2: 'no_eeg_correlate', E3: 'normal', E4: 'confined_to_adjacent_segments',
  D1a: 'ULD', D2: 'yes',
};

/** Classic SGCE myoclonus-dystonia with every question answered (V08): the DBS door opens. */
const completeMD = () => ({ ...loadVignette('V08').answers });

describe('the DBS discussion follows the established diagnosis (D1) only', () => {
  test('cortical myoclonus after a stroke, without a PME diagnosis, shows no DBS target', () => {
    const a = assessVignette('V03');
    expect({ category: a.category, targets: a.dbs.targets }).toEqual({ category: 'cortical', targets: [] });
  });

  test('a refractory PME diagnosis with a segmental picture still shows SNr and STN', () => {
    const a = assess(given({ ...segmentalPicture, D1: 'PME' }), content);
    expect({ category: a.category, targets: a.dbs.targets }).toEqual({ category: 'segmental', targets: ['SNr', 'STN'] });
  });

  test('a myoclonus-dystonia picture without the diagnosis shows no GPi', () => {
    const a = assessVignette('P23');
    expect({ category: a.category, targets: a.dbs.targets }).toEqual({ category: 'subcortical-nonsegmental', targets: [] });
  });

  test.for([
    // Myoclonus-dystonia is subcortical-nonsegmental: a segmental result conflicts with it (below).
    { d1: 'myoclonus_dystonia_SGCE_confirmed', targets: [] },
    { d1: 'myoclonus_dystonia_clinical', targets: [] },
    { d1: 'PME', targets: ['SNr', 'STN'] },
    { d1: 'genetic_generalized_epilepsy_eg_JME', targets: [] },
    { d1: 'lance_adams', targets: [] },
    { d1: 'hemifacial_spasm', targets: [] },
    { d1: 'spinal_cord_lesion', targets: [] },
    { d1: 'hyperekplexia', targets: [] },
    { d1: 'none', targets: [] },
    { d1: 'unknown', targets: [] },
  ])('D1 = $d1 on the same segmental picture gives DBS targets $targets', ({ d1, targets }) => {
    expect(assess(given({ ...segmentalPicture, D1: d1 }), content).dbs.targets).toEqual(targets);
  });
});

describe('myoclonus-dystonia against the category the answers give (warn.md.category)', () => {
  const dbsOf = (answers: Record<string, unknown>) => {
    const a = assess(given(answers), content);
    return { category: a.category, candidates: a.candidates, targets: a.dbs.targets, blockedBy: a.dbs.blockedBy, rules: a.warnings.map((w) => w.rule) };
  };

  test('a segmental result conflicts with the diagnosis: no target, the warning says what to reconcile', () => {
    expect(dbsOf({ ...segmentalPicture, C4: ['none'], D1: 'myoclonus_dystonia_SGCE_confirmed', D2: 'yes' })).toMatchObject({
      category: 'segmental', targets: [], blockedBy: expect.arrayContaining(['diagnosis_conflict']), rules: ['warn.md.category'],
    });
  });

  test('near miss — a subcortical-nonsegmental result (V08) keeps GPi', () => {
    const a = assessVignette('V08');
    expect({ category: a.category, targets: a.dbs.targets, warnings: a.warnings }).toEqual({ category: 'subcortical-nonsegmental', targets: ['GPi'], warnings: [] });
  });

  test('near miss — an indeterminate result that keeps subcortical-nonsegmental open raises no conflict (the bedside left unknown keeps the door shut)', () => {
    const a = assess(given({ G1: 'positive_jerks', G2: 'no', G3: 'absent', C1: 'chronic_months_to_years', C3: 'static_or_very_slow', C4: ['none'], C6: ['none'], D1: 'myoclonus_dystonia_clinical', D2: 'yes' }), content);
    expect({ category: a.category, openToSN: a.candidates.includes('subcortical-nonsegmental'), blockedBy: a.dbs.blockedBy, warnings: a.warnings }).toEqual({
      category: 'indeterminate', openToSN: true, blockedBy: ['findings_incomplete'], warnings: [],
    });
  });

  test('near miss — the same segmental picture with a PME diagnosis keeps its targets (the PME route follows the diagnosis whatever the category)', () => {
    expect(dbsOf({ ...segmentalPicture, D1: 'PME', D2: 'yes' })).toMatchObject({ category: 'segmental', targets: ['SNr', 'STN'], rules: [] });
  });
});

describe('a PME diagnosis without its defining features (warn.pme.no-defining-features)', () => {
  const pmeWith = (answers: Record<string, unknown>) => assess(given({ ...segmentalPicture, D1: 'PME', D2: 'yes', ...answers }), content);
  test.for([
    ['associated features recorded without epileptic seizures', { C4: ['cerebellar_ataxia'] }],
    ['none of the associated features', { C4: ['none'] }],
    ['an improving course', { C3: 'improving', C4: ['epileptic_seizures'] }],
  ] as const)('%s: the diagnosis conflicts, no target', ([, answers]) => {
    expect(pmeWith(answers).dbs.blockedBy).toContain('diagnosis_conflict');
  });
  test.for([
    ['seizures among the features recorded', { C4: ['epileptic_seizures', 'cerebellar_ataxia'] }],
    ['a static course (Unverricht-Lundborg disease often stabilises in adulthood)', { C3: 'static_or_very_slow', C4: ['epileptic_seizures'] }],
  ] as const)('near miss — %s: no conflict, the targets stay', ([, answers]) => {
    expect(pmeWith(answers).dbs).toMatchObject({ blockedBy: [], targets: ['SNr', 'STN'] });
  });
  test('associated features not recorded (unknown): no conflict raised, but the safety screen is incomplete and no target is listed', () => {
    expect(pmeWith({ C4: 'unknown' }).dbs).toMatchObject({ blockedBy: ['safety_screen_incomplete', 'findings_incomplete'], targets: [] });
  });
});

describe('a red flag hides the DBS discussion of an established diagnosis', () => {
  test.for([
    ['C1', 'acute_hours_to_days', 'acute_or_subacute_onset'],
    ['C1', 'subacute_weeks', 'acute_or_subacute_onset'],
    ['C3', 'rapidly_progressive_weeks_to_months', 'acute_or_subacute_onset'],
    ['C6', 'new_or_changed_drug', 'drug_induced'],
    ['C6', 'current_drug_known_to_cause_myoclonus', 'drug_induced'],
    ['C6', 'metabolic_derangement', 'metabolic'],
    ['C6', 'recent_hypoxia_still_comatose_or_within_days', 'acute_post_hypoxic'],
    ['C6', 'infection_or_autoimmune_or_paraneoplastic', 'infection_autoimmune_paraneoplastic'],
    ['C6', 'fever_or_acute_systemic_illness', 'infection_autoimmune_paraneoplastic'],
    ['C6', 'recent_hypoxia_awake_within_days', 'acute_or_subacute_onset'],
    ['C4', 'opsoclonus', 'infection_autoimmune_paraneoplastic'],
    ['C4', 'rapidly_progressive_dementia', 'rapidly_progressive_dementia'],
    ['C4', 'new_focal_cortical_signs', 'new_focal_or_spinal_signs'],
    ['C4', 'spinal_cord_signs', 'new_focal_or_spinal_signs'],
    ['C4', 'reduced_consciousness', 'reduced_consciousness'],
  ] as const)('%s = %s raises %s, and refractory myoclonus-dystonia shows no DBS text', ([question, option, flag]) => {
    const answer = question === 'C1' || question === 'C3' ? option : [option];
    const a = assess(given({ ...completeMD(), [question]: answer }), content);
    expect({ flag: a.redFlags.includes(flag), dbs: a.dbs }).toEqual({
      flag: true,
      dbs: expect.objectContaining({ targets: [], summary: null, notes: [], blockedBy: expect.arrayContaining(['red_flags']) }),
    });
  });

  test('the new hypoxia option raises the acute-onset flag, not the acute post-hypoxic one (EEG separates the two pictures)', () => {
    const a = assess(given({ ...quietPicture, C6: ['recent_hypoxia_awake_within_days'] }), content);
    expect({ flags: a.redFlags, eeg: a.explanation.redFlags.every((f) => /EEG/.test(f.why)) }).toEqual({ flags: ['acute_or_subacute_onset'], eeg: true });
  });

  test.for([
    ['within 3 months', 'within_3_months', 'static_or_very_slow', true],
    ['3 to 12 months ago', '3_to_12_months_ago', 'static_or_very_slow', true],
    ['over a year ago, the course unknown', 'over_a_year_ago', 'unknown', true],
    ['over a year ago, progressive since', 'over_a_year_ago', 'progressive', true],
    ['its date unknown', 'unknown', 'static_or_very_slow', true],
    ['over a year ago, static since (no new presentation)', 'over_a_year_ago', 'static_or_very_slow', false],
    ['over a year ago, improving since (no new presentation)', 'over_a_year_ago', 'improving', false],
  ] as const)('an acute onset %s raises the acute-onset flag: %s', ([, c1a, c3, raised]) => {
    const a = assess(given({ ...quietPicture, C1: 'acute_hours_to_days', C1a: c1a, C3: c3 }), content);
    expect(a.redFlags.includes('acute_or_subacute_onset')).toBe(raised);
  });

  test('a rapidly progressive course raises the acute-onset flag whatever C1a says', () => {
    const a = assess(given({ ...quietPicture, C1: 'acute_hours_to_days', C1a: 'over_a_year_ago', C3: 'rapidly_progressive_weeks_to_months' }), content);
    expect(a.redFlags).toEqual(['acute_or_subacute_onset']);
  });

  test.for([
    ['a cord-lesion diagnosis never imaged (D1 alone)', { D1: 'spinal_cord_lesion' }, true],
    ['a known lesion whose site is not recorded', { C6: ['known_structural_lesion'] }, true],
    ['an imaged lesion of the spinal cord', { C6: ['known_structural_lesion'], C6a: 'spinal_cord' }, false],
  ] as const)('spinal cord signs with %s: red flag %s', ([, extra, raised]) => {
    const a = assess(given({ ...quietPicture, C4: ['spinal_cord_signs'], ...extra }), content);
    expect(a.redFlags.includes('new_focal_or_spinal_signs')).toBe(raised);
  });

  test('spinal cord signs with a known lesion of the spinal cord are not a red flag', () => {
    const a = assess(given({ ...quietPicture, A1: 'segmental_contiguous', C4: ['spinal_cord_signs'], C6: ['known_structural_lesion'], C6a: 'spinal_cord' }), content);
    expect(a.redFlags).toEqual([]);
  });

  test.for(['cortex', 'root_plexus_or_nerve', 'unknown'])('spinal cord signs are still a red flag when the known lesion is at another site (C6a = %s)', (site) => {
    const a = assess(given({ ...quietPicture, A1: 'segmental_contiguous', C4: ['spinal_cord_signs'], C6: ['known_structural_lesion'], C6a: site }), content);
    expect(a.redFlags).toEqual(['new_focal_or_spinal_signs']);
  });

  test('without the red flag the same refractory myoclonus-dystonia shows GPi', () => {
    expect(assess(given(completeMD()), content).dbs.targets).toEqual(['GPi']);
  });
});

describe('a mimic takes precedence over categories and DBS, never over red flags', () => {
  /** A textbook cortical picture with red-flag answers and an established PME diagnosis. */
  const corticalWithFlags = {
    A1: 'multifocal_independent', A2: ['hands_fingers'], A3: 'distal_more_than_proximal', B2: 'yes',
    B3: ['touch_or_stretch_local_jerk'], C1: 'acute_hours_to_days', C6: ['new_or_changed_drug'],
    D1: 'PME', D2: 'yes', E0: 'yes', E1: 'under_50ms', E2: 'focal_cortical_spike_before_jerk', E3: 'giant_SEP_and_or_C_reflex',
  };

  test.for([
    ['G1 = sustained_twisting_postures_only', 'dystonia', { G1: 'sustained_twisting_postures_only' }],
    // Neurophysiology stays asked after a tremor answer; here it was not done (else the cortical
    // findings would set the tremor aside, below).
    ['G1 = regular_oscillation_only', 'tremor', { G1: 'regular_oscillation_only', E0: 'no' }],
    ['G1 = continuous_flowing_random', 'chorea', { G1: 'continuous_flowing_random' }],
    ['G2 = yes', 'tics', { G1: 'positive_jerks', G2: 'yes' }],
    ['G3 = present', 'functional', { G1: 'positive_jerks', G3: 'present' }],
  ] as const)('%s gives the mimic %s with no category and no DBS target, and still every red flag of the safety screen', ([, mimic, gate]) => {
    const a = assess(given({ ...corticalWithFlags, ...gate }), content);
    expect({ gate: a.gate, mimic: a.mimic, category: a.category, candidates: a.candidates, redFlags: sorted(a.redFlags), targets: a.dbs.targets, screen: a.explanation.safetyScreen })
      .toEqual({ gate: 'mimic', mimic, category: null, candidates: [], redFlags: ['acute_or_subacute_onset', 'drug_induced'], targets: [], screen: 'red_flags' });
  });

  test.for([
    ['red flags raised', { C1: 'acute_hours_to_days', C3: 'static_or_very_slow', C4: ['none'], C6: ['none'] }, 'red_flags'],
    ['the safety screen answered with none', { C1: 'chronic_months_to_years', C3: 'static_or_very_slow', C4: ['none'], C6: ['none'] }, 'clear'],
    ['the safety screen not completed (C6 unknown)', { C1: 'chronic_months_to_years', C3: 'static_or_very_slow', C4: ['none'], C6: 'unknown' }, 'incomplete'],
    ['the safety screen not completed (C4 left out)', { C1: 'chronic_months_to_years', C3: 'static_or_very_slow', C6: ['none'] }, 'incomplete'],
    ['regression recorded, the age at onset unknown', { C1: 'chronic_months_to_years', C3: 'static_or_very_slow', C4: ['developmental_regression_or_vision_loss'], C6: ['none'] }, 'incomplete'],
  ] as const)('a gate mimic says which holds: %s', ([, screen, expected]) => {
    const a = assess(given({ G1: 'positive_jerks', G2: 'no', G3: 'present', ...screen }), content);
    expect({ mimic: a.mimic, screen: a.explanation.safetyScreen }).toEqual({ mimic: 'functional', screen: expected });
  });

  test.for([
    ['a focal cortical spike', { E2: 'focal_cortical_spike_before_jerk' }],
    ['a giant SEP', { E3: 'giant_SEP_and_or_C_reflex' }],
  ] as const)('a "tremor" with %s is set aside as conflicting: indeterminate, cortical the candidate', ([, finding]) => {
    const a = assess(given({ G1: 'regular_oscillation_only', G2: 'no', G3: 'absent', C1: 'chronic_months_to_years', C3: 'static_or_very_slow', C4: ['none'], C6: ['none'], E0: 'yes', ...finding }), content);
    expect({ gate: a.gate, category: a.category, candidates: a.candidates, conflicting: a.explanation.indeterminate.includes('conflicting_neurophysiology'), setAside: a.explanation.mimicsSetAside.map((f) => f.raises) })
      .toEqual({ gate: 'myoclonus', category: 'indeterminate', candidates: ['cortical'], conflicting: true, setAside: ['tremor'] });
  });

  test('near miss — a "tremor" with no EEG correlate and a normal SEP stays tremor', () => {
    const a = assess(given({ G1: 'regular_oscillation_only', G2: 'no', G3: 'absent', E0: 'yes', E2: 'no_eeg_correlate', E3: 'normal' }), content);
    expect(a.mimic).toBe('tremor');
  });

  const laterMimics = [
    ['E2 = bereitschaftspotential_before_jerks', 'functional', { E2: 'bereitschaftspotential_before_jerks' }],
    ['B6 = only_single_jerks_when_falling_asleep_healthy_person', 'physiological', { B6: 'only_single_jerks_when_falling_asleep_healthy_person' }],
  ] as const;
  const withLaterMimic = (gate: (typeof laterMimics)[number][2]) =>
    assess(given({ ...corticalWithFlags, G1: 'positive_jerks', G2: 'no', G3: 'absent', ...gate }), content);

  test('a Bereitschaftspotential outside section G still gives the functional mimic with no category and no DBS text, beside the red flags', () => {
    // Without the giant SEP of the cortical picture, which would conflict with it (below).
    const a = assess(given({ ...corticalWithFlags, G1: 'positive_jerks', G2: 'no', G3: 'absent', ...laterMimics[0][2], E3: 'normal' }), content);
    expect({ gate: a.gate, mimic: a.mimic, category: a.category, targets: a.dbs.targets, notes: a.dbs.notes })
      .toEqual({ gate: 'mimic', mimic: 'functional', category: null, targets: [], notes: [] });
  });

  test('hypnic jerks beside red flags are not concluded: set aside with the cautious next step, the category provisional', () => {
    const a = withLaterMimic(laterMimics[1][2]);
    expect({ gate: a.gate, category: a.category, setAside: a.explanation.mimicsSetAside.map((f) => [f.raises, /not taken as physiological/.test(f.nextStep ?? '')]) })
      .toEqual({ gate: 'myoclonus', category: 'indeterminate', setAside: [['physiological', true]] });
  });

  describe('hypnic jerks are concluded only when every precondition of reassurance is recorded (fail closed)', () => {
    const healthy = {
      ...quietPicture, C3: 'static_or_very_slow', C4: ['none'],
      B1: 'no', B2: 'no', B3: ['none'], B5: 'no', A1: 'generalized_asynchronous', D1: 'none', E0: 'no',
      B6: 'only_single_jerks_when_falling_asleep_healthy_person',
    };
    const physiological = (answers: Record<string, unknown>) => {
      const a = assess(given(answers), content);
      return { mimic: a.mimic, setAside: a.explanation.mimicsSetAside.map((f) => f.raises), withheld: a.explanation.mimicsSetAside.flatMap((f) => f.withheld ?? []) };
    };
    test('near miss — the safety screen answered and clear, every pathological finding recorded as absent: concluded', () => {
      expect(physiological(healthy)).toEqual({ mimic: 'physiological', setAside: [], withheld: [] });
    });
    test.for([
      ['negative myoclonus (G1)', { G1: 'negative_lapses' }, 'jerks_not_only_positive'],
      ['jerks awake at rest (B1)', { B1: 'yes' }, 'awake_at_rest_or_on_action'],
      ['jerks at rest left unknown (B1)', { B1: 'unknown' }, 'awake_at_rest_or_on_action'],
      ['jerks on action (B2)', { B2: 'yes' }, 'awake_at_rest_or_on_action'],
      ['stimulus sensitivity (B3)', { B3: ['touch_or_stretch_local_jerk'] }, 'stimulus_sensitive'],
      ['stimulus sensitivity left out (B3)', { B3: undefined }, 'stimulus_sensitive'],
      ['jerks persisting in sleep (B5)', { B5: 'yes' }, 'persists_in_sleep'],
      ['persistence in sleep left unknown (B5)', { B5: 'unknown' }, 'persists_in_sleep'],
      ['multifocal jerks (A1)', { A1: 'multifocal_independent' }, 'distribution_not_generalized'],
      ['the distribution left out (A1)', { A1: undefined }, 'distribution_not_generalized'],
      ['an established diagnosis (D1)', { D1: 'lance_adams' }, 'established_diagnosis'],
      ['the diagnosis left unknown (D1)', { D1: 'unknown' }, 'established_diagnosis'],
      ['bursts under 50 ms (E1)', { E0: 'yes', E1: 'under_50ms', E2: 'not_done', E3: 'not_done', E4: 'not_done' }, 'neurophysiology'],
      ['neurophysiology done, its findings left unknown', { E0: 'yes' }, 'neurophysiology'],
      ['whether neurophysiology was done left unknown (E0)', { E0: 'unknown' }, 'neurophysiology'],
      ['the onset not answered (C1 unknown)', { C1: 'unknown' }, 'safety_screen_incomplete'],
      ['the associated features not answered (C4 left out)', { C4: undefined }, 'safety_screen_incomplete'],
      ['a progressive course (C3)', { C3: 'progressive' }, 'course_not_static'],
      ['a new drug (C6)', { C6: ['new_or_changed_drug'] }, 'red_flags'],
      ['a known lesion (C6)', { C6: ['known_structural_lesion'] }, 'context_of_onset'],
    ] as const)('%s: not concluded, set aside with the cautious next step, saying why', ([, extra, why]) => {
      const answers: Record<string, unknown> = { ...healthy, ...extra };
      for (const [k, v] of Object.entries(extra)) if (v === undefined) delete answers[k];
      const found = physiological(answers);
      expect({ mimic: found.mimic, setAside: found.setAside, why: found.withheld.includes(why) }).toEqual({ mimic: null, setAside: ['physiological'], why: true });
    });
    test('near miss — generalized synchronous jerks: still concluded', () => {
      expect(physiological({ ...healthy, A1: 'generalized_bilateral_synchronous' }).mimic).toBe('physiological');
    });
  });

  describe('a Bereitschaftspotential beside definitive cortical neurophysiology (a giant SEP or C reflex)', () => {
    const withBP = (E3: string) =>
      assess(given({ ...quietPicture, C3: 'static_or_very_slow', C4: ['none'], A1: 'multifocal_independent', E0: 'yes', E1: 'under_50ms', E2: 'bereitschaftspotential_before_jerks', E3 }), content);
    test('conflicts: no functional mimic concluded, the result indeterminate with conflicting neurophysiology, the mimic set aside with the next step', () => {
      const a = withBP('giant_SEP_and_or_C_reflex');
      expect({
        gate: a.gate,
        category: a.category,
        candidates: a.candidates,
        conflicting: a.explanation.indeterminate.includes('conflicting_neurophysiology'),
        setAside: a.explanation.mimicsSetAside.map((f) => [f.raises, /review both recordings/.test(f.nextStep ?? '')]),
      }).toEqual({ gate: 'myoclonus', category: 'indeterminate', candidates: ['cortical'], conflicting: true, setAside: [['functional', true]] });
    });
    test.for(['normal', 'not_done', 'unknown'])('near miss — E3 %s: the functional mimic stands', (E3) => {
      expect(withBP(E3).mimic).toBe('functional');
    });
  });

  test('a Bereitschaftspotential outranks an answer suggesting hypnic jerks', () => {
    const a = assess(given({ ...quietPicture, B6: 'only_single_jerks_when_falling_asleep_healthy_person', E0: 'yes', E2: 'bereitschaftspotential_before_jerks' }), content);
    expect(a.mimic).toBe('functional');
  });

  test('under a late mimic, unanswered questions that could raise a red flag are still listed as missing', () => {
    const a = assess(given({ G1: 'positive_jerks', G2: 'no', G3: 'absent', E0: 'yes', E2: 'bereitschaftspotential_before_jerks' }), content);
    expect({ gate: a.gate, asks: ['C1', 'C3', 'C4', 'C6'].every((q) => a.missing.some((m) => m.question === q)), onlyFlags: a.missing.every((m) => m.couldLeadTo.every((o) => o.startsWith('red-flag:'))) })
      .toEqual({ gate: 'mimic', asks: true, onlyFlags: true });
  });

  describe('a mimic in section G never sets a red-flag answer aside (question bank 1.2: the safety screen stays asked)', () => {
    /** A change made on the summary: every answer of the session, settled again. */
    const changed = (answers: Record<string, unknown>, change: Record<string, string>) =>
      settleAnswers({ ...given({ G1: 'positive_jerks', G2: 'no', G3: 'absent', ...answers }), ...change }, content);

    test('G3 changed to "present" after red-flag answers: the flags still count, and no safety-screen answer is set aside', () => {
      const { answers, setAside } = changed(corticalWithFlags, { G3: 'present' });
      expect({ redFlags: sorted(assess(answers, content).redFlags), setAsideC: Object.keys(setAside).filter((id) => id.startsWith('C')) })
        .toEqual({ redFlags: ['acute_or_subacute_onset', 'drug_induced'], setAsideC: [] });
    });

    test('a child under 10 with regression keeps the flag when G2 changes to a tic answer', () => {
      const { answers } = changed({ C2: 'under_10', C4: ['developmental_regression_or_vision_loss'] }, { G2: 'yes' });
      expect(redFlagsOf(answers, content)).toEqual(['child_with_regression']);
    });
  });

  test.for(laterMimics)('%s outside section G still reports every red flag the answers raise', ([, , gate]) => {
    expect(sorted(withLaterMimic(gate).redFlags)).toEqual(['acute_or_subacute_onset', 'drug_induced']);
  });
});

describe('D2 records whether the myoclonus is disabling and refractory', () => {
  test.for([
    { d1: 'PME', d2: 'yes', refractory: true },
    { d1: 'PME', d2: 'no', refractory: false },
    { d1: 'PME', d2: 'unknown', refractory: null },
    { d1: 'myoclonus_dystonia_clinical', d2: 'yes', refractory: true },
    { d1: 'myoclonus_dystonia_SGCE_confirmed', d2: 'no', refractory: false },
    { d1: 'lance_adams', d2: 'yes', refractory: null },
    { d1: 'none', d2: 'yes', refractory: null },
  ])('D1 = $d1 with D2 = $d2 gives dbs.refractory $refractory', ({ d1, d2, refractory }) => {
    expect(assess(given({ ...quietPicture, D1: d1, D2: d2 }), content).dbs.refractory).toBe(refractory);
  });

  /** Complete cases whose DBS door opens with D2 = yes: V08 for myoclonus-dystonia, V01 for PME. */
  const routes = [
    { d1: 'myoclonus_dystonia_SGCE_confirmed', base: 'V08' },
    { d1: 'myoclonus_dystonia_clinical', base: 'V08' },
    { d1: 'PME', base: 'V01' },
  ].flatMap((r) => ['yes', 'no', 'unknown'].map((d2) => ({ ...r, d2 })));

  test.for(routes)('with D1 = $d1 and D2 = $d2 the targets are listed only when D2 = yes, always with the note that surgery is not first-line', ({ d1, d2, base }) => {
    const { dbs } = assess(given({ ...loadVignette(base).answers, D1: d1, D2: d2 }), content);
    const notFirstLine = dbs.notes.some((n) => n.kind === 'first-line' && /not a first-line/i.test(n.text));
    expect({ shown: dbs.targets.length > 0, notFirstLine, blockedBy: dbs.blockedBy }).toEqual(
      d2 === 'yes'
        ? { shown: true, notFirstLine: true, blockedBy: [] }
        : { shown: false, notFirstLine: false, blockedBy: [d2 === 'no' ? 'not_refractory' : 'refractoriness_not_established'] },
    );
  });
});

describe('myoclonus-dystonia diagnosed clinically', () => {
  const geneticsNote = (d1: string) =>
    assess(given({ ...completeMD(), D1: d1 }), content).dbs.notes.filter((n) => /genetic confirmation/i.test(n.text));

  test('a clinical diagnosis adds a note advising SGCE genetic confirmation', () => {
    expect(geneticsNote('myoclonus_dystonia_clinical')).toEqual([expect.objectContaining({ text: expect.stringMatching(/SGCE/) })]);
  });

  test('an SGCE-confirmed diagnosis carries no genetic-confirmation note', () => {
    expect(geneticsNote('myoclonus_dystonia_SGCE_confirmed')).toEqual([]);
  });
});

describe('answers to questions that are not asked', () => {
  test('stale E1–E3 results with E0 = no, and D1a and D2 without PME or myoclonus-dystonia (P23), give the same assessment as the file without them', () => {
    const withStale = loadVignette('P23').answers;
    const withoutStale = Object.fromEntries(Object.entries(withStale).filter(([id]) => !['D1a', 'D2', 'E1', 'E2', 'E3'].includes(id)));
    expect(Object.keys(withStale).length - Object.keys(withoutStale).length).toBe(5);
    expect(assess(given(withStale), content)).toEqual(assess(given(withoutStale), content));
  });
});

describe('missing answers that would discriminate', () => {
  test('while a red flag stands the hypnic-jerk question (B6) is never proposed (V22); without one it is (near miss)', () => {
    const quiet = { ...quietPicture, C3: 'static_or_very_slow', C4: ['none'] };
    expect({
      flagged: assessVignette('V22').missing.map((m) => m.question).includes('B6'),
      quiet: assess(given(quiet), content).missing.map((m) => m.question).includes('B6'),
    }).toEqual({ flagged: false, quiet: true });
  });

  test('arm jerks without neurophysiology (V18) list E0 as missing, with EMG polygraphy as the test', () => {
    const e0 = assessVignette('V18').missing.find((m) => m.question === 'E0');
    expect(e0).toEqual(expect.objectContaining({ question: 'E0', test: expect.stringMatching(/EMG/) }));
  });

  test('a complete cortical work-up (V01) does not ask for neurophysiology again', () => {
    expect(assessVignette('V01').missing.map((m) => m.question)).not.toContain('E0');
  });

  test('a mimic lists nothing as missing', () => {
    expect(assessVignette('V20').missing).toEqual([]);
  });

  test('an established diagnosis (V12, spinal cord lesion) is not listed as missing, though PME with a subtype would change the result', () => {
    expect(assessVignette('V12').missing.map((m) => m.question)).not.toContain('D1');
  });

  test('near misses: the diagnosis left unknown is listed; neurophysiology answered "not done" is listed through E0', () => {
    const v12 = loadVignette('V12').answers;
    expect(assess(given({ ...v12, D1: 'unknown' }), content).missing.map((m) => m.question)).toContain('D1');
    const e0 = assess(given({ ...v12, E0: 'no' }), content).missing.find((m) => m.question === 'E0');
    expect(e0?.via).toEqual(expect.arrayContaining(['E1', 'E2']));
  });
});

describe('a red flag makes the category provisional', () => {
  test('refractory myoclonus-dystonia worse on a new drug (P21) is indeterminate, with subcortical-nonsegmental as the provisional category', () => {
    const a = assessVignette('P21');
    expect({ category: a.category, provisional: a.explanation.provisionalCategory, red: a.explanation.indeterminate.includes('red_flags') })
      .toEqual({ category: 'indeterminate', provisional: 'subcortical-nonsegmental', red: true });
  });

  test('the same answers without the drug give the provisional category as the category', () => {
    const a = assess(given({ ...loadVignette('P21').answers, C6: ['none'] }), content);
    expect({ category: a.category, redFlags: a.redFlags }).toEqual({ category: 'subcortical-nonsegmental', redFlags: [] });
  });

  test('acute post-hypoxic myoclonus in coma (V22) is not given a final category', () => {
    expect(assessVignette('V22').category).toBe('indeterminate');
  });
});

describe('indeterminate rather than a guess', () => {
  test('a referral with only two discriminating answers and no neurophysiology is indeterminate for thin evidence', () => {
    const a = assessVignette('P22');
    expect({ category: a.category, thin: a.explanation.indeterminate.includes('thin_evidence') }).toEqual({ category: 'indeterminate', thin: true });
  });

  test('no answers at all leave every category open', () => {
    const a = assess({}, content);
    expect({ category: a.category, candidates: sorted(a.candidates) }).toEqual({ category: 'indeterminate', candidates: sorted(ZCategory.options) });
  });

  test('a giant SEP together with jerk-locked generalized spike-wave gives a conflict between cortical and cortical-subcortical', () => {
    const a = assessVignette('P07');
    expect(a.explanation.indeterminate).toContain('conflicting_neurophysiology');
  });
});

describe('the ranking shows its basis', () => {
  const sourceIds = new Set(content.sources.map((s) => s.id));

  test('every category appears once in the ranking, highest score first when no neurophysiology decides', () => {
    const { ranking } = assessVignette('V08');
    expect({
      categories: sorted(ranking.map((r) => r.category)),
      scores: ranking.map((r) => r.score),
    }).toEqual({ categories: sorted(ZCategory.options), scores: [...ranking.map((r) => r.score)].sort((a, b) => b - a) });
  });

  test.for(vignettes.map((v) => ({ file: v.file, id: v.id })))('every contribution in the ranking of $file cites at least one known source', ({ id }) => {
    const cited = assessVignette(id).ranking.flatMap((r) => [...r.for, ...r.against]).map((c) => c.sources);
    expect(cited.filter((s) => s.length === 0 || s.some((x) => !sourceIds.has(x)))).toEqual([]);
  });

  test('each category score is the sum of the points listed for and against it', () => {
    const { ranking } = assessVignette('V08');
    const total = (list: { points: number }[]) => list.reduce((sum, c) => sum + c.points, 0);
    expect(ranking.map((r) => [r.category, r.score])).toEqual(ranking.map((r) => [r.category, total(r.for) + total(r.against)]));
  });

  test('for Unverricht-Lundborg disease the focal spike and the giant SEP are listed as +4 each for cortical', () => {
    const cortical = assessVignette('V01').ranking.find((r) => r.category === 'cortical');
    expect(cortical?.for.filter((c) => c.points === 4).map((c) => c.question)).toEqual(['E2', 'E3']);
  });

  test('answers against a category are listed with negative points (sleep persistence against cortical in V12)', () => {
    const cortical = assessVignette('V12').ranking.find((r) => r.category === 'cortical');
    expect(cortical?.against).toContainEqual(expect.objectContaining({ question: 'B5', answer: 'yes', points: -1 }));
  });
});

describe('safety first (content 1.1)', () => {
  test('with negative myoclonus (asterixis) and the context of onset unknown, C6 is the first thing missing asks for', () => {
    const a = assess(given({ ...quietPicture, G1: 'negative_lapses', C6: 'unknown', A1: 'multifocal_independent' }), content);
    expect(a.missing[0]).toEqual(expect.objectContaining({ question: 'C6', first: expect.stringMatching(/drugs and metabolic/) }));
  });

  test('near miss: with positive jerks only, C6 is not put first by that rule', () => {
    const a = assess(given({ ...quietPicture, C6: 'unknown', A1: 'multifocal_independent' }), content);
    expect(a.missing.find((m) => m.first !== undefined)).toBeUndefined();
  });

  test.for([
    ['P27', 'a comatose patient after cardiac arrest (red flags)', false],
    ['P29', 'a healthy adult with a normal examination', true],
  ] as const)('hypnic jerks in %s (%s): reassurance offered = %s', ([id, , reassuring]) => {
    const steps = assessVignette(id).explanation.gate.map((f) => f.nextStep ?? '');
    expect(steps.some((t) => /reassurance/i.test(t))).toBe(reassuring);
  });

  test.for([
    ['ataxia recorded in C4', { C4: ['cerebellar_ataxia'] }],
    ['a progressive course', { C3: 'progressive' }],
    ['an established PME', { D1: 'PME', D2: 'yes' }],
    ['a giant SEP', { E0: 'yes', E3: 'giant_SEP_and_or_C_reflex' }],
  ] as const)('hypnic jerks with %s but no red flag are not concluded as physiological', ([, extra]) => {
    const a = assess(given({ ...quietPicture, C4: ['none'], ...extra, B6: 'only_single_jerks_when_falling_asleep_healthy_person' }), content);
    expect({ mimic: a.mimic, redFlags: a.redFlags, setAside: a.explanation.mimicsSetAside.map((f) => f.raises) })
      .toEqual({ mimic: null, redFlags: [], setAside: ['physiological'] });
  });

  test('a diagnosis conflict says what conflicts and what to reconcile, and withholds the targets', () => {
    const a = assessVignette('P40');
    expect({
      warnings: a.warnings.map((w) => ({ id: w.id, reconcile: w.reconcile.length > 0, questions: w.questions.includes('D1') })),
      dbs: { targets: a.dbs.targets, blockedBy: a.dbs.blockedBy, diagnosis: a.dbs.diagnosis },
    }).toEqual({
      warnings: [
        { id: 'diagnosis_conflicts_with_findings', reconcile: true, questions: true },
        { id: 'diagnosis_conflicts_with_findings', reconcile: true, questions: true },
        { id: 'diagnosis_conflicts_with_findings', reconcile: true, questions: true },
      ],
      dbs: { targets: [], blockedBy: ['diagnosis_conflict', 'findings_incomplete'], diagnosis: 'myoclonus-dystonia' },
    });
  });

  test.for([
    ['V08', 'md.vim'],
    ['V01', 'pme.stn'],
  ] as const)('in %s the caveat on the targets (%s) is a target caveat, listed before the evidence', ([id, note]) => {
    const { notes } = assessVignette(id).dbs;
    const kinds = notes.map((n) => n.kind);
    expect({ kind: notes.find((n) => n.id === note)?.kind, beforeEvidence: kinds.indexOf('target-caveat') < kinds.indexOf('evidence') })
      .toEqual({ kind: 'target-caveat', beforeEvidence: true });
  });

  test('distal, hand and multifocal jerks count once as one cortical distribution (V01)', () => {
    const cortical = assessVignette('V01').ranking.find((r) => r.category === 'cortical');
    const pattern = cortical?.for.filter((c) => ['A1', 'A2', 'A3'].includes(c.question) && c.rule !== 'A2.face_bilateral_or_perioral');
    expect(pattern?.map((c) => c.points).sort()).toEqual([0, 0, 2]);
  });

  test('a definitive finding leads even when the bedside sum is higher (P44), and the trace says so', () => {
    const a = assessVignette('P44');
    const score = (c: string) => a.ranking.find((r) => r.category === c)?.score ?? 0;
    expect({ category: a.category, decided: a.explanation.decidedByNeurophysiology, bedsideHigher: score('segmental') > score('cortical') })
      .toEqual({ category: 'cortical', decided: 'cortical', bedsideHigher: true });
  });

  test('the site of a known lesion is asked only when a lesion is recorded', () => {
    const without = assess(given({ ...quietPicture, C6a: 'cortex' }), content);
    const withLesion = assess(given({ ...quietPicture, C6: ['known_structural_lesion'], C6a: 'cortex' }), content);
    expect({ without: without.explanation.enabledQuestions.includes('C6a'), with: withLesion.explanation.enabledQuestions.includes('C6a') })
      .toEqual({ without: false, with: true });
  });
});

test('the assessment carries the content version', () => {
  expect(assessVignette('V01').contentVersion).toBe(content.version);
});

describe('an established neuronal ceroid lipofuscinosis or Lafora disease (question bank 1.2)', () => {
  /** A refractory PME in a child with regression, everything else answered as in V01. */
  const childPme = (d1a: string) => ({ ...loadVignette('V01').answers, C2: 'under_10', C4: ['epileptic_seizures', 'developmental_regression_or_vision_loss'], D1a: d1a });

  test.for(['NCL', 'Lafora'])('%s: the regression flag reads as a note on the disease, and no target is discussed', (d1a) => {
    const a = assess(given(childPme(d1a)), content);
    expect({
      rule: a.explanation.redFlags.map((f) => f.rule),
      cerliponase: a.explanation.redFlags.some((f) => /cerliponase alfa/.test(f.nextStep ?? '')),
      targets: a.dbs.targets,
      blocked: a.dbs.blockedBy.includes('no_reports_in_disease'),
    }).toEqual({ rule: ['flag.C2.child-regression.ncl-lafora'], cerliponase: true, targets: [], blocked: true });
  });

  test('an adult-onset Lafora disease without the child flag still lists no target', () => {
    const a = assess(given({ ...loadVignette('V01').answers, D1a: 'Lafora' }), content);
    expect({ flags: a.redFlags, targets: a.dbs.targets, blockedBy: a.dbs.blockedBy }).toEqual({ flags: [], targets: [], blockedBy: ['no_reports_in_disease'] });
  });

  test('near miss — another subtype (ULD) keeps the work-up wording and, in V01, the targets', () => {
    const child = assess(given(childPme('ULD')), content);
    expect({ rule: child.explanation.redFlags.map((f) => f.rule), v01: assessVignette('V01').dbs.targets }).toEqual({ rule: ['flag.C2.child-regression'], v01: ['SNr', 'STN'] });
  });

  test('near miss on the other side — the subtype left unknown could be either: no target, and the panel says the subtype is not recorded', () => {
    const a = assess(given({ ...loadVignette('V01').answers, D1a: 'unknown' }), content);
    expect(a.dbs).toMatchObject({ targets: [], blockedBy: ['pme_subtype_not_recorded'] });
  });
});

describe('what would change the result never proposes a diagnosis only because it would raise a warning', () => {
  test('with the diagnosis left unknown in a case neurophysiology has decided (V01), D1 is not proposed: a label would only raise a conflict', () => {
    expect(assess(given({ ...loadVignette('V01').answers, D1: 'unknown' }), content).missing.map((m) => m.question)).not.toContain('D1');
  });

  test('near miss — without neurophysiology (V18), an established diagnosis could change the category: D1 is proposed', () => {
    expect(assess(given({ ...loadVignette('V18').answers, D1: 'unknown' }), content).missing.map((m) => m.question)).toContain('D1');
  });
});

describe('a confident bedside call needs no answer that is another category’s hallmark (brief §1(b).4)', () => {
  /** Segmental jerks at the bedside, no neurophysiology: contiguous, rhythmic, at rest and in sleep. */
  const segmentalBedside = {
    ...quietPicture, C3: 'static_or_very_slow', C4: ['none'], D1: 'none', E0: 'no',
    A1: 'segmental_contiguous', A2: ['trunk_abdomen'], B1: 'yes', B2: 'no', B3: ['none'], B4: 'rhythmic_or_semirhythmic', B5: 'yes',
  };

  test('near miss — with no other hallmark the bedside call stands', () => {
    expect(assess(given(segmentalBedside), content).category).toBe('segmental');
  });

  test.for([
    ['a distal predominance (cortical)', { A3: 'distal_more_than_proximal' }, 'cortical'],
    ['touch-evoked local jerks (cortical)', { B3: ['touch_or_stretch_local_jerk'] }, 'cortical'],
    ['startle to noise (subcortical-nonsegmental)', { B3: ['sudden_noise_startle'] }, 'subcortical-nonsegmental'],
  ] as const)('%s makes it indeterminate, that category a candidate', ([, extra, other]) => {
    const a = assess(given({ ...segmentalBedside, ...extra }), content);
    expect({ category: a.category, reasons: a.explanation.indeterminate, candidates: a.candidates.includes(other) }).toEqual({ category: 'indeterminate', reasons: ['mixed_hallmarks'], candidates: true });
  });

  test('neurophysiology that supports the leader decides despite the hallmark', () => {
    const a = assess(given({ ...segmentalBedside, A3: 'distal_more_than_proximal', E0: 'yes', E1: 'over_100ms', E2: 'no_eeg_correlate', E3: 'normal', E4: 'confined_to_adjacent_segments' }), content);
    expect(a.category).toBe('segmental');
  });

  test('epilepsia partialis continua without neurophysiology (P61) keeps cortical open beside the segmental lead; with an EEG correlate excluded it does not', () => {
    const epc = assessVignette('P61');
    const excluded = assess(given({ ...loadVignette('P61').answers, E0: 'yes', E1: 'over_100ms', E2: 'no_eeg_correlate', E3: 'normal', E4: 'confined_to_adjacent_segments' }), content);
    expect({ epc: [epc.category, epc.explanation.indeterminate, epc.candidates], excluded: excluded.category }).toEqual({
      epc: ['indeterminate', ['cortical_not_excluded'], ['segmental', 'cortical']],
      excluded: 'segmental',
    });
  });
});
