'use client';

/**
 * Saved progress in this tab's sessionStorage: read once when the flow opens (validated by
 * machines/exchange/persistence.ts, loaded only when something is saved), then every change of the
 * machine saved — the position, and a change from the summary under way, with the answers.
 */
import { startTransition, useEffect, useState } from 'react';
import type { Actor } from 'xstate';
import { flowContent as content } from '@/content/flow';
import type * as Persistence from '@/machines/exchange/persistence';
import type { TRestore } from '@/machines/exchange/persistence';
import { readSaved, SAVED_LIMITS, serialise, STORAGE_KEY } from '@/machines/exchange/session-format';
import { RESULT_PICTURE_KEY, STORAGE_PROBE_KEY } from '@/machines/exchange/storage-key';
import { parsePath } from '@/machines/flow/paths';
import { type questionnaireMachine, selectChange, selectPosition } from '@/machines/flow/questionnaire.machine';

type TFlowActor = Actor<typeof questionnaireMachine>;

export type TStorageNotice =
  | { kind: 'rejected'; message: string }
  | { kind: 'unavailable' }
  /** The code that reads saved progress did not load (a dropped connection): the page stays not ready. */
  | { kind: 'unread' }
  | null;

/**
 * What is saved, and whether more can be saved. A tab whose storage is full still gives back what it
 * holds: the answers are restored (and the page says progress will not be saved), never dropped.
 */
function readStorage(): { raw: string | null; available: boolean } {
  let raw: string | null;
  try {
    raw = window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return { raw: null, available: false };
  }
  return { raw, available: storageWritable() };
}

/** Whether this tab can save: a probe written and removed (the pictures' scripts make the same test). */
function storageWritable(): boolean {
  try {
    window.sessionStorage.setItem(STORAGE_PROBE_KEY, '1');
    window.sessionStorage.removeItem(STORAGE_PROBE_KEY);
    return true;
  } catch {
    return false;
  }
}

/**
 * Save `value` (null: nothing saved). The result's picture (components/result/keep-picture.ts) is
 * kept only while the tab stands at the result (`atResult`): anywhere else it goes, with its copy of
 * the answers.
 */
function writeStorage(value: string | null, atResult = false): boolean {
  try {
    if (!atResult) window.sessionStorage.removeItem(RESULT_PICTURE_KEY);
    if (value === null) window.sessionStorage.removeItem(STORAGE_KEY);
    else window.sessionStorage.setItem(STORAGE_KEY, value);
    return true;
  } catch {
    return false;
  }
}

/** Resolves with `value` in a later task: what follows runs after the browser has had its turn. */
const nextTask = <T,>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 0));

/** A tab with nothing saved (a first visit) has nothing to validate. */
const nothingSaved = (raw: string | null) => readSaved(raw, SAVED_LIMITS).kind === 'empty';

/**
 * Reading saved progress back needs its validator, which painting a page does not, nor does a tab
 * with nothing saved: it is asked for as soon as this module runs in the browser, beside hydration,
 * and only when this tab holds saved progress.
 */
let validator: Promise<typeof Persistence> | null = null;
const loadValidator = () => (validator ??= import('@/machines/exchange/persistence'));
if (typeof window !== 'undefined' && !nothingSaved(readStorage().raw)) loadValidator().catch(() => {});

/**
 * Restore once, then save every change. `onRead` is called as soon as saved progress has been read
 * and restored (before any other move can be made); what it returns is called on unmount.
 * Storage is an external system read once on mount; the notice and `ready` flag it sets cannot be
 * known during the server render.
 */
export function useSavedSession(actor: TFlowActor, onRead: () => () => void) {
  const [ready, setReady] = useState(false);
  const [notice, setNotice] = useState<TStorageNotice>(null);
  useEffect(() => {
    // The provider starts the actor in its own effect, which runs after this child's: start it now,
    // so that the events below are taken at once and the snapshots read after them are current.
    actor.start();
    // The page stays not ready (Start disabled, the question a picture) until saved progress is read.
    let live = true;
    let cleanup = () => {};
    const { raw, available } = readStorage();
    // Three pieces of main-thread work, each in a task of its own so the page can answer between
    // them: the validator's module set up as its script arrives, the saved answers read, then the
    // page redrawn with them.
    const reading: Promise<TRestore> = nothingSaved(raw)
      ? Promise.resolve({ kind: 'empty' })
      : loadValidator()
          .then(nextTask)
          .then(({ restore }) => restore(raw, content))
          .then(nextTask);
    void reading.then(
      (restored) => {
        if (!live) return;
        if (restored.kind === 'restored') {
          // The address wins over the saved position when these answers reach it (a reload, a bookmark).
          const here = parsePath(window.location.pathname, window.location.hash);
          const { answers, setAside, discarded, attested, change } = restored;
          const event = { type: 'session.restore', answers, setAside, discarded, attested, change } as const;
          if (here !== null && here !== 'start' && (typeof here === 'string' || here.question !== null)) actor.send({ ...event, position: here });
          if (actor.getSnapshot().matches('start')) actor.send({ ...event, position: restored.position });
        } else if (restored.kind === 'rejected') {
          writeStorage(null);
          setNotice({ kind: 'rejected', message: restored.message });
        }
        if (!available) setNotice({ kind: 'unavailable' });
        startTransition(() => setReady(true));

        const subscription = actor.subscribe((snapshot) => {
          const { answers, setAside, discarded, attested } = snapshot.context;
          const position = selectPosition(snapshot);
          const empty = position === 'start' && !attested && discarded === null && Object.keys(answers).length + Object.keys(setAside).length === 0;
          const ok = writeStorage(empty ? null : serialise({ answers, setAside, discarded, position, change: selectChange(snapshot), attested }, content), position === 'result');
          if (!ok) setNotice((n) => n ?? { kind: 'unavailable' });
        });
        const stopFollowing = onRead();
        cleanup = () => {
          subscription.unsubscribe();
          stopFollowing();
        };
      },
      () => {
        // The validator's script did not load. The page stays not ready — nothing can be answered
        // over the saved progress, which stays in the tab — and says how to go on: reload.
        if (live) setNotice({ kind: 'unread' });
      },
    );
    return () => {
      live = false;
      cleanup();
    };
    // `onRead` is read once, when saved progress has been read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actor]);
  return { ready, notice, setNotice };
}
