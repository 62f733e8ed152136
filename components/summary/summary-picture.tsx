/**
 * The summary before this tab's saved answers are read: the question page's picture
 * (question-preview.tsx), made for the summary. Every section, every question's row and every
 * answer it could read are in the static page, hidden; a small inline script shows the rows the
 * saved answers fill before the page's scripts load, so a reload paints the answers at once instead
 * of a loading line that the page later replaces (the largest paint came a second time, after
 * hydration: issue 23). It is a picture, not the page: its links and button do nothing, and the real
 * view (same layout, same places) takes its place once the answers are read and validated.
 *
 * The picture is shown only when it is what the summary will be above the rows, so that nothing the
 * page adds later pushes it down: this tab's saved progress (same content version, confirmed on the
 * start page) stands at the summary; nothing is set aside; the answers raise no red flag;
 * every enabled question is answered, and none that could raise a red flag is "Unknown" (no
 * unanswered notice); the case was not launched from a record (its patient line comes later).
 * Anything else keeps the loading line. The script only reads: ids and values from storage are
 * looked up among the page's own elements, never written into it.
 */
import { memo } from 'react';
import { conditionsQuestions } from '@/content/conditions';
import { flowContent as content } from '@/content/flow';
import { answerWords, UNKNOWN } from '@/content/ids';
import type { TCondition, TQuestion } from '@/content/schema';
import { enabledIdsOf, enablePlanOf, listHolds } from '@/machines/answers/answers';
import { readSaved, SAVED_LIMITS, STORAGE_KEY } from '@/machines/exchange/session-format';
import { RECORD_KEY } from '@/machines/record/key';
import { LoadingAnswers } from '../shared/loading-answers';

/** Said above the rows when a mimic in the first section closed the bedside and the diagnoses. */
export const GATE_CLOSED_NOTICE =
  'Your answer in the first section points to a movement that mimics myoclonus, so the bedside questions and the diagnoses were not asked; the safety screen was. Change it if the movements are in fact jerks or lapses.';

/** What the page works out at build from the full content (the rules stay out of its first load). */
export type TSummaryPictureGuard = {
  /** Every red flag's condition (`redFlagsOf`, assess.ts: over the enabled answers, "Unknown" left out). */
  redFlags: readonly TCondition[];
  /** Every question a red flag's condition names: left "Unknown", it is named in the unanswered notice. */
  flagQuestions: readonly string[];
};

/** The guard from the content's red flags (the page calls it at build, with the full content). */
export const pictureGuardOf = (redFlags: readonly { when: TCondition }[]): TSummaryPictureGuard => {
  const conditions = redFlags.map((r) => r.when);
  return { redFlags: conditions, flagQuestions: conditionsQuestions(conditions) };
};

const ID = {
  loading: 'summary-loading',
  picture: 'summary-picture',
  gate: 'summary-picture-gate',
  section: 'summary-picture-section-',
  row: 'summary-picture-row-',
  answer: 'summary-picture-answer-',
  end: 'summary-picture-end',
};

/**
 * Runs once, as the page is parsed (hashed into the page's CSP at build). Saved progress is read by
 * the format's own first reading, `readSaved`; the enabled questions and the red flags are found by
 * `enabledIdsOf` and `listHolds` (answers.ts), the conditions' own reading for lists. The script
 * carries the three functions' source. The form's own reading (validation included) decides what
 * is finally shown.
 */
