'use client';

/**
 * Check your answers: every enabled question by section, its answer, and a Change link; then the
 * answers set aside by a change, grouped by the answer that set them aside.
 */
import { memo, useEffect, useMemo, useState } from 'react';
import { flowContent as content } from '@/content/flow';
import { summaryText } from '@/content/summary-text';
import { enabledQuestions, setAsideGroups, type TAnswers } from '@/machines/answers/answers';
import type { TQuestion } from '@/content/schema';
import { selectGateClosed } from '@/machines/flow/questionnaire.machine';
import { answerKind, answerText } from '@/machines/answers/vocabulary';
import { Flow, useSession } from '../shared/flow-provider';
import { FlowLink } from '../shared/flow-link';
import { SummaryPicture } from './summary-picture';
import type { TSummaryPictureGuard } from './picture-script';
import { ResumeFromFile } from '../start/resume-from-file';
import { UnansweredNotice } from '../shared/unanswered-notice';
import { unansweredSection } from '@/machines/result/unanswered';
import { useShortcutCheck } from '../question/use-shortcut-check';
import { SummarySuggestionsSlot } from '../record/summary-slot';
import { RecordLineSlot } from '../record/record-slots';

/**
 * The question whose Change link was pressed last: when the summary opens again after that change,
 * it opens at that row, with focus on its Change link (flow-provider.tsx focuses what is marked
 * `data-takes-focus`), not at the top of a long page. Kept in the page's memory only: a reload opens
 * the summary at its top.
 */
let changedRow: string | null = null;

/**
 * `beforeResults` is the disclaimer shown before the assessment, `pictureGuard` what the picture
 * shown until the answers are read must know of the red flags (summary-picture.tsx). Both are made by
 * the page at build: the page does not load the rules in its first load; they come on demand, to name
 * the red flags raised and those still open.
 */
