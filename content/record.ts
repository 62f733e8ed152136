/**
 * What the electronic record can suggest, as data: the codes that support an answer, the thresholds
 * that make a result abnormal, and the words of the evidence shown beside a suggestion. The rules
 * that read the record (machines/record/suggest.ts) take everything from here. A suggestion is never
 * an answer: the clinician confirms it. A record that says nothing suggests nothing (never "none").
 *
 * Codes are matched exactly (no terminology server in the browser, so no subsumption): a list holds
 * the codes a chart is likely to carry, and a code not listed suggests nothing (fail closed).
 */

export const SYSTEMS = {
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  atc: 'http://www.whocc.no/atc',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  snomed: 'http://snomed.info/sct',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  orphanet: 'http://www.orpha.net',
  omim: 'https://omim.org',
  hgnc: 'http://www.genenames.org/geneid',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
} as const;

// ── C6 current_drug_known_to_cause_myoclonus ──────────────────────────────────────────────────────

export type TMyoclonusDrug = {
  name: string;
  /** RxNorm ingredient (IN) RxCUIs. */
  rxnormIngredients: readonly string[];
  /** RxNorm clinical drugs (SCD) a chart carries more often than the ingredient. Not exhaustive. */
  rxnormClinicalDrugs: readonly { code: string; display: string }[];
  /** WHO ATC codes of the substance (systemic use only: an eye drop does not cause myoclonus). */
  atc: readonly string[];
};

/**
 * The brief's Level-A list (brief §1(d).2, Rissardo 2025). Matching a record's medication needs one of
 * these codes; a real deployment should add every SCD and SBD of these ingredients from RxNorm (RxNav
 * "related by ingredient"), which this list does not attempt.
 */
export const myoclonusDrugs: readonly TMyoclonusDrug[] = [
  { name: 'Etomidate', rxnormIngredients: ['4177'], rxnormClinicalDrugs: [], atc: ['N01AX07'] },
  { name: 'Cefepime', rxnormIngredients: ['20481'], rxnormClinicalDrugs: [], atc: ['J01DE01'] },
  { name: 'Ceftazidime', rxnormIngredients: ['2191'], rxnormClinicalDrugs: [], atc: ['J01DD02'] },
  { name: 'Ciprofloxacin', rxnormIngredients: ['2551'], rxnormClinicalDrugs: [], atc: ['J01MA02'] },
  { name: 'Citalopram', rxnormIngredients: ['2556'], rxnormClinicalDrugs: [], atc: ['N06AB04'] },
  { name: 'Escitalopram', rxnormIngredients: ['321988'], rxnormClinicalDrugs: [], atc: ['N06AB10'] },
  { name: 'Paroxetine', rxnormIngredients: ['32937'], rxnormClinicalDrugs: [], atc: ['N06AB05'] },
  { name: 'Sertraline', rxnormIngredients: ['36437'], rxnormClinicalDrugs: [], atc: ['N06AB06'] },
  { name: 'Amitriptyline', rxnormIngredients: ['704'], rxnormClinicalDrugs: [], atc: ['N06AA09'] },
  { name: 'Amantadine', rxnormIngredients: ['620'], rxnormClinicalDrugs: [], atc: ['N04BB01'] },
  { name: 'Clozapine', rxnormIngredients: ['2626'], rxnormClinicalDrugs: [], atc: ['N05AH02'] },
  { name: 'Quetiapine', rxnormIngredients: ['51272'], rxnormClinicalDrugs: [], atc: ['N05AH04'] },
  { name: 'Carbamazepine', rxnormIngredients: ['2002'], rxnormClinicalDrugs: [], atc: ['N03AF01'] },
  { name: 'Oxcarbazepine', rxnormIngredients: ['32624'], rxnormClinicalDrugs: [], atc: ['N03AF02'] },
  { name: 'Phenytoin', rxnormIngredients: ['8183'], rxnormClinicalDrugs: [], atc: ['N03AB02'] },
  {
    name: 'Gabapentin',
    rxnormIngredients: ['25480'],
    rxnormClinicalDrugs: [{ code: '310431', display: 'gabapentin 300 MG Oral Capsule' }],
    atc: ['N03AX12'],
  },
  { name: 'Pregabalin', rxnormIngredients: ['187832'], rxnormClinicalDrugs: [], atc: ['N03AX16'] },
  // Divalproex sodium is the valproate most US charts name.
  { name: 'Valproate', rxnormIngredients: ['11118', '266856'], rxnormClinicalDrugs: [], atc: ['N03AG01'] },
  // Fentanyl has two ATC codes: as an anaesthetic (N01AH01) and as an analgesic (N02AB03).
  { name: 'Fentanyl', rxnormIngredients: ['4337'], rxnormClinicalDrugs: [], atc: ['N01AH01', 'N02AB03'] },
  { name: 'Morphine', rxnormIngredients: ['7052'], rxnormClinicalDrugs: [], atc: ['N02AA01'] },
  // Bismuth salts: subnitrate (A02BX12) is the one the stored WHO ATC entry confirms.
  { name: 'Bismuth', rxnormIngredients: [], rxnormClinicalDrugs: [], atc: ['A02BX12'] },
  { name: 'Lithium', rxnormIngredients: ['6448', '42351'], rxnormClinicalDrugs: [], atc: ['N05AN01'] },
];

