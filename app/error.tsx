'use client';

import { FocusHeading } from '@/components/shared/focus-heading';

/** Any unexpected error on a page: say what happened and offer a way on — never a blank screen. */
export default function ErrorPage() {
  return (
    <div role="alert">
      <FocusHeading>Sorry, something went wrong on this page</FocusHeading>
      <p>
        The page hit an unexpected error. Nothing you entered was sent anywhere, and your answers are still kept in this
        tab.
      </p>
      <div className="button-group">
        {/* A full reload, not a re-render: it also fetches again any part of the page that failed to load. */}
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Try again
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
