/**
 * The seed (consumer) article's errors, as patterns: what must never be shown to a clinician as fact.
 * Content may name one only where it corrects it, as a quotation (content/presentation.ts
 * `seedCorrections`, the DBS notes of kind "source-correction"). One list for every test that looks.
 */
export const SEED_ERRORS: readonly { says: string; pattern: RegExp }[] = [
  { says: '"palladium" for pallidum', pattern: /palladium/i },
  { says: '"pars reticulate" for pars reticulata', pattern: /pars reticulate(?!a)/i },
  { says: 'most patients recover unscathed', pattern: /unscathed/i },
  { says: 'a defect in the brain behind every myoclonus', pattern: /defect in the brain/i },
  { says: '"spasmodic" for paroxysmal oscillations', pattern: /spasmodic/i },
  { says: '"tremendous recovery" after DBS', pattern: /tremendous/i },
  { says: 'DBS "restores movement"', pattern: /restores movement/i },
];
