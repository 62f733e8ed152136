/**
 * The parts of a question page that the form (question-step.tsx) and its picture before the saved
 * answers are read (question-preview.tsx) share, so the picture keeps the form's layout by
 * construction: what the question means, and its choices with "Unknown / not assessed" last.
 */
import type { ReactNode } from 'react';
import { UNKNOWN } from '@/content/ids';
import type { TQuestion } from '@/content/schema';
import { UNKNOWN_LABEL } from './answer-text';

/** A checkbox question's help that already says to select every option that applies. */
const SAYS_SELECT = /\bSelect (every|all)\b/;

export function QuestionHint({ q, id }: { q: TQuestion; id?: string }) {
  return (
    <p className="hint" id={id}>
      <strong>What this means: </strong>
      {q.help}
      {q.kind === 'multi' && !SAYS_SELECT.test(q.help) ? ' Select all that apply.' : ''}
    </p>
  );
}

/** `option` draws one choice (an input and its label) from its id, label and hint. */
export function QuestionChoices({ q, option }: { q: TQuestion; option: (id: string, label: string, hint?: string) => ReactNode }) {
  return (
    <div className="choices">
      {q.options.map((o) => option(o.id, o.label, o.hint))}
      <p className="choice-divider">or</p>
      {option(UNKNOWN, UNKNOWN_LABEL)}
    </div>
  );
}
