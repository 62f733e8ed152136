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

const them = (n: number) => (n === 1 ? 'it' : 'them');

/** The unanswered notice: questions the flow reached but that were never answered, and those that could raise a red flag. */
export const unansweredText = {
  notAnswered: (n: number) => (n === 1 ? '1 question has not been answered.' : `${n} questions have not been answered.`),
  countedUnknown: (n: number) => `The assessment counts ${them(n)} as unknown.`,
  noFlag: (n: number) => `No answer to ${them(n)} could raise a red flag.`,
  flagging: (n: number) =>
    n === 1 ? 'A question left unanswered or unknown could still raise a red flag:' : `${n} questions left unanswered or unknown could still raise red flags:`,
  notRuledOut: 'none is ruled out until answered.',
} as const;

/** Set-aside answers (a change made their questions no longer apply): left out of the assessment. */
export const setAsideNote = (n: number) =>
  `${n === 1 ? '1 answer' : `${n} answers`} set aside by a later change ${n === 1 ? 'is' : 'are'} left out of this assessment.`;
