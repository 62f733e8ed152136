/**
 * How an answer reads on screen: option labels, or "Unknown / not assessed" — the one wording of
 * unknown, for an answer chosen as unknown and a question left unanswered alike.
 */
import { UNKNOWN, UNKNOWN_LABEL } from '@/content/ids';
import type { TQuestion } from '@/content/schema';
import type { TAnswerValue } from '@/machines/answers/answers';

/** The PDF recap's wording for a question left unknown (its own layout mutes it). */
export const NOT_PROVIDED = 'Not provided';
export { UNKNOWN_LABEL };

export function answerLabels(q: TQuestion, value: TAnswerValue | undefined): string[] {
  if (value === undefined || value === UNKNOWN) return [];
  const chosen = typeof value === 'string' ? [value] : value;
  return chosen.filter((v) => v !== UNKNOWN).map((v) => q.options.find((o) => o.id === v)?.label ?? v);
}

export function answerText(q: TQuestion, value: TAnswerValue | undefined): string {
  const labels = answerLabels(q, value);
  return labels.length === 0 ? UNKNOWN_LABEL : labels.join('; ');
}
