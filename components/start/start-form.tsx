'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { ErrorSummary, useErrorTitle } from '../shared/error-summary';
import { formatPath } from '@/machines/flow/paths';
import { selectPosition } from '@/machines/flow/questionnaire.machine';
import { Flow, useSession } from '../shared/flow-provider';
import { useRecord } from '../record/record-provider';
import { ResumeFromFile } from './resume-from-file';
import { CHECKING, PRESSED_WHILE_CHECKING } from './start-early-press';

/**
 * The one rule of the start form. One checkbox needs no form library: the start page's first load
 * leaves react-hook-form to the question form, which loads it after the page paints.
 */
const ATTEST_FIRST = 'Confirm that you are a licensed clinician and that this is not medical advice';

/**
 * A press of Start before the page's scripts ran: the start page's inline script (start-early-press.ts)
 * records it here, and stops listening once the form below has taken over.
 */
type TEarlyPress = { pressed?: boolean; stop?: () => void };
declare global {
  interface Window {
    mnEarlyStart?: TEarlyPress;
  }
}

/**
 * GOV.UK notification banner after Start again: what was cleared, and one press brings it back. It
 * stands at the top of the start page and takes focus when the page opens (flow-provider.tsx), so
 * the way back is the first thing seen and heard, not three screens down on a phone.
 */
export function UndoStartAgain() {
  const actor = Flow.useActorRef();
  const record = useRecord();
  const discarded = Flow.useSelector((s) => (s.matches('start') ? s.context.discarded : null));
  const banner = useRef<HTMLDivElement>(null);
  const shown = discarded !== null;
  // Start again pressed on this page removes the button that had focus: the banner takes it.
  useEffect(() => {
    if (shown && (document.activeElement === null || document.activeElement === document.body)) banner.current?.focus();
  }, [shown]);
  if (!discarded) return null;
  const count = Object.keys(discarded.answers).length;
  const aside = Object.keys(discarded.setAside).length;
  return (
    <div className="panel panel--info" role="region" aria-labelledby="undo-title" tabIndex={-1} data-takes-focus="" ref={banner}>
      <h2 id="undo-title">Your answers were cleared</h2>
      <p role="status">
        {count === 1 ? '1 answer was' : `${count} answers were`} cleared from this tab
        {aside > 0 ? `, with ${aside === 1 ? '1 answer' : `${aside} answers`} set aside` : ''}. You can bring
        {count + aside === 1 ? ' it' : ' them all'} back until you start a new questionnaire.
      </p>
      <button type="button" className="button button--secondary" onClick={() => {
          // The answers brought back were not started for the record's patient (a launch may have come
          // in between): they go on without the record until the clinician chooses (start page).
          record.update((s) => ({ ...s, bound: false }));
          actor.send({ type: 'session.undo' });
        }}>
        Undo: bring my answers back
      </button>
    </div>
  );
}

