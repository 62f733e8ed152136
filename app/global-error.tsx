'use client';

import { FocusHeading } from '@/components/shared/focus-heading';

/** Last resort when the root layout itself fails: plain HTML, a message and a way on. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body>
        <p>
          <strong>Not medical advice.</strong> Myoclonus Navigator is educational decision support for licensed
          clinicians.
        </p>
        <FocusHeading>Sorry, something went wrong</FocusHeading>
        <p>Nothing you entered was sent anywhere.</p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>{' '}
        {/* A plain link on purpose: the app shell itself failed, so reload from scratch. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/">Go to the start page</a>
      </body>
    </html>
  );
}
