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

/** Why the DBS discussion is withheld although a diagnosis with a route is established. */
export const DBS_BLOCKS = ['mimic', 'red_flags', 'not_refractory', 'diagnosis_conflict'] as const;

export const DBS_DIAGNOSES = ['myoclonus-dystonia', 'PME'] as const;

export const DBS_TARGETS = ['GPi', 'SNr', 'STN'] as const;

export const INDETERMINATE_REASONS = [
  'red_flags',
  'low_top_score',
  'narrow_lead',
  'thin_evidence',
  'conflicting_neurophysiology',
] as const;

/** How "unknown" reads on screen, in exports and in FHIR displays. */
export const UNKNOWN_LABEL = 'Unknown / not assessed';

/** The answer every question accepts: "Unknown / not assessed". It never carries evidence. */
export const UNKNOWN = 'unknown';
