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
import { printableCut } from '@/machines/answers/parse';
import { RECORD_KEY } from '@/machines/record/key';
import type { TRecordSession } from '@/machines/record/session';
import { FaultPanel } from './launch-view';
import type { TRecordFault } from './smart';

/**
 * Whether the tab holds answers of a case: answers, answers set aside, or answers Start again cleared
 * that Undo can bring back. Then a new launch must not join them silently (the start page offers the
 * choice). Anything saved that cannot be read counts as a case.
 */
function caseInProgress(): boolean {
  let text: string | null = null;
  try {
    text = window.sessionStorage.getItem(STORAGE_KEY);
    if (text === null) return false;
    const saved = JSON.parse(text) as { answers?: object; setAside?: object; discarded?: { answers?: object; setAside?: object } };
    const count = (o: object | undefined) => Object.keys(o ?? {}).length;
    return count(saved.answers) + count(saved.setAside) + count(saved.discarded?.answers) + count(saved.discarded?.setAside) > 0;
  } catch {
    return text !== null;
  }
}

/** The questions an entry of this type could have answered: where its not being read is said. */
const questionsOf = (reference: string): string[] | undefined =>
  ({ MedicationRequest: ['C6'], MedicationStatement: ['C6'], Observation: ['C6', 'D1'], Condition: ['D1', 'D1a'], Medication: ['C6'] })[reference.split('/')[0] ?? ''];

/** Text from the record, kept to show: unprintable characters escaped, cut at 200 characters. */
const shown = (text: string) => printableCut(text, 200);

/** Today in the browser's own calendar (YYYY-MM-DD): results are recent relative to the clinician's day. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function finish(): Promise<{ fault: TRecordFault; back?: string | undefined } | null> {
  const [{ completeLaunch, RECONNECT_KEY, RECONNECT_PATHS }, { readRecordSession, REFERENCE }, { suggestFromRecord }, { chartSearches }, { patientLabelOf }] = await Promise.all([
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
  if (!done.ok) return { fault: done.fault };
  const { chart } = done;
  // The case's session, to keep after a reconnect: its shape is checked here, its suggestions again
  // against the questionnaire when a page of the case reads it (record-provider.tsx).
  const previous = readRecordSession(window.sessionStorage.getItem(RECORD_KEY), () => true).session;
  if (back && previous?.bound) {
    if (previous.context.patient !== chart.patient || previous.context.serverUrl !== chart.record.fhirBaseUrl) {
      return { fault: { kind: 'other-patient', message: recordText.faults.otherPatient }, back: (RECONNECT_PATHS as readonly string[]).includes(back) ? back : undefined };
    }
    const kept: TRecordSession = { ...previous, scope: chart.scope, context: { ...previous.context, user: chart.user ?? previous.context.user } };
    window.sessionStorage.setItem(RECORD_KEY, JSON.stringify(kept));
    window.location.replace((RECONNECT_PATHS as readonly string[]).includes(back) ? back : '/');
    return null;
  }
  const found = suggestFromRecord(chart.resources, day);
  // Kept to show: each piece of evidence with a well-formed reference and printable text; a
  // suggestion left with none is not kept, and says so.
  const suggestions = found.suggestions.flatMap((s) => {
    const evidence = s.evidence.filter((e) => REFERENCE.test(e.reference)).map((e) => ({ reference: e.reference, text: shown(e.text) }));
    return evidence.length > 0 ? [{ ...s, evidence }] : [];
  });
  const dropped = found.suggestions.length - suggestions.length;
  const unread = [
    ...found.unread.map((u) => ({ reference: shown(u.reference), reason: shown(u.reason), questions: questionsOf(u.reference) })),
    ...(dropped > 0 ? [{ reference: recordText.droppedSuggestions(dropped), reason: recordText.gapWhy('malformed', 0), questions: undefined }] : []),
  ];
  const session: TRecordSession = {
    v: 1,
    recordName: chart.record.name,
    context: { serverUrl: chart.record.fhirBaseUrl, patient: chart.patient, user: chart.user },
    patientLabel: patientLabelOf(chart.resources[0], chart.patient),
    scope: chart.scope,
    suggestions,
    gaps: [...chart.gaps, ...unread.map((u) => ({ what: u.reference, why: u.reason, ...(u.questions ? { questions: u.questions } : {}) }))].slice(0, 50),
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
  const [fault, setFault] = useState<{ fault: TRecordFault; back?: string | undefined } | null>(null);
  useEffect(() => {
    let live = true;
    finish().then(
      (f) => {
        if (live && f) setFault(f);
      },
      () => {
        if (live) setFault({ fault: { kind: 'unreachable', message: recordText.faults.token } });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <>
      <h1>{recordText.returnTitle}</h1>
      {fault ? <FaultPanel fault={fault.fault} back={fault.back} /> : <p role="status">{recordText.reading}</p>}
    </>
  );
}
