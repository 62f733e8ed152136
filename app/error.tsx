'use client';

import { FocusHeading } from '@/components/focus-heading';
import { STORAGE_KEY } from '@/machines/session-format';

/** Any unexpected error on a page: say what happened and offer a way on — never a blank screen. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert">
      <FocusHeading>Sorry, something went wrong on this page</FocusHeading>
      <p>
        The page hit an unexpected error. Nothing you entered was sent anywhere. You can try the page again, or clear
        this tab’s saved answers and start again.
      </p>
      <div className="button-group">
        <button type="button" className="button" onClick={() => reset()}>
          Try again
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            try {
              window.sessionStorage.removeItem(STORAGE_KEY);
            } catch {
              // Storage unavailable: nothing to clear.
            }
            // A full reload on purpose: it discards whatever state broke this page.
            // eslint-disable-next-line @next/next/no-location-assign-relative-destination
            window.location.assign('/');
          }}
        >
          Start again
        </button>
      </div>
      <p>
        {/* A plain link on purpose: a full page load discards whatever state broke this page. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/">Go to the start page</a> (your answers stay in this tab)
      </p>
    </div>
  );
}
