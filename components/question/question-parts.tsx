/**
 * The parts of a question page that the form (question-step.tsx) and its picture before the saved
 * answers are read (question-preview.tsx) share, so the picture keeps the form's layout by
 * construction: what the question means, and its choices with "Unknown / not assessed" last.
 */
import type { ReactNode } from 'react';
import { answerWords, UNKNOWN } from '@/content/ids';
import type { TQuestion } from '@/content/schema';

/** A checkbox question's help that already says to select every option that applies. */
const SAYS_SELECT = /\bSelect (every|all)\b/;

/** The ids `QuestionHint` gives its parts, for the question's `aria-describedby` (each said once). */
export const hintIds = (q: TQuestion, id: string) => (q.kind === 'multi' && !SAYS_SELECT.test(q.help) ? [`${id}-select`, id] : [id]);

/**
 * What the question means, folded behind "What this means" so the choices sit straight under the
 * question on a phone (a screen reader still reads it with the question: the group is described by
 * it); a checkbox question says to select all that apply, unfolded.
 */
export function QuestionHint({ q, id }: { q: TQuestion; id?: string }) {
  return (
    <>
      {q.kind === 'multi' ? (
        // Shown whatever the help says, as the help is folded; read once (from the help when it says it).
        <p className="hint select-hint" id={id && `${id}-select`} aria-hidden={SAYS_SELECT.test(q.help) || undefined}>
          Select all that apply.
        </p>
      ) : null}
      <details className="help">
        <summary>What this means</summary>
        <p className="hint" id={id}>
          {q.help}
        </p>
      </details>
    </>
  );
}

/** `option` draws one choice (an input and its label) from its id, label and hint. */
export function QuestionChoices({ q, option }: { q: TQuestion; option: (id: string, label: string, hint?: string) => ReactNode }) {
  return (
    <div className="choices">
      {q.options.map((o) => option(o.id, o.label, o.hint))}
      <p className="choice-divider">or</p>
      {option(UNKNOWN, answerWords.unknown)}
    </div>
  );
}
