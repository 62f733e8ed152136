'use client';

/**
 * The return page (`/launch/return`, the redirect address registered with the record): finishes the
 * sign-in, reads the chart, works out what it suggests (machines/record/suggest.ts), keeps that in
 * the tab, and opens the start page. After a reconnect (the sign-in had ended mid-case) it keeps the
 * case's session, checks the patient is the same, and goes back to where the clinician was.
 */
import { useEffect, useState } from 'react';
import { recordText } from '@/content/record-text';
import { STORAGE_KEY } from '@/machines/exchange/storage-key';
import { RECORD_KEY } from '@/machines/record/key';
import type { TRecordSession } from '@/machines/record/session';
import { FaultPanel } from './launch-view';
import type { TRecordFault } from './smart';

/**
 * Whether the tab holds a case with answers: then a new launch must not join it silently. Anything
 * saved that cannot be read counts as a case (the start page then offers the choice).
 */
function caseInProgress(): boolean {
  let text: string | null = null;
  try {
    text = window.sessionStorage.getItem(STORAGE_KEY);
    if (text === null) return false;
    const saved = JSON.parse(text) as { answers?: object; setAside?: object };
    return Object.keys(saved.answers ?? {}).length + Object.keys(saved.setAside ?? {}).length > 0;
  } catch {
    return text !== null;
  }
}

/** Today in the browser's own calendar (YYYY-MM-DD): results are recent relative to the clinician's day. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function finish(): Promise<TRecordFault | null> {
  const [{ completeLaunch, RECONNECT_KEY }, { readRecordSession }, { suggestFromRecord }, { chartSearches }, { patientLabelOf }] = await Promise.all([
    import('./smart'),
    import('@/machines/record/session'),
    import('@/machines/record/suggest'),
    import('./chart-searches'),
    import('@/machines/record/patient-label'),
  ]);
  const search = new URLSearchParams(window.location.search);
  let back: string | null = null;
  try {
    back = window.sessionStorage.getItem(RECONNECT_KEY);
    window.sessionStorage.removeItem(RECONNECT_KEY);
  } catch {
    /* no reconnect */
  }
  const day = today();
  const done = await completeLaunch(search, (id) => chartSearches(id, day));
  // The sign-in's code and state are spent: keep them out of the address bar and history.
  window.history.replaceState(null, '', '/launch/return');
  if (!done.ok) return done.fault;
  const { chart } = done;
  // The case's session, to keep after a reconnect: its shape is checked here, its suggestions again
  // against the questionnaire when a page of the case reads it (record-provider.tsx).
  const previous = readRecordSession(window.sessionStorage.getItem(RECORD_KEY), () => true).session;
  if (back && previous?.bound) {
    if (previous.context.patient !== chart.patient || previous.context.serverUrl !== chart.record.fhirBaseUrl) {
      return { kind: 'other-patient', message: recordText.faults.otherPatient };
    }
    const kept: TRecordSession = { ...previous, scope: chart.scope, context: { ...previous.context, user: chart.user ?? previous.context.user } };
    window.sessionStorage.setItem(RECORD_KEY, JSON.stringify(kept));
    window.location.replace(back.startsWith('/') && !back.startsWith('//') ? back : '/');
    return null;
  }
  const { suggestions, unread } = suggestFromRecord(chart.resources, day);
  const session: TRecordSession = {
    v: 1,
    recordName: chart.record.name,
    context: { serverUrl: chart.record.fhirBaseUrl, patient: chart.patient, user: chart.user },
    patientLabel: patientLabelOf(chart.resources[0], chart.patient),
    scope: chart.scope,
    suggestions,
    gaps: [...chart.gaps, ...unread.map((u) => ({ what: u.reference, why: u.reason }))],
    readAt: new Date().toISOString(),
    bound: !caseInProgress(),
    confirmed: [],
    declined: [],
    saved: null,
  };
  window.sessionStorage.setItem(RECORD_KEY, JSON.stringify(session));
  window.location.replace('/');
  return null;
}

export function ReturnView() {
  const [fault, setFault] = useState<TRecordFault | null>(null);
  useEffect(() => {
    let live = true;
    finish().then(
      (f) => {
        if (live && f) setFault(f);
      },
      () => {
        if (live) setFault({ kind: 'unreachable', message: recordText.faults.token });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <>
      <h1>{recordText.returnTitle}</h1>
      {fault ? <FaultPanel fault={fault} /> : <p role="status">{recordText.reading}</p>}
    </>
  );
}