export const myoclonusDrugSources = ['rissardo2025'] as const;

// ── C6 metabolic_derangement ──────────────────────────────────────────────────────────────────────

/**
 * Results older than this (before the day the record is read) are not suggested. A month: a chronic
 * derangement (kidney failure) is still true a month on, and a month-old acute one (sodium, glucose)
 * is shown with its date for the clinician to weigh; older results describe another time than the
 * jerks being assessed. The sandbox's fixed dates stay inside it for about four weeks from 2026-12-06.
 */
export const RESULT_WINDOW_DAYS = 30;

export type TLabUnit = {
  /** UCUM code the result must carry (`valueQuantity.system` = UCUM). */
  ucum: string;
  /** How the unit is written on screen. */
  shown: string;
  /** Abnormal when strictly below this value, in this unit. */
  below?: number;
  /** Abnormal when strictly above this value, in this unit. */
  above?: number;
};

export type TLabRule = {
  id: 'egfr' | 'sodium' | 'glucose';
  /** What the clinician calls the test. */
  name: string;
  loinc: readonly string[];
  /** The units it accepts, each with its own threshold (no conversion is guessed). */
  units: readonly TLabUnit[];
  sources: readonly string[];
};

export const labRules: readonly TLabRule[] = [
  {
    // Kidney failure (uraemic encephalopathy; gabapentinoids accumulate): eGFR below 30 is KDIGO G4–G5.
    id: 'egfr',
    name: 'eGFR',
    loinc: ['33914-3', '48642-3', '48643-1', '62238-1', '98979-8'],
    units: [{ ucum: 'mL/min/{1.73_m2}', shown: 'mL/min/1.73 m²', below: 30 }],
    sources: ['tohm2025', 'kdigo2024'],
  },
  {
    // Profound hyponatraemia: below 125 mmol/L.
    id: 'sodium',
    name: 'Sodium',
    loinc: ['2951-2', '2947-0'],
    units: [
      { ucum: 'mmol/L', shown: 'mmol/L', below: 125 },
      { ucum: 'meq/L', shown: 'mEq/L', below: 125 },
    ],
    sources: ['tohm2025', 'spasovski2014'],
  },
  {
    // Non-ketotic (hyperosmolar) hyperglycaemia: glucose above 600 mg/dL (33.3 mmol/L).
    id: 'glucose',
    name: 'Glucose',
    loinc: ['2345-7', '2339-0', '15074-8', '14749-6'],
    units: [
      { ucum: 'mg/dL', shown: 'mg/dL', above: 600 },
      { ucum: 'mmol/L', shown: 'mmol/L', above: 33.3 },
    ],
    sources: ['tohm2025', 'kitabchi2009'],
  },
];

// ── D1 and D1a: established diagnoses ─────────────────────────────────────────────────────────────

