/**
 * The content bundle as plain data, shaped exactly as the validated bundle (defaults written out),
 * so browser code can use it without the zod schemas. `content/index.ts` validates this same
 * object at load on the server and in every test; `content.test.ts` proves parsing is an identity.
 */
import { CONTENT_VERSION, flowContent } from './flow';
import { doors } from './doors';
import { askFirst, dbs, evidence, keepOpen, mimics, redFlags, urgentRedFlags, warnings } from './rules';
import type { TContent, TContentInput, TSource } from './schema';
import { sources } from './sources';
import { disclaimers, labels, limitations, method } from './text';

export { CONTENT_VERSION };

const withSourceDefaults = (s: TContentInput['sources'][number]): TSource => ({ ...s, lay: s.lay ?? false });

export const contentData: TContent = {
  ...flowContent,
  revisedOn: '2026-12-06',
  status: 'Draft assembled from a literature brief. No movement-disorders specialist has checked it yet; it is not for release until one has.',
  sources: sources.map(withSourceDefaults),
  evidence: evidence.map((r) => ({ ...r, definitive: r.definitive ?? false })),
  mimics,
  redFlags,
  warnings,
  askFirst,
  keepOpen,
  urgentRedFlags,
  doors,
  dbs,
  roles: { neurophysiologySection: 'E', refractoryQuestion: 'D2' },
  thresholds: { minTopScore: 4, minLead: 2, minDiscriminatingAnswers: 4 },
  disclaimers,
  labels,
  limitations,
  method,
};
