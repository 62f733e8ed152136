/**
 * Words shown around the result that state clinical facts: the points legend, which diagnoses the
 * deep brain stimulation discussion covers, the corrections of the seed article and the method.
 * Numbers come from the bundle (weights, thresholds, definitive rules, routes), so prose and the
 * assessment cannot drift apart. Plain data and pure functions: no React, no zod.
 */
import type { TCategory } from './schema';
import type { TContent } from './schema';

/** What each weight means; `presentation.test.ts` checks these are exactly the weights rules use. */
export const pointsLegend = [
  { points: 2, meaning: 'strong' },
  { points: 1, meaning: 'moderate' },
  { points: -1, meaning: 'against' },
  { points: 4, meaning: 'definitive neurophysiology' },
] as const;

/** Points with a true minus sign: "+2", "−1", "0". */
export const signedPoints = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');

/** "Points: +2 strong, +1 moderate, −1 against, +4 definitive neurophysiology." */
export const pointsLegendText = () => `Points: ${pointsLegend.map((p) => `${signedPoints(p.points)} ${p.meaning}`).join(', ')}.`;

const list = (items: readonly string[], last: 'and' | 'or') =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;

/** Which established diagnoses the deep brain stimulation discussion covers, from the DBS routes. */
export function dbsScope(content: Pick<TContent, 'dbs'>): string {
  return `The source article discusses deep brain stimulation only for an established diagnosis of ${list(
    content.dbs.map((r) => r.label.toLowerCase()),
    'or',
  )}.`;
}

/**
 * Where the seed (consumer) article is wrong or looser than the literature (brief §1(g)). The seed's
 * words appear only in `seedSays`, shown as a quotation beside the correction.
 */
export const seedCorrections = [
  { id: 'pallidum', seedSays: 'palladium', correction: 'The target in myoclonus-dystonia is the globus pallidus (pallidum).' },
  { id: 'reticulata', seedSays: 'pars reticulate', correction: 'The nigral target is the substantia nigra pars reticulata.' },
  {
    id: 'md-hallmarks',
    seedSays: 'startle responses',
    correction:
      'Myoclonus-dystonia is marked by alcohol-responsive jerks of the neck, trunk and arms with mild dystonia, starting in childhood; startle is a brainstem feature.',
  },
  {
    id: 'staging',
    seedSays: 'each hemisphere at a time',
    correction:
      'Staging pallidal stimulation is mentioned in single case reports, not a standard; larger series implanted both sides, and the thalamic VIM target is also reported.',
  },
  {
    id: 'outcome',
    seedSays: 'patients usually recover from the condition unscathed without treatment',
    correction:
      'Most myoclonus has an underlying cause (72% in the only population study) and many causes are chronic or progressive; physiological jerks are harmless, and drug-induced myoclonus usually settles when the drug is stopped (Caviness & Brown 2004; Janssen 2017).',
  },
  {
    id: 'site',
    seedSays: 'the background being a neurological defect in the brain',
    correction: 'Segmental (spinal) and peripheral myoclonus arise outside the brain: the cause lies in the nervous system, not always in the brain (Caviness & Brown 2004).',
  },
  {
    id: 'stn',
    seedSays: 'substantia nigra pars reticulate or subthalamic nucleus',
    correction: 'Stimulation of the subthalamic nucleus proper worsened myoclonus in one reported patient; reports favour the SNr or the STN/SNr transition zone.',
  },
  {
    id: 'efficacy',
    seedSays: 'tremendous recovery',
    correction: 'Evidence for deep brain stimulation in myoclonus is case reports and small series; the claim is not supported.',
  },
  {
    id: 'pme-features',
    seedSays: 'difficulties in speech and walking',
    correction: 'Progressive myoclonus epilepsy is defined by action myoclonus, epileptic seizures and progressive neurological decline.',
  },
] as const;

/** The definitive neurophysiological findings, from the rules' `definitive` flags: "label (Category)". */
export function definitiveFindings(content: Pick<TContent, 'evidence' | 'questions' | 'labels'>): { rule: string; text: string }[] {
  return content.evidence
    .filter((r) => r.definitive)
    .map((r) => {
      const leaf = 'question' in r.when && typeof r.when.value === 'string' ? r.when : null;
      const q = leaf ? content.questions.find((x) => x.id === leaf.question) : undefined;
      const option = leaf ? q?.options.find((o) => o.id === leaf.value)?.label : undefined;
      const categories = (Object.entries(r.effects) as [TCategory, number][])
        .filter(([, p]) => p > 0)
        .map(([c]) => content.labels.categories[c].name);
      // In the clinic's words: the finding and its category, never a question id.
      return { rule: r.id, text: `${option ?? r.id} (${categories.join(', ')})` };
    });
}

/**
 * The figures behind the method, read from the bundle: weights, thresholds, definitive findings and
 * the DBS routes. The method page shows them beside the method's prose (content/text.ts `method`),
 * so the numbers a clinician reads are the numbers the assessment uses.
 */
export function methodFigures(content: TContent): { term: string; text: string }[] {
  const t = content.thresholds;
  return [
    { term: 'Points per answer', text: pointsLegendText().replace(/^Points: /, '') },
    { term: 'Definitive neurophysiology', text: `${list(definitiveFindings(content).map((d) => d.text), 'and')}.` },
    {
      term: 'Indeterminate when',
      text: `the leading score is under ${t.minTopScore}; it leads the next category by less than ${t.minLead}; fewer than ${t.minDiscriminatingAnswers} answers discriminate and no neurophysiology was entered; or the neurophysiological findings share no category, or exclude the one the bedside signs favour.`,
    },
    { term: 'Deep brain stimulation', text: dbsScope(content) },
  ];
}
