/**
 * The content bundle as plain data, shaped exactly as the validated bundle (defaults written out),
 * so browser code can use it without the zod schemas. `content/index.ts` validates this same
 * object at load on the server and in every test; `content.test.ts` proves parsing is an identity.
 */
import { questions, sections } from './questions';
import { dbs, evidence, mimics, redFlags } from './rules';
import type { TContent, TContentInput, TQuestion, TSource } from './schema';
import { sources } from './sources';
import { disclaimers, labels, limitations, method } from './text';

/** Bump on any change that alters questions, options or results; saved sessions check it. */
export const CONTENT_VERSION = '1.0.0';

const withQuestionDefaults = (q: TContentInput['questions'][number]): TQuestion =>
  q.kind === 'multi'
    ? { ...q, silent: q.silent ?? [], notAssessed: q.notAssessed ?? [], exclusive: q.exclusive ?? [] }
    : { ...q, silent: q.silent ?? [], notAssessed: q.notAssessed ?? [] };

const withSourceDefaults = (s: TContentInput['sources'][number]): TSource => ({ ...s, lay: s.lay ?? false });

export const contentData: TContent = {
  version: CONTENT_VERSION,
  reviewedOn: '2026-11-24',
  reviewStatus: 'Draft: assembled from a literature brief; awaiting specialist clinical review before release.',
  sections,
  questions: questions.map(withQuestionDefaults),
  sources: sources.map(withSourceDefaults),
  evidence: evidence.map((r) => ({ ...r, definitive: r.definitive ?? false })),
  mimics,
  redFlags,
  dbs,
  thresholds: { minTopScore: 4, minLead: 2, minDiscriminatingAnswers: 4 },
  disclaimers,
  labels,
  limitations,
  method,
};
