/** How an answer reads on screen and in exports: option labels, or "Not provided" for unknown. */
import { UNKNOWN, UNKNOWN_LABEL } from '@/content/ids';
import type { TQuestion } from '@/content/schema';
import type { TAnswerValue } from '@/machines/answers';

export const NOT_PROVIDED = 'Not provided';
export { UNKNOWN_LABEL };

export function answerLabels(q: TQuestion, value: TAnswerValue | undefined): string[] {
  if (value === undefined || value === UNKNOWN) return [];
  const chosen = typeof value === 'string' ? [value] : value;
  return chosen.filter((v) => v !== UNKNOWN).map((v) => q.options.find((o) => o.id === v)?.label ?? v);
}

export function answerText(q: TQuestion, value: TAnswerValue | undefined): string {
  const labels = answerLabels(q, value);
  return labels.length === 0 ? NOT_PROVIDED : labels.join('; ');
}
