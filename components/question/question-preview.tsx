/**
 * The question page before this tab's saved answers are read. Every question is in the static page,
 * in a template; a small inline script (preview-script.ts) copies the one the address names
 * (`/questionnaire#B2`) into the page before the page's scripts load, so a reload paints the question
 * at once instead of a loading line that is later replaced (and moves the page). It is a picture of
 * the question, not a form: its inputs and Continue are disabled until the saved answers are read
 * and validated, and the real form (same layout, same places) takes its place.
 *
 * The picture is shown only when it is what the form will be: this tab's saved progress (same
 * content version, confirmed on the start page) stands at that very question, its saved answer is
 * ticked, and no saved answer, set-aside ones included (a change may bring them back), could raise
 * a red flag (the notice would come above the question and push it down). Saved progress larger
 * than any real session is not read. Anything else — a bookmark in a fresh tab, an address the
 * answers do not lead to, progress that will be rejected — keeps the loading line. With JavaScript
 * off the script does not run: the loading line and the page's "needs JavaScript" message.
 */
import { memo } from 'react';
import type { TAnswersNeeded } from '@/content/conditions';
import { flowContent as content } from '@/content/flow';
import type { TQuestion } from '@/content/schema';
import { PictureFrame } from '../shared/built-only';
import { LoadingAnswers } from '../shared/loading-answers';
import { END_ID, LOADING_ID, PARTS_ID, PREVIEW_PREFIX, SHOWN_ID } from './preview-ids';
import { showNamedQuestion } from './preview-script';
import { QuestionChoices, QuestionHint } from './question-parts';

/** True only while the page is built: the browser's copy of this module never makes the script. */
const building = typeof window === 'undefined';

/** The answers without which no red flag can be raised (content/conditions.ts, `answersNeeded`). */
export type TRedFlagGuard = TAnswersNeeded;

/**
 * The loading line (while `waiting`), the place the script copies the named question's picture into,
 * and every question's picture in a template: not in the page until copied, so there is nothing to
 * lay out, find or take out again but the one shown. Memoised: reading the saved answers re-renders
 * the page around it.
 *
 * It keeps its place in the page once the form has come (`replaced`): the copy is hidden in the
 * commit that draws the form and emptied a frame later (`useEmptiedOnceHidden`). Taken out by React
 * as the form came, the copy was the page's longest task in Lighthouse's runs.
 */
export const QuestionPreviews = memo(function QuestionPreviews({
  guard,
  message,
  waiting,
  replaced,
}: {
  guard: TRedFlagGuard;
  message?: string;
  waiting: boolean;
  replaced: boolean;
}) {
  return (
    <PictureFrame
      ids={{ loading: LOADING_ID, shown: SHOWN_ID, parts: PARTS_ID, end: END_ID }}
      loading={<LoadingAnswers title="Question" message={message} />}
      // Made at build only: the browser's copy of this module needs neither (preview-script.ts).
      parts={building ? content.questions.map((q) => <QuestionPreview key={q.id} q={q} />) : null}
      script={building ? showNamedQuestion(guard) : ''}
      waiting={waiting}
      replaced={replaced}
    />
  );
});

/** The layout of `StepForm` (question-step.tsx) with nothing to press. */
function QuestionPreview({ q }: { q: TQuestion }) {
  const section = content.sections.find((s) => s.id === q.section);
  const type = q.kind === 'single' ? 'radio' : 'checkbox';
  const option = (id: string, label: string, hint?: string) => (
    <div className="choice" key={id}>
      <input id={`${PREVIEW_PREFIX}${q.id}-${id}`} name={`${PREVIEW_PREFIX}${q.id}`} type={type} suppressHydrationWarning />
      <label htmlFor={`${PREVIEW_PREFIX}${q.id}-${id}`}>
        {label}
        {hint ? <span className="hint small"> {hint}</span> : null}
      </label>
    </div>
  );
  return (
    <div id={`${PREVIEW_PREFIX}${q.id}`} data-question-preview="" hidden>
      <span className="back-link" aria-hidden="true">
        Back
      </span>
      <div className="form-group">
        <fieldset disabled>
          <legend>
            {/* The numbers need the answers: their space is kept, so the line wraps where it will
                (hidden from screen readers until then: the heading names the group). */}
            <span className="caption progress" aria-hidden="true">
              Question <span className="progress-pending">00</span> of up to <span className="progress-pending">00</span>
              <span className="progress-section"> · {section?.title}</span>
            </span>
            <h1 data-loading="">{q.prompt}</h1>
          </legend>
          <QuestionHint q={q} />
          <QuestionChoices q={q} option={option} />
        </fieldset>
      </div>
      <div className="action-bar">
        <button className="button" type="button" disabled>
          Continue
        </button>
      </div>
      <p className="visually-hidden" role="status">
        Loading your answers from this tab…
      </p>
    </div>
  );
}
