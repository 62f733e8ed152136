/**
 * The content bundle as plain data, shaped exactly as the validated bundle (defaults written out),
 * so browser code can use it without the zod schemas. `content/index.ts` validates this same
 * object at load on the server and in every test; `content.test.ts` proves parsing is an identity.
 */
import { CONTENT_VERSION, flowContent } from './flow';
import { askFirst, dbs, evidence, mimics, redFlags, warnings } from './rules';
import type { TContent, TContentInput, TSource } from './schema';
import { sources } from './sources';
import { disclaimers, labels, limitations, method } from './text';

export { CONTENT_VERSION };

const withSourceDefaults = (s: TContentInput['sources'][number]): TSource => ({ ...s, lay: s.lay ?? false });

export const contentData: TContent = {
  ...flowContent,
  reviewedOn: '2026-11-24',
  reviewStatus: 'Draft: assembled from a literature brief; awaiting specialist clinical review before release.',
  sources: sources.map(withSourceDefaults),
  evidence: evidence.map((r) => ({ ...r, definitive: r.definitive ?? false })),
  mimics,
  redFlags,
  warnings,
  askFirst,
  dbs,
  roles: { neurophysiologySection: 'E', refractoryQuestion: 'D2' },
  thresholds: { minTopScore: 4, minLead: 2, minDiscriminatingAnswers: 4 },
  disclaimers,
  labels,
  limitations,
  method,
};
