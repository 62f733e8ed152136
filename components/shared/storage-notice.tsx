'use client';

import { useSession } from './flow-provider';

/** Saved progress that could not be used, or storage that does not work: say so, offer a way on. */
export function StorageNotice() {
  const { notice, dismissNotice, startAgain } = useSession();
  if (!notice) return null;
  if (notice.kind === 'unread') {
    return (
      <div className="panel panel--warning" role="alert">
        <h2>Your saved answers could not be read</h2>
        <p>
          Part of this page did not load, perhaps because the connection dropped. Your answers are still kept in this
          tab. Reload the page to read them again.
        </p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
  if (notice.kind === 'unavailable') {
    return (
      <div className="panel panel--info" role="status">
        <h2>Progress will not be saved</h2>
        <p>
          This browser is not letting the page store anything (for example in private browsing, or when storage is
          full). You can carry on, but your answers will be lost if you reload or close this tab.
        </p>
        <button type="button" className="button button--secondary" onClick={dismissNotice}>
          Carry on
        </button>
      </div>
    );
  }
  return (
    <div className="panel panel--warning" role="alert">
      <h2>Saved progress could not be used</h2>
      <p>{notice.message}</p>
      <button type="button" className="button" onClick={startAgain}>
        Start again
      </button>
    </div>
  );
}
