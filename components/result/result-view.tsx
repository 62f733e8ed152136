'use client';

/**
 * The result page. It renders the result document and nothing else: every clinical decision (what
 * shows, in which order, in which words) is made in machines/result/document.ts, and the PDF recap is
 * made from the same document the page shows.
 */
import { useEffect, useMemo, useRef } from 'react';
import { contentData as content } from '@/content/data';
import { assess } from '@/machines/assessment/assess';
import { resultDocument } from '@/machines/result/document';
import { FlowLink } from '../shared/flow-link';
import { ExportPanel } from './export-panel';
import { Flow, useSession } from '../shared/flow-provider';
import { keepPicture } from './keep-picture';
import { ResultPicture } from './result-picture';
import { whenIdle } from '../shared/when-idle';
import { ResultSections } from './result-sections';
import { SaveToRecordSlot } from '../record/save-slot';
import { RecordLineSlot } from '../record/record-slots';
import { useRecord } from '../record/record-provider';

export function ResultView() {
  const { startAgain, ready, notice } = useSession();
  const answers = Flow.useSelector((s) => s.context.answers);
  const here = Flow.useSelector((s) => s.matches('result'));
  // Saved answers are read in the browser: never assess (nor show) answers not yet loaded.
  const shown = ready && here;
  const setAside = Flow.useSelector((s) => s.context.setAside);
  // A case started from the record: which answers came from it, and from which resources.
  const { session, fromRecord: fromRecordFor } = useRecord();
  const record = session?.bound ? session : null;
  const fromRecord = useMemo(() => fromRecordFor(answers), [fromRecordFor, answers]);
  // The one document the page, print and the PDF recap show.
  const shownDocument = useMemo(
    () => (shown ? resultDocument(assess(answers, content), { answers, setAside, fromRecord, record: record ? { ...record.context, label: record.patientLabel } : null }, content) : null),
    [shown, answers, setAside, fromRecord, record],
  );

  // Printing shows every folded section.
  useEffect(() => {
    const open = () => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''));
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);

  // Once the result is shown, its picture is kept for a reload of this page (keep-picture.ts), when
  // the browser is idle: after the page has painted and can be used.
  const view = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = view.current;
    if (!shownDocument || !element) return;
    return whenIdle(() => keepPicture(element), 2_000);
  }, [shownDocument]);

  // Until the answers are read and assessed: the picture this tab kept of this result, when it is
  // for exactly the progress saved now, else a loading line (result-picture.tsx). It keeps its place
  // in the tree, so what the inline script drew stays until the view takes its place.
  return (
    <>
      <ResultPicture waiting={!shownDocument} replaced={shownDocument !== null || notice?.kind === 'unread'} />
      {shownDocument ? (
        <div className="result" ref={view}>
          <FlowLink className="back-link" event={{ type: 'summary.open' }}>
            Back to your answers
          </FlowLink>
          <h1>Assessment</h1>
          <RecordLineSlot />

          <ResultSections document={shownDocument} links />

          <ExportPanel document={shownDocument} fromRecord={fromRecord} />

          <SaveToRecordSlot content={content} />

          <div className="button-group">
            <FlowLink className="button button--secondary" event={{ type: 'summary.open' }}>
              Change your answers
            </FlowLink>
            <button type="button" className="link-button" onClick={startAgain}>
              Start again
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