export type TCode = {
  system: string;
  code: string;
  /** ICD-10 only: the code's subdivisions count too (G51.3 holds G51.31 … G51.39). */
  withSubcodes?: boolean;
};

export type TConditionSet = {
  /** The answers the set suggests: D1, and D1a when D1 is PME. */
  answers: readonly { question: 'D1' | 'D1a'; value: string }[];
  codes: readonly TCode[];
  sources: readonly string[];
};

/** Orphanet and OMIM are each written under two system addresses in use (http and https). */
const orpha = (code: string): TCode[] => [
  { system: SYSTEMS.orphanet, code },
  { system: 'https://www.orpha.net', code },
];
const omim = (code: string): TCode[] => [
  { system: SYSTEMS.omim, code },
  { system: 'http://www.omim.org', code },
];
const pme = (subtype?: string) => [
  { question: 'D1' as const, value: 'PME' },
  ...(subtype ? [{ question: 'D1a' as const, value: subtype }] : []),
];

/**
 * Only codes checked, or known with confidence; an option without a code here (Lance-Adams syndrome,
 * hyperekplexia, sialidosis) is never suggested from a condition. ICD-10 has no code specific to
 * myoclonus-dystonia, PME, Lance-Adams syndrome or hyperekplexia. A PME without its cause suggests D1
 * alone: "not yet specified" is the clinician's answer, not the record's.
 */
export const conditionSets: readonly TConditionSet[] = [
  {
    answers: [{ question: 'D1', value: 'myoclonus_dystonia_clinical' }],
    codes: orpha('36899'), // Myoclonus-dystonia syndrome
    sources: ['genereviewsSGCE'],
  },
  {
    // OMIM 159900 (dystonia 11, myoclonic) is the SGCE disease itself.
    answers: [{ question: 'D1', value: 'myoclonus_dystonia_SGCE_confirmed' }],
    codes: omim('159900'),
    sources: ['genereviewsSGCE'],
  },
  {
    answers: pme(),
    codes: orpha('98261'), // Progressive myoclonic epilepsy
    sources: ['ilaePME', 'malek2015'],
  },
  {
    answers: pme('ULD'),
    codes: orpha('308'), // Unverricht-Lundborg disease
    sources: ['ilaePME', 'malek2015'],
  },
  {
    answers: pme('Lafora'),
    codes: [...orpha('501'), ...orpha('324290')], // Lafora disease; early-onset Lafora body disease
    sources: ['ilaePME', 'malek2015'],
  },
  {
    answers: pme('MERRF'),
    codes: [
      { system: SYSTEMS.icd10cm, code: 'E88.42' }, // MERRF syndrome
      ...orpha('551'),
    ],
    sources: ['ilaePME', 'malek2015'],
  },
  {
    answers: pme('NCL'),
    codes: [
      { system: SYSTEMS.snomed, code: '42012007' }, // Neuronal ceroid lipofuscinosis
      { system: SYSTEMS.snomed, code: '58258004' }, // Infantile NCL
      { system: SYSTEMS.snomed, code: '14637005' }, // Late-infantile NCL (classic CLN2)
      { system: SYSTEMS.snomed, code: '61663001' }, // Juvenile NCL
      { system: SYSTEMS.snomed, code: '62009002' }, // Adult NCL
      { system: SYSTEMS.icd10, code: 'E75.4' },
      { system: SYSTEMS.icd10cm, code: 'E75.4' },
      // Orphanet: congenital, infantile, late-infantile, juvenile and adult NCL.
      ...['168486', '79263', '168491', '79264', '79262'].flatMap(orpha),
    ],
    sources: ['ilaePME', 'malek2015'],
  },
  {
    // G40.3: generalized idiopathic epilepsy and epileptic syndromes (JME among them); G40.B: JME (ICD-10-CM).
    answers: [{ question: 'D1', value: 'genetic_generalized_epilepsy_eg_JME' }],
    codes: [
      { system: SYSTEMS.snomed, code: '6204001' }, // Juvenile myoclonic epilepsy
      { system: SYSTEMS.icd10, code: 'G40.3', withSubcodes: true },
      { system: SYSTEMS.icd10cm, code: 'G40.3', withSubcodes: true },
      { system: SYSTEMS.icd10cm, code: 'G40.B', withSubcodes: true },
    ],
    sources: ['epilepsyFoundation'],
  },
  {
    answers: [{ question: 'D1', value: 'hemifacial_spasm' }],
    codes: [
      { system: SYSTEMS.icd10, code: 'G51.3', withSubcodes: true },
      { system: SYSTEMS.icd10cm, code: 'G51.3', withSubcodes: true },
    ],
    sources: ['peripheralChapter'],
  },
  {
    // Acute transverse myelitis: a cord lesion, as in the public vignette of segmental myoclonus.
    answers: [{ question: 'D1', value: 'spinal_cord_lesion' }],
    codes: [
      { system: SYSTEMS.icd10, code: 'G37.3' },
      { system: SYSTEMS.icd10cm, code: 'G37.3' },
    ],
    sources: ['jankovic1986'],
  },
];

