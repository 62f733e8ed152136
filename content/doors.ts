/**
 * Doors: the outputs that could lead a clinician to act — the deep brain stimulation targets,
 * reassurance that jerks are physiological, and "Go to the summary" — each written once, here, as an
 * allow-list of preconditions that must be affirmatively met (question bank 1.2, "Fail closed").
 *
 * A precondition holds when its `when` holds over the answers and its `check` passes
 * (machines/assessment/doors.ts). An unknown answer never satisfies a leaf, and `when` may not use `not` (an
 * unknown answer would satisfy it; content/index.ts refuses a bundle that tries), so an unknown never
 * opens a door that a known answer would close. An unmet precondition is reported by its id, or by
 * the first `instead` whose condition holds, and the pages say each in words (text.ts).
 */
import { questions } from './questions';
import type { TCondition, TContentInput } from './schema';

const is = (question: string, value: string): TCondition => ({ question, op: 'is', value });
const oneOf = (question: string, value: string[]): TCondition => ({ question, op: 'in', value });
const hasOnly = (question: string, value: string): TCondition => ({ question, op: 'includes', value });

/** The question has an answer other than "Unknown / not assessed" (any of its options). */
const answered = (question: string): TCondition => {
  const q = questions.find((x) => x.id === question)!;
  const ids = q.options.map((o) => o.id);
  return q.kind === 'single' ? { question, op: 'in', value: ids } : { question, op: 'includesAny', value: ids };
};

/** The safety screen's questions (question bank 1.2): answered, not left unknown. */
const safetyScreenAnswered: TCondition = { all: ['C1', 'C3', 'C4', 'C6'].map(answered) };

const gateMimicAnswer: TCondition = {
  any: [oneOf('G1', ['sustained_twisting_postures_only', 'regular_oscillation_only', 'continuous_flowing_random']), is('G2', 'yes'), is('G3', 'present')],
};

/** The gate answered for myoclonus: jerks or lapses, no premonitory urge, no functional features. */
const gateAnsweredForMyoclonus: TCondition = { all: [oneOf('G1', ['positive_jerks', 'negative_lapses', 'both']), is('G2', 'no'), is('G3', 'absent')] };

export const doors: TContentInput['doors'] = {
  /** dbs.targets (question bank 1.2): listed only when every one of these holds. */
  dbs: [
    { id: 'gate_incomplete', when: gateAnsweredForMyoclonus, instead: [{ when: gateMimicAnswer, id: 'mimic' }] },
    { id: 'mimic', check: 'no-mimic' },
    { id: 'safety_screen_incomplete', when: safetyScreenAnswered, check: 'flags-determined' },
    { id: 'red_flags', check: 'no-red-flags' },
    { id: 'diagnosis_conflict', check: 'no-conflict' },
    // No answer still unknown could contradict the diagnosis (or conclude a mimic): an unknown
    // finding never counts as a consistent one.
    { id: 'findings_incomplete', check: 'consistency-determined' },
    // No deep brain stimulation is reported in neuronal ceroid lipofuscinosis or Lafora disease; a
    // PME subtype left unknown could be either.
    {
      id: 'pme_subtype_not_recorded',
      when: { any: [oneOf('D1', ['myoclonus_dystonia_SGCE_confirmed', 'myoclonus_dystonia_clinical']), oneOf('D1a', ['ULD', 'MERRF', 'sialidosis', 'other', 'unspecified'])] },
      instead: [{ when: oneOf('D1a', ['NCL', 'Lafora']), id: 'no_reports_in_disease' }],
    },
    { id: 'refractoriness_not_established', when: is('D2', 'yes'), instead: [{ when: is('D2', 'no'), id: 'not_refractory' }] },
  ],

  /**
   * The physiological (hypnic-jerk) mimic is concluded only when every one of these holds: positive
   * jerks, the gate and the safety screen answered with nothing pathological, no red flag, and no
   * finding of pathological myoclonus recorded — each recorded as absent, not left unknown.
   */
  reassurance: [
    { id: 'jerks_not_only_positive', when: is('G1', 'positive_jerks') },
    { id: 'gate_incomplete', when: { all: [is('G2', 'no'), is('G3', 'absent')] } },
    { id: 'safety_screen_incomplete', when: safetyScreenAnswered, check: 'flags-determined' },
    { id: 'red_flags', check: 'no-red-flags' },
    { id: 'course_not_static', when: oneOf('C3', ['static_or_very_slow', 'improving']) },
    { id: 'associated_features', when: hasOnly('C4', 'none') },
    { id: 'context_of_onset', when: hasOnly('C6', 'none') },
    { id: 'awake_at_rest_or_on_action', when: { all: [is('B1', 'no'), is('B2', 'no')] } },
    { id: 'stimulus_sensitive', when: hasOnly('B3', 'none') },
    { id: 'persists_in_sleep', when: is('B5', 'no') },
    { id: 'distribution_not_generalized', when: oneOf('A1', ['generalized_bilateral_synchronous', 'generalized_asynchronous']) },
    { id: 'established_diagnosis', when: is('D1', 'none') },
    {
      id: 'neurophysiology',
      when: {
        any: [
          is('E0', 'no'),
          {
            all: [
              is('E0', 'yes'),
              oneOf('E1', ['50_to_100ms', 'over_100ms', 'not_done']),
              oneOf('E2', ['no_eeg_correlate', 'not_done']),
              oneOf('E3', ['normal', 'not_done']),
              is('E4', 'not_done'),
            ],
          },
        ],
      },
    },
  ],

  /**
   * "Go to the summary": offered only once the gate and the safety screen are answered (not left
   * unknown) and the settled proof shows that no open answer can change the result.
   */
  summary: [
    { id: 'gate_incomplete', when: { all: ['G1', 'G2', 'G3'].map(answered) } },
    { id: 'safety_screen_incomplete', when: safetyScreenAnswered },
    { id: 'not_settled', check: 'settled' },
  ],
};
