'use client';

/**
 * The launch page (`/launch?iss=…&launch=…`, or `/launch?iss=…` for a standalone launch): checks the
 * record is one the deployment trusts, then hands over to the record's sign-in. Without scripts, or
 * on a fault, it says why and offers the way on: the questionnaire without the record.
 */
import { useEffect, useState } from 'react';
import { deployment } from '@/content/deployment';
import { recordText } from '@/content/record-text';
import type { TRecordFault } from './smart';

export function LaunchView() {
  const [fault, setFault] = useState<TRecordFault | null>(null);
  useEffect(() => {
    let live = true;
    void import('./smart').then(({ startLaunch }) =>
      startLaunch(new URLSearchParams(window.location.search), window.location.origin).then((f) => {
        if (live) setFault(f);
      }),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <>
      <h1>{recordText.launchTitle}</h1>
      {fault ? <FaultPanel fault={fault} /> : <p role="status">{recordText.launching}</p>}
      {fault?.kind === 'no-iss' || fault?.kind === 'untrusted' ? <RecordChooser /> : null}
    </>
  );
}

/** A fault, its message, and the ways on: back to the case it came from (a reconnect), or on without the record. */
export function FaultPanel({ fault, back }: { fault: TRecordFault; back?: string }) {
  return (
    <div className="panel panel--warning" role="alert" data-fault={fault.kind}>
      <p>{fault.message}</p>
      {back ? (
        <>
          <p>
            <a className="button" href={back}>
              {recordText.backToCase}
            </a>
          </p>
          <p className="small">{recordText.backToCaseHint}</p>
        </>
      ) : null}
      <p>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a fresh page load, leaving the launch */}
        <a className="button" href="/">
          {recordText.wayOnStandalone}
        </a>
      </p>
      <p className="small">{recordText.wayOnStandaloneHint}</p>
    </div>
  );
}

/** The records this deployment trusts, for a standalone launch (the patient is chosen in the record). */
export function RecordChooser() {
  if (deployment.records.length === 0) return null;
  return (
    <section aria-labelledby="records-title">
      <h2 id="records-title">{recordText.chooserTitle}</h2>
      <ul>
        {deployment.records.map((r) => (
          <li key={r.fhirBaseUrl}>
            <a href={`/launch?${new URLSearchParams({ iss: r.fhirBaseUrl }).toString()}`}>{r.name}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
