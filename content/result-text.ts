/**
 * The words of the result document (machines/result/document.ts) that are not clinical labels: its
 * kickers, section headings and the sentences of the unanswered notice. The page, print and the PDF
 * all take them from the document, so they read the same in every view. Plain data: no React.
 */
import type { TSource } from './schema';

/** The line above the headline, per kind of result. */
export const resultKickers = {
  category: 'Result',
  indeterminate: 'Result: not decided',
  provisional: 'Provisional result',
  mimic: 'Result: possibly not myoclonus',
} as const;

/** How each source was verified when the content was assembled (the sources page says the same). */
export const sourceLevels: Record<TSource['level'], string> = {
  S: 'the source article (consumer health article)',
  V: 'checked against a stored copy, usually the abstract',
  '2°': 'seen only in a secondary summary',
  BK: 'background knowledge still to be verified by a specialist',
};

export const resultHeadings = {
  redFlagsWhy: 'Why these are red flags',
  warnings: 'The answers conflict',
  ranking: 'Why: the categories ranked',
  noReasons: 'No answer counted for or against it.',
  answers: 'Answers',
  sources: 'Sources cited',
  layArticle: 'Consumer health article, not peer reviewed.',
} as const;

/** Set-aside answers (a change made their questions no longer apply): left out of the assessment. */
export const setAsideNote = (n: number) =>
  `${n === 1 ? '1 answer' : `${n} answers`} set aside by a later change ${n === 1 ? 'is' : 'are'} left out of this assessment.`;

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** The result's status: headline, the line under it and what else it says. */
export const statusText = {
  mimicHeadline: (mimic: string) => `Possibly not myoclonus: ${mimic.toLowerCase()}`,
  provisionalHeadline: 'Indeterminate: red flags come first',
  provisionalFor: (category: string) => `Provisional, to be reconsidered once the red flags are assessed: ${category}.`,
  compatible: (categories: string) => `Still compatible, best first: ${categories}.`,
  undecidedHeadline: 'Indeterminate: the answers do not decide the category',
  notSeparatedHeadline: 'Indeterminate: the answers do not separate the categories',
  leadingUndecided: (category: string) => `Leading, not decided: ${category}.`,
  categoryHeadline: (category: string) => `Most likely physiological category: ${category}`,
  generator: (generator: string) => `Generator: ${sentence(generator)}`,
  decidedByNeurophysiology: 'Definitive neurophysiology decides this category, whatever the bedside answers add up to.',
} as const;

/** Red flags, a mimic, reassurance or a mimic set aside. */
export const findingsText = {
  redFlagsTitle: 'Red flags: look for a reversible or urgent cause first',
  mimicTitle: (mimic: string) => `These movements may not be myoclonus: ${mimic}`,
  mimicIntro: 'A mimic takes precedence over the categories, so no category and no deep brain stimulation target are given. It never explains a red flag away.',
  reassuranceWithheld: 'Not concluded: reassurance withheld',
  mimicSetAside: 'Not concluded: a possible mimic set aside',
} as const;

/** The scores picture, the leader's reasons and what would change the result. */
export const evidenceText = {
  rule: (minTopScore: number, minLead: number) => `A category needs ${minTopScore} points and a clear lead (${minLead} points over the next) to be decided`,
  scoresSummary: (scores: string, rule: string) => `Category scores: ${scores}. ${rule}.`,
  scoresCaption: (rule: string, minTopScore: number) => `${rule}; the dashed line marks ${minTopScore} points.`,
  whyLeads: (category: string) => `Why ${category} leads`,
  whyLeadsStrongest: (category: string, n: number) => `Why ${category} leads: the ${n} strongest reasons`,
  allReasons: (n: number, ranking: string) => `All ${n} answers that count for or against it are under “${ranking}”.`,
  missingTitle: 'What would change this',
  missingIntro: 'These questions were left unknown or not done; an answer could change the result.',
  opens: (n: number) => `Its answer opens ${n === 1 ? '1 more question' : `${n} more questions`}.`,
} as const;

/** What an answer to an open question could change, in one sentence: each part, then the sentence. */
export const changeText = {
  flags: (labels: readonly string[]) => `raise ${labels.length === 1 ? 'a red flag' : 'red flags'} (${labels.join('; ')})`,
  mimics: (labels: readonly string[]) => `show that the movements may not be myoclonus (${labels.join('; ')})`,
  category: (names: string) => `make ${names} the most likely category`,
  undecided: (decided: boolean) => (decided ? 'leave the category undecided' : 'change which categories stay open'),
  warnings: (text: string) => `show that ${text}`,
  sentence: (parts: string) => `An answer could ${parts}.`,
  unspecified: 'An answer could change the result.',
  or: 'or',
} as const;

/** The deep brain stimulation panel. */
export const dbsText = {
  title: 'Deep brain stimulation',
  discussedTitle: 'Deep brain stimulation: what the literature discusses',
  blockedIntro: (diagnosis: string | null) => (diagnosis ? `A diagnosis of ${diagnosis.toLowerCase()} is recorded, but no target is discussed:` : 'No target is discussed:'),
  notCovered: (scope: string) => `${scope} No target is discussed for these answers.`,
  diagnosis: 'Established diagnosis',
  refractory: 'Disabling and refractory to treatment',
  refractoryValue: (refractory: boolean | null) => (refractory === null ? 'Not recorded' : refractory ? 'Yes' : 'No'),
  targets: (n: number) => (n > 1 ? 'Targets discussed' : 'Target discussed'),
  noteLabels: {
    'first-line': 'Place in treatment',
    'target-caveat': 'About the targets',
    evidence: 'Evidence',
    caveat: 'Caveat',
    'source-correction': 'Correction of the source article',
  },
} as const;

/**
 * Answers that came from the patient's electronic record (a launch from the record): the record
 * suggested them, the clinician confirmed each one. The result, the PDF and print list them with the
 * record entries behind them, so a reader can check each against the chart.
 */
export const recordResultText = {
  title: 'From the patient’s record',
  intro: 'The patient’s record suggested these answers and the clinician confirmed each one. Check them against the record entries listed under each.',
  server: 'Record',
  patient: 'Patient',
  user: 'Clinician signed in to the record',
  evidence: 'Record entries',
  /** Beside an answer in the list of answers: all of its options came from the record. */
  mark: 'from the record',
  /** Beside an answer some of whose options came from the record. */
  markSome: (labels: readonly string[]) => `from the record: ${labels.join('; ')}`,
} as const;