export function StartForm({ attestation }: { attestation: string }) {
  const actor = Flow.useActorRef();
  const { startAgain, ready } = useSession();
  const record = useRecord();
  const inProgress = Flow.useSelector((s) => !s.matches('start'));
  // Back from the first question comes here with the answers still held: offer them, never a blank
  // form whose Start would carry them silently into what looks like a new case.
  const held = Flow.useSelector(
    (s) => s.matches('start') && s.context.attested && Object.keys(s.context.answers).length + Object.keys(s.context.setAside).length > 0,
  );
  const resumePath = Flow.useSelector((s) => formatPath(selectPosition(s)));
  // The box is read where it is (not held in state): a tick given before the page's scripts ran counts.
  const box = useRef<HTMLInputElement>(null);
  const [submitCount, setSubmitCount] = useState(0);
  const [error, setError] = useState<string | undefined>(undefined);
  const ticked = () => box.current?.checked === true;
  useErrorTitle(Boolean(error));
  // Start pressed while saved progress is still being read: remembered, and taken the moment it can be.
  const [pending, setPending] = useState(false);
  // A press remembered, then not taken because the tab turned out to hold a case in progress.
  const [notTaken, setNotTaken] = useState(false);

  const start = () => {
    setSubmitCount((n) => n + 1);
    if (!ticked()) {
      setPending(false);
      return setError(ATTEST_FIRST);
    }
    setError(undefined);
    // Until saved progress is read, a new case could replace the one in progress: wait for it.
    if (!ready) return setPending(true);
    setPending(false);
    actor.send({ type: 'session.start', attested: true });
    // A new case after a launch is this patient's: the record's suggestions are offered from now on.
    record.update((s) => ({ ...s, bound: true, confirmed: [], declined: [], saved: null }));
  };
  const startRef = useRef(start);
  useEffect(() => {
    startRef.current = start;
  });

  // A press made before the scripts ran counts as one made now.
  useEffect(() => {
    const early = window.mnEarlyStart;
    early?.stop?.();
    if (early?.pressed) {
      early.pressed = false;
      startRef.current();
    }
  }, []);

  // The moment the check is done, a remembered press is taken — unless the tab holds a case in
  // progress, which the page then offers instead (and says why Start was not taken).
  useEffect(() => {
    if (!ready || !pending) return;
    const timer = window.setTimeout(() => {
      setPending(false);
      if (inProgress || held) setNotTaken(true);
      else startRef.current();
    }, 0);
    return () => window.clearTimeout(timer);
  }, [ready, pending, inProgress, held]);

  // After a launch, a case in progress that was not started for the record's patient: the record's
  // banner above offers the choice (a new case for this patient, or this one without the record);
  // "Continue where you left off" here as well would be a third way that reads as the patient's.
  if ((inProgress || held) && record.session && !record.session.bound) return <ResumeFromFile />;
  if (inProgress || held) {
    return (
      <div className="button-group">
        {notTaken ? (
          <p className="start-status" role="status">
            This tab holds a case in progress, so Start now was not taken: continue it, or start again.
          </p>
        ) : null}
        {inProgress ? (
          <Link className="button" href={resumePath} prefetch={false} data-moves-page="start">
            Continue where you left off
          </Link>
        ) : (
          <button type="button" className="button" data-moves-page="start" onClick={() => actor.send({ type: 'session.start', attested: true })}>
            Continue where you left off
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={startAgain}>
          Start again
        </button>
        <ResumeFromFile />
      </div>
    );
  }

  return (
    <>
      <ErrorSummary errors={error ? [{ href: '#attested', text: error }] : []} attempt={submitCount} />
      {/* method="dialog": a native submission (before the scripts run, or without them) sends nothing.
          Until this tab's saved progress has been read, the line under Start says so, and a press is
          remembered and taken the moment it can be (before the scripts run, by the start page's
          inline script); it is never silently lost. */}
      <form
        id="start-form"
        method="dialog"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <div className={`form-group${error ? ' form-group--error' : ''}`}>
          <fieldset aria-describedby={error ? 'attested-error' : undefined}>
            <legend>
              <h2>Before you start</h2>
            </legend>
            {error ? (
              <p className="error-message" id="attested-error">
                <span className="visually-hidden">Error:</span> {error}
              </p>
            ) : null}
            <div className="choice">
              <input
                id="attested"
                type="checkbox"
                name="attested"
                ref={box}
                // After a first try, the error follows the box as it is ticked or unticked.
                onChange={() => submitCount > 0 && setError(ticked() ? undefined : ATTEST_FIRST)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? 'attested-error' : undefined}
              />
              <label htmlFor="attested">{attestation}</label>
            </div>
          </fieldset>
        </div>
        <div className="start-action">
          <button
            type="submit"
            className="button"
            aria-disabled={ready ? undefined : true}
            aria-describedby="start-status"
            data-moves-page="start"
          >
            Start now
          </button>
          {/* The inline script may have written here before hydration: React keeps what it finds. */}
          <p id="start-status" className="start-status" role="status" suppressHydrationWarning>
            {ready ? '' : pending ? PRESSED_WHILE_CHECKING : CHECKING}
          </p>
        </div>
      </form>
      <ResumeFromFile
        canLoad={() =>
          ticked() ? null : { text: 'Confirm that you are a licensed clinician before resuming from a file', href: '#attested' }
        }
      />
    </>
  );
}
