'use client';

/**
 * Exports of the result, all made in this browser: the PDF recap (its code loads on the first press),
 * a FHIR QuestionnaireResponse, and print. The case label stays on this device and appears only in
 * the PDF.
 */
import { useId, useState } from 'react';
import { contentData as content } from '@/content/data';
import type { TFromRecord } from '@/machines/record/types';
import type { TResultDocument } from '@/machines/result/document';
import { Flow } from '../shared/flow-provider';

function downloadBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stamp = (d: Date) => d.toISOString().slice(0, 16).replace(/[-:T]/g, '');

/** "24 November 2026 at 09:41 (GMT+1)": the clinician's local time, with its offset. */
function formatGenerated(d: Date): string {
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(d);
  const offset = new Intl.DateTimeFormat('en-GB', { timeZoneName: 'shortOffset' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value;
  return offset ? `${when} (${offset})` : when;
}

const MAX_CASE_LABEL = 80;
const NONE: TFromRecord = {};

/**
 * `document`: the result document the page shows; the PDF recap renders that same document, so it
 * says what the page says of the answers that came from the record (its `record` section, made from
 * the session facts). `fromRecord`: the answers confirmed from the record and still held (empty when
 * none), marked on their answers in the FHIR file with the record entries behind them. The file names
 * no patient or clinician (`subject`, `author`): those go only into a response saved back to the record.
 */
export function ExportPanel({ document: shown, fromRecord = NONE }: { document: TResultDocument; fromRecord?: TFromRecord }) {
  const answers = Flow.useSelector((s) => s.context.answers);
  const [caseLabel, setCaseLabel] = useState('');
  const [busy, setBusy] = useState<'pdf' | 'fhir' | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  /** What the last PDF recap could not print of the record's words (shown, not only announced). */
  const [notice, setNotice] = useState('');
  const labelId = useId();

  async function downloadPdf() {
    if (busy) return;
    setBusy('pdf');
    setProblem('');
    setNotice('');
    setStatus('Preparing the PDF recap…');
    try {
      const { printableRecord, registerFonts, renderRecapPdf, unprintableCharacters } = await import('@/components/result/pdf/render');
      registerFonts(`${window.location.origin}/fonts`);
      const label = caseLabel.trim();
      const unprintable = await unprintableCharacters(label);
      if (unprintable.length > 0) {
        setStatus('');
        setProblem(
          `The PDF recap cannot print ${unprintable.map((c) => `“${c}”`).join(' ')} in the case label. Change the label (letters, digits and common punctuation print), or print this page instead.`,
        );
        return;
      }
      const now = new Date();
      const { document: printed, replaced } = await printableRecord(shown);
      const blob = await renderRecapPdf({ document: printed, content, generatedAt: formatGenerated(now), caseLabel: label || undefined });
      downloadBlob(blob, `myoclonus-navigator-recap-${stamp(now)}.pdf`);
      const unprinted =
        replaced.length === 0
          ? ''
          : `The PDF recap cannot print ${replaced.map((c) => `“${c}”`).join(' ')} from the patient’s record, so it shows “?” there; this page shows the record’s words whole.`;
      setStatus(`The PDF recap has been downloaded.${unprinted ? ` ${unprinted}` : ''}`);
      setNotice(unprinted);
    } catch {
      setStatus('');
      setProblem('The PDF recap could not be made in this browser. Your answers are unchanged; you can print this page instead.');
    } finally {
      setBusy(null);
    }
  }

  async function downloadFhir() {
    if (busy) return;
    setBusy('fhir');
    setProblem('');
    try {
      const { toQuestionnaireResponse } = await import('@/machines/exchange/fhir');
      const now = new Date();
      const response = toQuestionnaireResponse(answers, content, { authored: now.toISOString(), fromRecord });
      downloadBlob(new Blob([`${JSON.stringify(response, null, 2)}\n`], { type: 'application/fhir+json' }), `myoclonus-navigator-response-${stamp(now)}.json`);
      setStatus('The FHIR QuestionnaireResponse has been downloaded.');
    } catch {
      setProblem('The FHIR file could not be made. Your answers are unchanged.');
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="export-title" className="no-print">
      <h2 id="export-title">Save or print</h2>
      <p>Files are made in this browser; nothing is uploaded. Each page of the PDF carries the disclaimer.</p>
      <div className="form-group">
        <label htmlFor={labelId}>
          <strong>Case label (optional)</strong>
        </label>
        <p className="hint" id={`${labelId}-hint`}>
          For your own reference, for example a clinic code. It stays on this device and appears only in the PDF. Do
          not enter names or other identifiers unless your local policy allows it.
        </p>
        <input
          id={labelId}
          className="text-input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={MAX_CASE_LABEL}
          aria-describedby={`${labelId}-hint`}
          value={caseLabel}
          onChange={(e) => setCaseLabel(e.target.value)}
        />
      </div>
      {notice ? <p className="small">{notice}</p> : null}
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      {/* While a file is made the buttons say so (aria-disabled) but keep focus: a disabled button
          would drop a keyboard user's focus to the top of the page. A press then does nothing. */}
      <div className="button-group">
        <button type="button" className="button" onClick={() => void downloadPdf()} aria-disabled={busy !== null || undefined}>
          Download PDF recap
        </button>
        <button type="button" className="button button--secondary" onClick={() => void downloadFhir()} aria-disabled={busy !== null || undefined}>
          Download FHIR QuestionnaireResponse
        </button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          Print this page
        </button>
      </div>
      <p className="small">
        The matching FHIR Questionnaire is at <a href="/fhir/questionnaire.json">/fhir/questionnaire.json</a>.
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
