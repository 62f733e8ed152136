'use client';

/**
 * Resume from a FHIR QuestionnaireResponse file saved earlier (by this tool or another FHIR client).
 * The file is read in this browser. A file from another version, a damaged file or unknown ids are
 * refused with a message naming the problem, and nothing already answered changes. A file that would
 * replace answers given in this tab says so, and waits for a second press, before it does. Only the
 * last file picked is read: a file picked before it, still being read, is forgotten.
 */
import { useId, useRef, useState } from 'react';
import { fileNotThisPatient } from '@/content/record-notes';
import { type TAnswers } from '@/machines/answers/answers';
import { printable } from '@/machines/answers/parse';
import { MAX_ANSWER_FILE_BYTES, stripBom } from '@/machines/exchange/answer-file';
import { useRecord } from '../record/record-provider';
import { ErrorSummary, useErrorTitle } from '../shared/error-summary';
import { Flow, useSession } from '../shared/flow-provider';

/** `subject`: the patient the file names (`Patient/<id>`), if any. */
type TPending = { name: string; answers: TAnswers; setAside: TAnswers; notes: string[]; subject: string | null };

/** `canLoad` may refuse, with a message and the field to fix (e.g. the attestation checkbox). */
export function ResumeFromFile({ canLoad }: { canLoad?: () => { text: string; href: string } | null }) {
  const actor = Flow.useActorRef();
  const { setImportNotes } = useSession();
  const record = useRecord();
  const given = Flow.useSelector((s) => Object.keys(s.context.answers).length + Object.keys(s.context.setAside).length);
  // What Start again cleared, which Undo can still bring back: a file read now would drop it too.
  const cleared = Flow.useSelector((s) => (s.context.discarded ? Object.keys(s.context.discarded.answers).length + Object.keys(s.context.discarded.setAside).length : 0));
  const [problem, setProblem] = useState('');
  const [problemHref, setProblemHref] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState<TPending | null>(null);
  /** Counts the files picked: a read that is no longer the last one picked stops at its next step. */
  const picks = useRef(0);
  const inputId = useId();
  useErrorTitle(Boolean(problem));

  function replaceWith({ answers, setAside, notes, subject }: TPending) {
    setPending(null);
    // A file's answers join the record's patient only when the file names that patient: otherwise the
    // case goes on without the record (no suggestions, no saving), and the summary says why.
    const bound = record.session?.bound ? record.session : null;
    const other = bound !== null && subject !== bound.context.patient;
    if (other) record.update((s) => ({ ...s, bound: false }));
    setImportNotes(other ? [...notes, fileNotThisPatient(bound.patientLabel)] : notes);
    actor.send({ type: 'session.reset' });
    actor.send({ type: 'session.restore', answers, setAside, attested: true, position: 'summary' });
  }

  async function load(file: File | undefined) {
    const pick = ++picks.current;
    const superseded = () => pick !== picks.current;
    setAttempt((n) => n + 1);
    setPending(null);
    if (!file) return;
    const blocked = canLoad?.();
    setProblemHref(blocked?.href ?? null);
    if (blocked) return setProblem(blocked.text);
    // The name is the file's own: shown with its control and bidirectional characters escaped.
    const name = printable(file.name);
    if (file.size > MAX_ANSWER_FILE_BYTES) return setProblem(`The file ${name} is too large to be a saved questionnaire.`);
    let text: string;
    try {
      text = await file.text();
      JSON.parse(stripBom(text));
    } catch {
      if (!superseded()) setProblem(`The file ${name} is not valid JSON, so it cannot be a saved questionnaire.`);
      return;
    }
    if (superseded()) return;
    // Loaded on use: the FHIR mapping and the full content stay out of the page's first load. The
    // content comes with the proofs' module, which the questions load anyway: one script holds it,
    // not one per place that asks (the service worker precaches every one on a first visit).
    const [{ fromQuestionnaireResponse }, { contentData }] = await Promise.all([import('@/machines/exchange/fhir-import'), import('../../machines/flow/shortcut-check')]);
    if (superseded()) return;
    // The text, not the parsed value: the import checks what JSON.parse cannot (a member given twice).
    const result = fromQuestionnaireResponse(text, contentData);
    if (!result.ok) return setProblem(`The file ${name} could not be used: ${result.message}`);
    setProblem('');
    const next = { name, answers: result.answers, setAside: result.setAside, notes: result.notes, subject: result.about?.subject ?? null };
    // Replacing answers given in this tab, or the ones Undo could bring back, needs a second, deliberate
    // press. Counted now, not when the file was picked: reading it took time.
    const { attested, answers, setAside, discarded } = actor.getSnapshot().context;
    const givenNow = Object.keys(answers).length + Object.keys(setAside).length;
    const clearedNow = discarded ? Object.keys(discarded.answers).length + Object.keys(discarded.setAside).length : 0;
    if ((attested && givenNow > 0) || clearedNow > 0) setPending(next);
    else replaceWith(next);
  }

  return (
    <section aria-labelledby={`${inputId}-title`}>
      <ErrorSummary errors={problem ? [{ href: problemHref ?? `#${CSS.escape(inputId)}`, text: problem }] : []} attempt={attempt} />
      <h2 id={`${inputId}-title`}>Resume from a saved file</h2>
      {pending ? (
        <div className="panel panel--warning" role="alert" aria-labelledby={`${inputId}-replace`}>
          <h3 id={`${inputId}-replace`}>
            {given > 0
              ? `This file will replace ${given === 1 ? 'the 1 answer' : `the ${given} answers`} given in this tab`
              : `This file will replace ${cleared === 1 ? 'the 1 answer' : `the ${cleared} answers`} Start again cleared: Undo could still bring ${cleared === 1 ? 'it' : 'them'} back`}
          </h3>
          <p>
            {pending.name} holds {Object.keys(pending.answers).length === 1 ? '1 answer' : `${Object.keys(pending.answers).length} answers`}.
            If you continue, your current answers are replaced by the file’s.
          </p>
          <div className="button-group">
            <button type="button" className="button button--warning" onClick={() => replaceWith(pending)}>
              Replace my answers with the file
            </button>
            <button type="button" className="button button--secondary" onClick={() => setPending(null)}>
              Keep my answers
            </button>
          </div>
        </div>
      ) : null}
      <div className={`form-group${problem ? ' form-group--error' : ''}`}>
        <label htmlFor={inputId}>FHIR QuestionnaireResponse file (.json) from this tool or another FHIR form</label>
        <p className="hint" id={`${inputId}-hint`}>
          The file is read in this browser; nothing is uploaded. If you have answers in this tab, you are asked before
          they are replaced. You can check every answer before seeing the assessment.
        </p>
        {problem ? (
          <p className="error-message" id={`${inputId}-error`}>
            <span className="visually-hidden">Error:</span> {problem}
          </p>
        ) : null}
        <input
          id={inputId}
          type="file"
          accept=".json,application/json,application/fhir+json"
          aria-describedby={`${inputId}-hint${problem ? ` ${inputId}-error` : ''}`}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => {
            void load(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
    </section>
  );
}
