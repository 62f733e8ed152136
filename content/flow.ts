/**
 * The part of the content the questionnaire flow needs — questions, options, branching — as plain
 * data with defaults written out. Question pages load only this; the rules, sources and texts come
 * with the result page.
 */
import { questions, sections } from './questions';
import type { TContentInput, TFlowContent, TQuestion } from './schema';

/** Bump on any change that alters questions, options or results; saved sessions check it. */
export const CONTENT_VERSION = '1.2.0';

/**
 * Earlier versions whose ids all mean the same in this one (1.2 only adds questions and options): a
 * FHIR response or saved progress made with them is read as this version, with a note.
 */
export const COMPATIBLE_VERSIONS: readonly string[] = ['1.1.0', '1.1.1'];

const withQuestionDefaults = (q: TContentInput['questions'][number]): TQuestion =>
  q.kind === 'multi'
    ? { ...q, notAssessed: q.notAssessed ?? [], exclusive: q.exclusive ?? [] }
    : { ...q, notAssessed: q.notAssessed ?? [] };

export const flowContent: TFlowContent = {
  version: CONTENT_VERSION,
  sections,
  questions: questions.map(withQuestionDefaults),
};
