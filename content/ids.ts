/**
 * The closed sets of the question bank's contract, as plain constants. Browser code imports these
 * (and the types) without pulling in the zod schemas, which only the server and tests need.
 */
export const CATEGORIES = [
  'cortical',
  'cortical-subcortical',
  'subcortical-nonsegmental',
  'segmental',
  'peripheral',
] as const;

export const MIMICS = ['tics', 'functional', 'physiological', 'tremor', 'dystonia', 'chorea'] as const;

export const RED_FLAGS = [
  'acute_or_subacute_onset',
  'drug_induced',
  'metabolic',
  'acute_post_hypoxic',
  'infection_autoimmune_paraneoplastic',
  'rapidly_progressive_dementia',
  'new_focal_or_spinal_signs',
  'reduced_consciousness',
  'child_with_regression',
] as const;

/** Warnings about the answers themselves (contract 1.1): a diagnosis the findings contradict. */
export const WARNINGS = ['diagnosis_conflicts_with_findings'] as const;

/**
 * The kinds of rule, each a list of the bundle whose rules have an id, a condition (`when`) and
 * sources, in the bundle's order. The one list of them: the schema's rule lists must match it
 * (content/schema.ts), and the bundle check and the assessment read the rules through it.
 */
export const RULE_KINDS = ['evidence', 'mimics', 'redFlags', 'warnings', 'askFirst', 'keepOpen'] as const;
export type TRuleKind = (typeof RULE_KINDS)[number];

/**
 * Why the DBS discussion is withheld although a diagnosis with a route is established: each names a
 * precondition of the DBS door (content/doors.ts) that is not affirmatively met (question bank 1.2).
 */
export const DBS_BLOCKS = [
  'gate_incomplete',
  'mimic',
  'safety_screen_incomplete',
  'red_flags',
  'diagnosis_conflict',
  'findings_incomplete',
  'pme_subtype_not_recorded',
  'no_reports_in_disease',
  'not_refractory',
  'refractoriness_not_established',
] as const;

/**
 * Why reassurance (physiological hypnic jerks) is withheld: each names a precondition of the
 * reassurance door (content/doors.ts) that is not affirmatively met.
 */
export const REASSURANCE_BLOCKS = [
  'jerks_not_only_positive',
  'gate_incomplete',
  'safety_screen_incomplete',
  'red_flags',
  'course_not_static',
  'associated_features',
  'context_of_onset',
  'awake_at_rest_or_on_action',
  'stimulus_sensitive',
  'persists_in_sleep',
  'distribution_not_generalized',
  'established_diagnosis',
  'neurophysiology',
] as const;

/** Why "Go to the summary" is not offered: the preconditions of that door. */
export const SUMMARY_BLOCKS = ['gate_incomplete', 'safety_screen_incomplete', 'not_settled'] as const;

/**
 * What the safety screen (the red-flag questions) says: red flags raised; answered with no red flag;
 * or not completed (question bank 1.2: a mimic does not exclude a reversible cause).
 */
export const SAFETY_SCREEN = ['red_flags', 'clear', 'incomplete'] as const;

export const DBS_DIAGNOSES = ['myoclonus-dystonia', 'PME'] as const;

export const DBS_TARGETS = ['GPi', 'SNr', 'STN'] as const;

export const INDETERMINATE_REASONS = [
  'red_flags',
  'low_top_score',
  'narrow_lead',
  'thin_evidence',
  'conflicting_neurophysiology',
  'cortical_not_excluded',
  'mixed_hallmarks',
] as const;

/** The answer every question accepts: "Unknown / not assessed". It never carries evidence. */
export const UNKNOWN = 'unknown';

/**
 * How an answer that records no finding reads, in every place answers are shown: the question page,
 * the summary, the result, the PDF recap and the FHIR display. Two kinds, two phrases, nowhere a third:
 * what the clinician chose is told apart from what was never answered (machines/answers/vocabulary.ts).
 * Kept beside `UNKNOWN`, which every page loads first, so code loaded later on any page shares them.
 */
export const answerWords = {
  /** Chosen by the clinician: the finding is not known or was not assessed. */
  unknown: 'Unknown / not assessed',
  /** Never given: the question was not reached, or was passed without an answer. */
  unanswered: 'Not answered',
} as const satisfies Record<'unknown' | 'unanswered', string>;
