/**
 * The question page before this tab's saved answers are read. Every question is in the static page,
 * in a template; a small inline script copies the one the address names into the page
 * (`/questionnaire#B2`) before the
 * page's scripts load, so a reload paints the question at once instead of a loading line that is
 * later replaced (and moves the page). It is a picture of the question, not a form: its inputs and
 * Continue are disabled until the saved answers are read and validated, and the real form (same
 * layout, same places) takes its place.
 *
 * The picture is shown only when it is what the form will be: this tab's saved progress (same
 * content version, confirmed on the start page) stands at that very question, its saved answer is
 * ticked, and no saved answer, set-aside ones included (a change may bring them back), could raise
 * a red flag (the notice would come above the question and push it down). Saved progress larger
 * than any real session is not read. Anything else — a bookmark in a fresh tab, an address the answers do not lead to,
 * progress that will be rejected — keeps the loading line. With JavaScript off the script does not
 * run: the loading line and the page's "needs JavaScript" message.
 */
import { memo } from 'react';
import type { TAnswersNeeded } from '@/content/conditions';
import { flowContent as content } from '@/content/flow';
import type { TQuestion } from '@/content/schema';
import { QUESTION_ID } from '@/machines/flow/paths';
import { readSaved, SAVED_LIMITS, STORAGE_KEY } from '@/machines/exchange/session-format';
import { BuiltOnly } from '../shared/built-only';
import { LoadingAnswers } from '../shared/loading-answers';
import { QuestionChoices, QuestionHint } from './question-parts';

const PREVIEW_PREFIX = 'question-preview-';
const LOADING_ID = 'question-loading';
const END_ID = 'question-preview-end';
const SHOWN_ID = 'question-preview-shown';
const PARTS_ID = 'question-preview-parts';

/** The answers without which no red flag can be raised (content/conditions.ts, `answersNeeded`). */
export type TRedFlagGuard = TAnswersNeeded;

/**
 * Runs as the page is parsed, and again if the fragment changes before the form is there (hashed
 * into the page's CSP at build). Saved progress is read by the format's own first reading,
 * `readSaved` (session-format.ts), whose source the script carries. It is only read: ids and values
 * from it are looked up among the page's own elements, never written into the page. The form's own
 * reading (validation included) decides what is finally shown.
 */
export function showNamedQuestion(guard: TRedFlagGuard): string {
  const constants = JSON.stringify({ key: STORAGE_KEY, limits: SAVED_LIMITS, prefix: PREVIEW_PREFIX, loading: LOADING_ID, shown: SHOWN_ID, parts: PARTS_ID, guard });
  return `(function(){var c=${constants},ID=${String(QUESTION_ID)},read=(${String(readSaved)});
function show(){var $=function(id){return document.getElementById(id)},loading=$(c.loading),shown=$(c.shown),parts=$(c.parts);
if(!loading||!shown||!parts){removeEventListener('hashchange',show);return}
var id=location.hash.slice(1);if(!ID.test(id))return;var p=parts.content.getElementById(c.prefix+id);if(!p)return;
while(shown.firstChild)shown.removeChild(shown.firstChild);loading.hidden=false;
var r;try{r=read(sessionStorage.getItem(c.key),c.limits)}catch(e){return}
if(r.kind!=='read'||!r.peek.attested||r.peek.question!==id)return;
var a=r.peek.answers,b=r.peek.setAside;if(c.guard.always)return;
for(var q in c.guard.byQuestion){var v=(a[q]||[]).concat(b[q]||[]);for(var j=0;j<v.length;j++)if(c.guard.byQuestion[q].indexOf(v[j])>=0)return}
var copy=document.importNode(p,true),inputs=copy.querySelectorAll('input'),mine=a[id]||[];
for(var k=0;k<inputs.length;k++)for(var m=0;m<mine.length;m++)if(inputs[k].id===c.prefix+id+'-'+mine[m])inputs[k].checked=true;
copy.hidden=false;shown.appendChild(copy);loading.hidden=true}
show();addEventListener('hashchange',show)})();`;
}

/**
 * The loading line, the place the script copies the named question's picture into, and every
 * question's picture in a template: not in the page until copied, so there is nothing to lay out,
 * find or take out again but the one shown (taking a thousand hidden elements out as the form came
 * was the page's longest task in Lighthouse's run, measured). Memoised: reading the saved answers
 * re-renders the page around it, and this part does not change with them.
 */
export const QuestionPreviews = memo(function QuestionPreviews({ redFlagGuard, message }: { redFlagGuard: TRedFlagGuard; message?: string }) {
  return (
    <>
      {/* The script changes `hidden` before hydration: React keeps what it finds. */}
      <div id={LOADING_ID} suppressHydrationWarning>
        <LoadingAnswers title="Question" message={message} />
      </div>
      <BuiltOnly id={SHOWN_ID} />
      <BuiltOnly hidden>
        <template id={PARTS_ID}>
          {content.questions.map((q) => (
            <QuestionPreview key={q.id} q={q} />
          ))}
        </template>
      </BuiltOnly>
      <script dangerouslySetInnerHTML={{ __html: showNamedQuestion(redFlagGuard) }} />
      {/* The browser paints nothing until this is parsed (the link below): a paint while the picture
          is still hidden would be the page's first, and the picture a larger one after it. */}
      <span id={END_ID} hidden />
      <link rel="expect" href={`#${END_ID}`} {...{ blocking: 'render' }} />
    </>
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
