'use client';

/**
 * Focus after a page change: the new page's heading takes focus (as a full page load would put the
 * reader at the top), whether the machine moved (Continue, Back, a link) or the address did (browser
 * Back and Forward, a typed address). What must be met first (Start again's Undo, or the summary's
 * row of the answer just changed, marked `data-takes-focus`) takes focus instead, in view.
 */
import { useCallback } from 'react';

/** The address in the location bar, as `formatPath` writes it. */
export const currentAddress = () => `${window.location.pathname}${window.location.hash}`;

/**
 * Wait until the address is `path` and a `<h1>` other than the one shown before is in the page (or
 * half a second has passed: the same heading element can carry a new page), then focus it.
 */
export function focusNewHeading(path: string) {
  const before = document.querySelector('main h1');
  let frames = 0;
  const look = () => {
    const heading = document.querySelector<HTMLElement>('main h1');
    const arrived = currentAddress() === path && heading !== null && heading.dataset.loading === undefined;
    if (heading && arrived && (heading !== before || frames > 30)) {
      const target = document.querySelector<HTMLElement>('main [data-takes-focus]') ?? heading;
      // A heading becomes focusable from script; a link already is (and stays in the tab order).
      if (target.tabIndex < 0) target.setAttribute('tabindex', '-1');
      window.scrollTo(0, 0);
      target.focus({ preventScroll: true });
      // A row further down (the summary's changed answer) is brought into view.
      if (target !== heading) target.scrollIntoView({ block: 'center' });
      return;
    }
    if (++frames < 180) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/** The function to call once a page change to `path` has begun. */
export function useHeadingFocus(): (path: string) => void {
  return useCallback((path: string) => focusNewHeading(path), []);
}
