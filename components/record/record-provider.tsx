'use client';

/**
 * The tab's record session (machines/record/session.ts) for the case's pages: what the record that
 * launched the app suggests, and what the clinician confirmed. Nothing of it is in a page's first
 * load: when the tab holds a launch, record-store.ts is loaded after the page paints, reads it and
 * keeps every change in the tab, so a reload keeps confirmations as it keeps answers.
 */
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { RECORD_KEY } from '@/machines/record/key';
import type { TAnswers } from '@/machines/answers/answers';
import type { TRecordSession } from '@/machines/record/session';
import type { TFromRecord } from '@/machines/record/types';

export type TRecordApi = {
  /** The launch's session, or null: no launch in this tab, or one that could not be read. */
  session: TRecordSession | null;
  /** Why a stored session was refused (shown once on the start page), or null. */
  problem: string | null;
  /** Change the session and keep it in the tab. */
  update: (change: (s: TRecordSession) => TRecordSession) => void;
  /** Leave the record: its session is removed from the tab (answers untouched). */
  forget: () => void;
  /** Which of these answers came from the record (from-record.ts), for a case started from it; else none. */
  fromRecord: (answers: TAnswers) => TFromRecord;
};

const NONE: TRecordApi = { session: null, problem: null, update: () => {}, forget: () => {}, fromRecord: () => ({}) };
const Record = createContext<TRecordApi>(NONE);
export const useRecord = () => useContext(Record);

/** The session when it is bound to the case on screen (a case started for this patient), else null. */
export const useBoundRecord = () => {
  const { session } = useRecord();
  return session?.bound ? session : null;
};

export function RecordProvider({ children }: { children: ReactNode }) {
  const [api, setApi] = useState(NONE);
  useEffect(() => {
    let text: string | null = null;
    try {
      text = window.sessionStorage.getItem(RECORD_KEY);
    } catch {
      /* no storage: no launch */
    }
    if (text === null) return;
    let live = true;
    void import('./record-store').then(({ startRecordStore }) => startRecordStore(text, (next) => live && setApi(next)));
    return () => {
      live = false;
    };
  }, []);
  return <Record.Provider value={api}>{children}</Record.Provider>;
}
