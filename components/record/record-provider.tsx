'use client';

/**
 * The tab's record session (machines/record/session.ts) for the case's pages: what the record that
 * launched the app suggests, and what the clinician confirmed. Read after the page paints, and only
 * when a launch left one (a case typed by hand loads none of this); every change is written back to
 * the tab at once, so a reload keeps confirmations as it keeps answers.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { flowContent as content } from '@/content/flow';
import { RECORD_KEY } from '@/machines/record/key';
import type { TRecordSession } from '@/machines/record/session';

export type TRecordApi = {
  /** The launch's session, or null: no launch in this tab, or one that could not be read. */
  session: TRecordSession | null;
  /** Why a stored session was refused (shown once on the start page), or null. */
  problem: string | null;
  /** Change the session and keep it in the tab. */
  update: (change: (s: TRecordSession) => TRecordSession) => void;
  /** Leave the record: its session is removed from the tab (answers untouched). */
  forget: () => void;
};

const Record = createContext<TRecordApi>({ session: null, problem: null, update: () => {}, forget: () => {} });
export const useRecord = () => useContext(Record);

/** The session when it is bound to the case on screen (a case started for this patient), else null. */
export const useBoundRecord = () => {
  const { session } = useRecord();
  return session?.bound ? session : null;
};

/** Whether the questionnaire has this option of this question: a stored suggestion of anything else is refused. */
const known = (question: string, value: string) => content.questions.some((q) => q.id === question && q.options.some((o) => o.id === value));

function store(session: TRecordSession | null) {
  try {
    if (session) window.sessionStorage.setItem(RECORD_KEY, JSON.stringify(session));
    else window.sessionStorage.removeItem(RECORD_KEY);
  } catch {
    /* storage refused: the session lives in this page until it closes */
  }
}

export function RecordProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ session: TRecordSession | null; problem: string | null }>({ session: null, problem: null });
  useEffect(() => {
    let text: string | null = null;
    try {
      text = window.sessionStorage.getItem(RECORD_KEY);
    } catch {
      return;
    }
    if (text === null) return;
    let live = true;
    void import('@/machines/record/session').then(({ readRecordSession }) => {
      if (!live) return;
      const read = readRecordSession(text, known);
      if (read.problem) store(null);
      setState(read);
    });
    return () => {
      live = false;
    };
  }, []);
  const update = useCallback((change: (s: TRecordSession) => TRecordSession) => {
    setState((prev) => {
      if (!prev.session) return prev;
      const session = change(prev.session);
      store(session);
      return { session, problem: null };
    });
  }, []);
  const forget = useCallback(() => {
    store(null);
    setState({ session: null, problem: null });
  }, []);
  const api = useMemo(() => ({ ...state, update, forget }), [state, update, forget]);
  return <Record.Provider value={api}>{children}</Record.Provider>;
}