/**
 * An SGCE diagnosis needs something that says SGCE: a condition coded as the SGCE disease, or a
 * myoclonus-dystonia condition beside a final genetic result (LOINC 69548-6, variant present) whose
 * gene studied is SGCE and whose significance is pathogenic or likely pathogenic. A variant alone,
 * without the diagnosis, is not enough: SGCE is maternally imprinted, and carriers who inherited it
 * from their mother are usually unaffected.
 */
export const sgceFinding = {
  loinc: '69548-6',
  present: 'LA9633-4',
  geneStudied: '48018-6',
  gene: { system: SYSTEMS.hgnc, code: 'HGNC:10808' },
  significance: '53037-8',
  pathogenic: ['LA6668-3', 'LA26332-9'],
  sources: ['genereviewsSGCE'],
} as const;

/** C2 under_10: a patient now under 10 cannot have begun jerking at 10 or later. */
export const UNDER_10_YEARS = 10;

// ── Words of the evidence ─────────────────────────────────────────────────────────────────────────

export const evidenceText = {
  medication: (name: string, since: string | null) => (since ? `${name}, active since ${since}` : `${name}, active`),
  result: (name: string, value: number | string, unit: string, date: string, bound: { below?: number; above?: number }) =>
    `${name} ${value} ${unit} on ${date} (${bound.below !== undefined ? `below ${bound.below}` : `above ${bound.above}`})`,
  condition: (name: string, since: string | null) =>
    since ? `${name}, confirmed, active since ${since}` : `${name}, confirmed, active`,
  geneticResult: (gene: string, significance: string, date: string | null) =>
    date ? `${gene} variant, ${significance}, on ${date}` : `${gene} variant, ${significance}`,
  age: (birthDate: string, years: number, today: string) => `Born ${birthDate}: ${years} years old on ${today}`,
  /** When the record gives no name for a coded thing. */
  unnamed: 'Unnamed entry',
};

/** Why a resource could not be read (shown to the clinician beside "not read from the record"). */
export const unreadText = {
  notResource: 'Not a FHIR resource.',
  noId: 'The resource has no id.',
  noStatus: 'It has no status.',
  noIntent: 'It has no intent.',
  noMedication: 'It names no medication.',
  uncodedMedication: (name: string) => `${name}: not coded in RxNorm or ATC, so not checked against the drugs known to cause myoclonus.`,
  unresolvedMedication: (reference: string) => `Its medication (${reference}) was not read from the record.`,
  noDate: 'The result has no date.',
  badDate: (value: string) => `The date “${value}” is not a date.`,
  futureDate: (date: string) => `The result is dated ${date}, after today.`,
  noValue: 'The result has no numeric value.',
  unit: (test: string, unit: string) => `${test} in “${unit}”, a unit this tool does not read.`,
  comparator: (test: string, comparator: string, value: number) => `${test} reported as “${comparator}${value}”, which cannot be compared with the threshold.`,
  badStatus: 'Its clinical or verification status is not a coded value.',
  badCode: 'Its code is not a coded value.',
  badBirthDate: (value: string) => `The birth date “${value}” is not a date.`,
  futureBirthDate: (value: string) => `The birth date ${value} is after today.`,
};