export function showSummaryPicture(guard: TSummaryPictureGuard): string {
  const constants = JSON.stringify({ key: STORAGE_KEY, record: RECORD_KEY, limits: SAVED_LIMITS, id: ID, unknown: UNKNOWN, guard, plan: enablePlanOf(content) });
  return `(function(){var c=${constants},read=(${String(readSaved)}),holds=(${String(listHolds)}),enabledOf=(${String(enabledIdsOf)});
var $=function(id){return document.getElementById(id)};var loading=$(c.id.loading),picture=$(c.id.picture);if(!loading||!picture)return;
var r;try{if(sessionStorage.getItem(c.record)!==null)return;r=read(sessionStorage.getItem(c.key),c.limits)}catch(e){return}
if(r.kind!=='read'||!r.peek.attested||r.peek.place!=='summary')return;
var a=r.peek.answers,q,i,j;for(q in r.peek.setAside)return;
var on=enabledOf(a,c.plan,holds),shown=[],known={};for(q in a){if(on.indexOf(q)<0)return;var k=a[q].filter(function(v){return v!==c.unknown});if(k.length)known[q]=k}
for(i=0;i<c.guard.redFlags.length;i++)if(holds(c.guard.redFlags[i],known))return;
for(i=0;i<on.length;i++){q=on[i];var given=a[q]||[];if(given.length===0)return;
var unknown=given.length===1&&given[0]===c.unknown;if(unknown&&c.guard.flagQuestions.indexOf(q)>=0)return;
var row=$(c.id.row+q),spans=[],last=-1;if(!row)return;
for(j=0;j<given.length;j++){var s=$(c.id.answer+q+'-'+given[j]);if(!s||!row.contains(s)||(given[j]===c.unknown&&!unknown))return;
var at=Array.prototype.indexOf.call(s.parentNode.children,s);if(at<=last)return;last=at;spans.push(s)}shown.push([row,spans,unknown])}
for(i=0;i<shown.length;i++){var p=shown[i];p[0].hidden=false;p[0].parentNode.parentNode.hidden=false;
if(p[2])p[1][0].parentNode.className+=' not-provided';for(j=0;j<p[1].length;j++){p[1][j].hidden=false;if(j>0)p[1][j].firstChild.hidden=false}}
var closed=false;for(i=0;i<c.plan.sections.length;i++){var sec=c.plan.sections[i];if(!sec.when)continue;var any=false;
for(j=0;j<c.plan.questions.length;j++)if(c.plan.questions[j].section===sec.id&&on.indexOf(c.plan.questions[j].id)>=0)any=true;if(!any)closed=true}
$(c.id.gate).hidden=!closed;picture.hidden=false;loading.hidden=true})();`;
}

/**
 * The loading line and the picture, hidden, with the script that shows the picture. Memoised: it
 * does not change while the answers are read.
 */
export const SummaryPicture = memo(function SummaryPicture({ guard, beforeResults }: { guard: TSummaryPictureGuard; beforeResults: string }) {
  return (
    <>
      {/* The script changes `hidden` (and a class) before hydration: React keeps what it finds. */}
      <div id={ID.loading} suppressHydrationWarning>
        <LoadingAnswers title="Check your answers" />
      </div>
      <div id={ID.picture} className="summary-picture" hidden suppressHydrationWarning>
        <span className="back-link" aria-hidden="true">
          Back
        </span>
        <h1 data-loading="">Check your answers</h1>
        <p id={ID.gate} className="panel panel--info" hidden suppressHydrationWarning>
          {GATE_CLOSED_NOTICE}
        </p>
        {content.sections.map((section) => (
          <section key={section.id} id={`${ID.section}${section.id}`} className="summary-section" hidden suppressHydrationWarning>
            <h2>{section.title}</h2>
            <dl className="summary-list summary-list--compact">
              {content.questions
                .filter((q) => q.section === section.id)
                .map((q) => (
                  <PictureRow key={q.id} q={q} />
                ))}
            </dl>
          </section>
        ))}
        <div className="summary-next">
          <h2>Now see the assessment</h2>
          <p>{beforeResults}</p>
          <button type="button" className="button" disabled>
            See the assessment
          </button>
        </div>
        <p className="visually-hidden" role="status">
          Loading your answers from this tab…
        </p>
      </div>
      <script dangerouslySetInnerHTML={{ __html: showSummaryPicture(guard) }} />
      {/* The browser paints nothing until this is parsed (the link below): a paint while the picture
          is still hidden would be the page's first, and the picture a larger one after it. */}
      <span id={ID.end} hidden />
      <link rel="expect" href={`#${ID.end}`} {...{ blocking: 'render' }} />
    </>
  );
});

/**
 * A row as `AnswerRows` (summary-view.tsx) draws it, with every answer it could read hidden: each
 * option's label after a "; " the script shows from the second on (`answerText`), and "Unknown".
 */
function PictureRow({ q }: { q: TQuestion }) {
  return (
    <div id={`${ID.row}${q.id}`} className="summary-list__row" hidden suppressHydrationWarning>
      <dt>{q.prompt}</dt>
      <dd className="summary-list__answer" suppressHydrationWarning>
        {q.options.map((o) =>
          o.id === UNKNOWN ? null : (
            <span key={o.id} id={`${ID.answer}${q.id}-${o.id}`} hidden suppressHydrationWarning>
              <span hidden suppressHydrationWarning>
                {'; '}
              </span>
              {o.label}
            </span>
          ),
        )}
        <span id={`${ID.answer}${q.id}-${UNKNOWN}`} hidden suppressHydrationWarning>
          <span hidden>{'; '}</span>
          {answerWords.unknown}
        </span>
      </dd>
      <dd className="summary-list__change">
        <span className="summary-picture__link" aria-hidden="true">
          Change
        </span>
      </dd>
    </div>
  );
}
