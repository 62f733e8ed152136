/** Words for the assessment's codes, shared by the result page and the PDF recap. */
import { CATEGORIES } from '@/content/ids';
import type { TCategory, TContent } from '@/content/schema';

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
  if (code === 'indeterminate') return 'indeterminate';
  return isCategory(code) ? categoryName(code, content) : code;
}

/** Source ids as short labels, e.g. "Zutt 2015; Kojovic 2011". */
export function citeShort(ids: readonly string[], content: TContent): string {
  return ids.map((id) => content.sources.find((s) => s.id === id)?.short ?? id).join('; ');
}