export function SummaryView({ beforeResults, pictureGuard }: { beforeResults: string; pictureGuard: TSummaryPictureGuard }) {
  const actor = Flow.useActorRef();
  const answers = Flow.useSelector((s) => s.context.answers);
  const enabled = useMemo(() => enabledQuestions(answers, content), [answers]);
  const gateClosed = Flow.useSelector(selectGateClosed);
  const setAside = Flow.useSelector((s) => s.context.setAside);
  const { ready, importNotes, notice } = useSession();
  const here = Flow.useSelector((s) => s.matches('summary'));
  const { check, failed: checkFailed } = useShortcutCheck(ready && here && Object.keys(answers).length > 0);
  const raised = useMemo(() => (check ? check.redFlagLabels(answers) : []), [check, answers]);
  const flagging = useMemo(() => (check ? check.unansweredFlags(answers) : null), [check, answers]);
  // Taken once: the next time the summary opens (from the header, Back or the result), at its top.
  const [returnRow] = useState(() => changedRow);
  useEffect(() => {
    changedRow = null;
  }, []);
  // Saved answers are read in the browser: until then, their picture when it is sure, else a loading
  // line. The picture keeps its place in the tree, so what the inline script drew stays until replaced:
  // by the page, or by the loading line when the code that reads the answers could not load (the
  // picture's rows look like a summary that works; a question's picture is plainly disabled).
  const shown = ready && here;
  return (
    <>
      <SummaryPicture guard={pictureGuard} waiting={!shown} replaced={ready || notice?.kind === 'unread'} />
      {shown ? (
        <>
          {/* Where the machine's Back goes (after "Go to the summary", the question it was pressed on). */}
          <FlowLink className="back-link" data-moves-page="back" event={{ type: 'step.back' }}>
            Back
          </FlowLink>
          <h1>Check your answers</h1>
          <RecordLineSlot />
          {raised.length > 0 ? (
            <section className="panel panel--warning red-flags" aria-labelledby="raised-title">
              <h2 id="raised-title">{raised.length === 1 ? 'Red flag raised' : 'Red flags raised'}</h2>
              <ul className="flag-list">
                {raised.map((label) => (
                  <li key={label}>
                    <strong>{label}</strong>
                  </li>
                ))}
              </ul>
              <p className="small">{check?.redFlagsFirst}</p>
            </section>
          ) : null}
          {checkFailed ? (
            // Never an empty place where red flags would be: say they are not shown, and how to get them.
            <div className="panel panel--warning" role="alert">
              <p>
                The red-flag check could not be loaded on this page, so the red flags your answers raise are not named
                here. The assessment still lists every red flag. Reload the page to try again.
              </p>
              <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
                Reload the page
              </button>
            </div>
          ) : null}
          {gateClosed ? <p className="panel panel--info">{summaryText.gateClosed}</p> : null}
          <UnansweredNotice section={unansweredSection(enabled, answers, flagging)} answerLinks />
          {importNotes.length > 0 ? (
            <div className="panel panel--info" role="region" aria-labelledby="import-notes">
              <h2 id="import-notes">The file was read with {importNotes.length === 1 ? 'one change' : `${importNotes.length} changes`}</h2>
              <ul>
                {importNotes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <AnswerRows enabled={enabled} answers={answers} returnRow={returnRow} />
          <SetAsideAnswers setAside={setAside} answers={answers} />
          <div className="summary-next">
            <h2>Now see the assessment</h2>
            <p>{beforeResults}</p>
            <button type="button" className="button" data-moves-page="assessment" onClick={() => actor.send({ type: 'summary.confirm' })}>
              See the assessment
            </button>
          </div>
          <ResumeFromFile />
        </>
      ) : null}
    </>
  );
}

/**
 * Every enabled question by section: its answer and its Change link. Memoised: the red-flag check
 * arrives after the rows are drawn, and the notice it brings must not draw every row again.
 */
const AnswerRows = memo(function AnswerRows({ enabled, answers, returnRow }: { enabled: readonly TQuestion[]; answers: TAnswers; returnRow: string | null }) {
  return (
    <>
      {content.sections.map((section) => {
        const rows = enabled.filter((q) => q.section === section.id);
        if (rows.length === 0) return null;
        return (
          <section key={section.id} className="summary-section" aria-labelledby={`section-${section.id}`}>
            <h2 id={`section-${section.id}`}>{section.title}</h2>
            <dl className="summary-list summary-list--compact">
              {rows.map((q) => {
                return (
                  <div className="summary-list__row" key={q.id}>
                    <dt>{q.prompt}</dt>
                    <dd className={`summary-list__answer${answerKind(answers[q.id]) === 'answered' ? '' : ' not-provided'}`}>{answerText(q, answers[q.id])}</dd>
                    <dd className="summary-list__change">
                      <FlowLink
                        data-moves-page="change"
                        data-takes-focus={q.id === returnRow ? '' : undefined}
                        event={{ type: 'summary.change', question: q.id }}
                        onFollow={() => {
                          changedRow = q.id;
                        }}
                      >
                        Change<span className="visually-hidden"> your answer to: {q.prompt}</span>
                      </FlowLink>
                    </dd>
                    <SummarySuggestionsSlot q={q} />
                  </div>
                );
              })}
            </dl>
          </section>
        );
      })}
    </>
  );
});

const questionsById = new Map(content.questions.map((q) => [q.id, q]));

/** "N answers set aside because of your answer to …", with which ones, per answer that set them aside. */
function SetAsideAnswers({ setAside, answers }: { setAside: TAnswers; answers: TAnswers }) {
  const groups = setAsideGroups(setAside, answers, content);
  if (groups.length === 0) return null;
  const count = Object.keys(setAside).length;
  return (
    <section aria-labelledby="set-aside-title">
      <h2 id="set-aside-title">{count === 1 ? '1 answer set aside' : `${count} answers set aside`}</h2>
      <p>
        These questions no longer apply, so their answers are left out of the assessment and every export. They are kept
        in this tab and come back if you change the answer that set them aside.
      </p>
      {groups.map((group) => {
        const because = group.because.map((id) => {
          const q = questionsById.get(id)!;
          return `“${q.prompt}” (${answerText(q, answers[id])})`;
        });
        const n = group.questions.length;
        return (
          <div key={group.questions.join()}>
            <p>
              <strong>
                {n === 1 ? '1 answer' : `${n} answers`} set aside because of your answer to {because.join(' and ') || 'an earlier question'}:
              </strong>
            </p>
            <dl className="summary-list">
              {group.questions.map((id) => {
                const q = questionsById.get(id)!;
                return (
                  <div className="summary-list__row" key={id}>
                    <dt>{q.prompt}</dt>
                    <dd>{answerText(q, setAside[id])}</dd>
                  </div>
                );
              })}
            </dl>
          </div>
        );
      })}
    </section>
  );
}
