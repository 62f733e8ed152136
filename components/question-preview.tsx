/**
 * The question page before this tab's saved answers are read. Every question is in the static page,
 * hidden; a small inline script shows the one the address names (`/questionnaire#B2`) before the
 * page's scripts load, so a reload or a bookmark paints the question at once instead of a loading
 * line that is later replaced (and moves the page). It is a picture of the question, not a form:
 * its inputs and Continue are disabled until the saved answers are read and the real form (same
 * layout, same places) takes its place. With JavaScript off the script does not run, nothing is
 * shown but the loading line and the page's "needs JavaScript" message.
 */
import { flowContent as content } from '@/content/flow';
import { UNKNOWN } from '@/content/ids';
import type { TQuestion } from '@/content/schema';
import { QUESTION_ID } from '@/machines/paths';
import { UNKNOWN_LABEL } from './answer-text';
import { LoadingAnswers } from './loading-answers';

const PREVIEW_PREFIX = 'question-preview-';
const LOADING_ID = 'question-loading';

/**
 * Runs as the page is parsed (hashed into the page's CSP at build). The fragment must be a question
 * id by the pattern `machines/paths.ts` reads addresses with; it is only looked up, never written
 * into the page.
 */
const SHOW_NAMED_QUESTION = `(function(){var id=location.hash.slice(1);if(!${String(QUESTION_ID)}.test(id))return;var p=document.getElementById(${JSON.stringify(PREVIEW_PREFIX)}+id);if(!p)return;p.hidden=false;var l=document.getElementById(${JSON.stringify(LOADING_ID)});if(l)l.hidden=true;})();`;

/** Every question, hidden, and the loading line; the script shows the one the address names. */
export function QuestionPreviews() {
  return (
    <>
      {/* The script changes `hidden` before hydration: React keeps what it finds. */}
      <div id={LOADING_ID} suppressHydrationWarning>
        <LoadingAnswers title="Question" />
      </div>
      {content.questions.map((q) => (
        <QuestionPreview key={q.id} q={q} />
      ))}
      <script dangerouslySetInnerHTML={{ __html: SHOW_NAMED_QUESTION }} />
    </>
  );
}

/** The layout of `StepForm` (question-step.tsx) with nothing to press. */
function QuestionPreview({ q }: { q: TQuestion }) {
  const section = content.sections.find((s) => s.id === q.section);
  const inGate = q.section === content.sections[0]?.id;
  const type = q.kind === 'single' ? 'radio' : 'checkbox';
  const option = (id: string, label: string, hint?: string) => (
    <div className="choice" key={id}>
      <input id={`${PREVIEW_PREFIX}${q.id}-${id}`} type={type} />
      <label htmlFor={`${PREVIEW_PREFIX}${q.id}-${id}`}>
        {label}
        {hint ? <span className="hint small"> {hint}</span> : null}
      </label>
    </div>
  );
  return (
    <div id={`${PREVIEW_PREFIX}${q.id}`} hidden suppressHydrationWarning>
      <span className="back-link" aria-hidden="true">
        Back
      </span>
      <div className="form-group">
        <fieldset disabled>
          <legend>
            {/* The numbers need the answers: their space is kept, so the line wraps where it will. */}
            <span className="caption progress">
              Question <span className="progress-pending">00</span> of up to <span className="progress-pending">00</span>
              <span className="progress-section"> · {section?.title}</span>
            </span>
            <h1 data-loading="">{q.prompt}</h1>
          </legend>
          <p className="hint">
            <strong>What this means: </strong>
            {q.help}
            {q.kind === 'multi' ? ' Select all that apply.' : ''}
          </p>
          <div className="choices">
            {q.options.map((o) => option(o.id, o.label, o.hint))}
            <p className="choice-divider">or</p>
            {option(UNKNOWN, UNKNOWN_LABEL)}
          </div>
        </fieldset>
      </div>
      <div className="button-group">
        <button className="button" type="button" disabled>
          Continue
        </button>
        {!inGate ? (
          <button className="button button--secondary" type="button" disabled>
            Skip the rest of this section
          </button>
        ) : null}
      </div>
      <p className="visually-hidden" role="status">
        Loading your answers from this tab…
      </p>
    </div>
  );
}
