/** Words for the assessment's codes, shared by the result page and the PDF recap. */
import { CATEGORIES } from '@/content/ids';
import type { TCategory, TContent, TSource } from '@/content/schema';
import type { TAssessment } from '@/machines/assess';

export function categoryName(category: TCategory, content: TContent): string {
  return content.labels.categories[category].name;
}

const isCategory = (code: string): code is TCategory => (CATEGORIES as readonly string[]).includes(code);

/** A `missing[].couldLeadTo` code in words. */
export function outcomeText(code: string, content: TContent): string {
  if (code.startsWith('mimic:')) {
    const mimic = code.slice('mimic:'.length) as keyof TContent['labels']['mimics'];
    return `a mimic: ${content.labels.mimics[mimic] ?? mimic}`;
  }
  if (code.startsWith('red-flag:')) {
    const flag = code.slice('red-flag:'.length) as keyof TContent['labels']['redFlags'];
    return `a red flag: ${content.labels.redFlags[flag] ?? flag}`;
  }
  if (code.startsWith('indeterminate:')) {
    const names = code
      .slice('indeterminate:'.length)
      .split('|')
      .filter(isCategory)
      .map((c) => categoryName(c, content));
    return `indeterminate between ${names.join(', ')}`;
  }
  return isCategory(code) ? categoryName(code, content) : code;
}

/** Source ids as short labels, e.g. "Zutt 2015; Kojovic 2011". */
export function citeShort(ids: readonly string[], content: TContent): string {
  return ids.map((id) => content.sources.find((s) => s.id === id)?.short ?? id).join('; ');
}

/**
 * Every source the result cites, in the order of the sources registry: what the page and the PDF
 * both list. Red-flag findings a mimic set aside, and a ranking hidden by a mimic, are not cited.
 */
export function citedSources(assessment: TAssessment, content: TContent): TSource[] {
  const ids = new Set<string>();
  const add = (list: readonly string[]) => list.forEach((id) => ids.add(id));
  for (const f of assessment.explanation.gate) add(f.sources);
  if (assessment.redFlags.length > 0) for (const f of assessment.explanation.redFlags) add(f.sources);
  if (assessment.gate === 'myoclonus') {
    for (const entry of assessment.ranking) for (const c of [...entry.for, ...entry.against]) add(c.sources);
  }
  if (assessment.dbs.summary !== null) {
    add(content.dbs.find((r) => r.diagnosis === assessment.dbs.diagnosis)?.sources ?? []);
    for (const n of assessment.dbs.notes) add(n.sources);
  }
  return content.sources.filter((src) => ids.has(src.id));
}
