'use client';

/**
 * The result page. It renders the result document and nothing else: every clinical decision (what
 * shows, in which order, in which words) is made in machines/result/document.ts, and the PDF recap is
 * made from the same document the page shows.
 */
import { useEffect, useMemo } from 'react';
import { contentData as content } from '@/content/data';
import { assess } from '@/machines/assessment/assess';
import { resultDocument } from '@/machines/result/document';
import { FlowLink } from '../shared/flow-link';
import { ExportPanel } from './export-panel';
import { Flow, useSession } from '../shared/flow-provider';
import { LoadingAnswers } from '../shared/loading-answers';
import { ResultSections } from './result-sections';
import { SaveToRecordSlot } from '../record/save-slot';
import { RecordLineSlot } from '../record/record-slots';
import { useRecord } from '../record/record-provider';

export function ResultView() {
  const { startAgain, ready } = useSession();
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

  if (!shownDocument) return <LoadingAnswers title="Assessment" />;


  return (
    <div className="result">
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
  );
}
