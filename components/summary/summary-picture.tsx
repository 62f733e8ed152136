/**
 * The summary before this tab's saved answers are read: the question page's picture
 * (question-preview.tsx), made for the summary. The sections that open the summary and fill a phone's
 * first screen are in the static page with every answer they could show, in a template; a small
 * inline script (picture-script.ts) copies the rows the saved answers fill into the page before its
 * scripts load, so a reload paints the answers at once instead of a loading line that the page later
 * replaces (issue 23). The rest of the summary comes with the page, below. It is a picture, not the
 * page: its links do nothing, and the real view (same layout, same places) takes its place once the
 * answers are read and validated.
 *
 * The picture is shown only when it is what the summary will be above and among its rows, so that
 * nothing the page adds later pushes it down: this tab's saved progress (same content version,
 * confirmed on the start page) stands at the summary, in the form the full reading accepts; nothing is
 * set aside; the answers raise no red flag; every enabled question is answered, and none that could
 * raise a red flag is "Unknown" (no unanswered notice); the case was not launched from a record (its
 * patient line comes later). Anything else keeps the loading line.
 *
 * When the view comes, the picture is hidden in the same commit and emptied a frame later
 * (`useEmptiedOnceHidden`): taken out by React as the view came, it cost 400 ms of blocking time in
 * Lighthouse's runs.
 */
import { memo } from 'react';
import { flowContent as content } from '@/content/flow';
import { answerWords, UNKNOWN } from '@/content/ids';
import { summaryText } from '@/content/summary-text';
import type { TQuestion } from '@/content/schema';
import { PictureFrame } from '../shared/built-only';
import { LoadingAnswers } from '../shared/loading-answers';
import { PICTURE } from './picture-ids';
import { showSummaryPicture, type TSummaryPictureGuard } from './picture-script';

/** True only while the page is built: the browser's copy of this module never makes the script. */
const building = typeof window === 'undefined';

/**
 * The loading line (while `waiting`), the place the script copies the picture into (hidden once the
 * answers are read: `replaced`), and the picture in a template. Memoised: reading the saved answers
 * re-renders the page around it.
 */
export const SummaryPicture = memo(function SummaryPicture({
  guard,
  waiting,
  replaced,
}: {
  guard: TSummaryPictureGuard;
  waiting: boolean;
  replaced: boolean;
}) {
  return (
    <PictureFrame
      ids={PICTURE}
      loading={<LoadingAnswers title="Check your answers" />}
      // Made at build only: the browser's copy of this module needs neither (picture-script.ts).
      parts={building ? <PictureParts /> : null}
      script={building ? showSummaryPicture(guard) : ''}
      waiting={waiting}
      replaced={replaced}
    />
  );
});

/**
 * The sections that open the summary and fill a phone's first screen (412 by 823): the two every case
 * is asked, and the diagnoses. The rows below them come with the page, under what is already painted;
 * with fewer rows above, the diagnoses' were the largest thing in view, painted after hydration.
 */
const PICTURED = new Set(content.sections.slice(0, 3).map((s) => s.id));

/**
 * The top of the summary (summary-view.tsx) with nothing to press: the opening sections' every row,
 * and the gate's notice. Every other question's options, without words, for the script to check
 * saved answers against (the same options, in their order, "Unknown" last).
 */
export function PictureParts() {
  const others = content.questions.filter((q) => !PICTURED.has(q.section));
  return (
    <div className="summary-picture">
      <span className="back-link" aria-hidden="true">
        Back
      </span>
      <h1 data-loading="">Check your answers</h1>
      <p className="panel panel--info" {...{ [PICTURE.gate]: '' }}>
        {summaryText.gateClosed}
      </p>
      {content.sections
        .filter((section) => PICTURED.has(section.id))
        .map((section) => (
          <section key={section.id} className="summary-section">
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
      <div hidden {...{ [PICTURE.optionsOnly]: '' }}>
        {others.map((q) => (
          <div key={q.id} {...{ [PICTURE.question]: q.id, [PICTURE.options]: answersOf(q).map((o) => o.id).join(' ') }} />
        ))}
      </div>
      <p className="visually-hidden" role="status">
        Loading your answers from this tab…
      </p>
    </div>
  );
}

/** The answers a question's row can show, as it lists them: its options in order, "Unknown" last. */
const answersOf = (q: TQuestion) => [...q.options.filter((o) => o.id !== UNKNOWN), { id: UNKNOWN, label: answerWords.unknown }];

/**
 * A row as `AnswerRows` (summary-view.tsx) draws it, with every answer it could read: each option's
 * label (the script puts "; " before each but the first it shows, as `answerText` joins them), and
 * "Unknown".
 */
function PictureRow({ q }: { q: TQuestion }) {
  return (
    <div className="summary-list__row" {...{ [PICTURE.question]: q.id }}>
      <dt>{q.prompt}</dt>
      <dd className="summary-list__answer">
        {answersOf(q).map((o) => (
          <span key={o.id} {...{ [PICTURE.option]: o.id }}>
            {o.label}
          </span>
        ))}
      </dd>
      <dd className="summary-list__change">
        <span className="summary-picture__link" aria-hidden="true">
          Change
        </span>
      </dd>
    </div>
  );
}
