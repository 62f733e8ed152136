'use client';

import { useEffect, useId, useRef } from 'react';

export type TErrorLink = { href: string; text: string };

/**
 * The GOV.UK error summary: takes focus when shown, says "There is a problem", and links each
 * error to the field (its first option for a choice question).
 */
export function ErrorSummary({ errors, attempt }: { errors: TErrorLink[]; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors.length, attempt]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 id={titleId}>There is a problem</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.href}>
            <a
              href={e.href}
              onClick={(event) => {
                const target = document.querySelector<HTMLElement>(e.href);
                if (target) {
                  event.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: 'center' });
                }
              }}
            >
              {e.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Prefix the document title with "Error: " while a form shows errors (GOV.UK pattern), and, given
 * a `title`, keep the page's title at it (a question's own). Next.js may stream the page's <title>
 * in after this runs, and its router writes it back when it re-renders the head (after a reload, on
 * an address change): both are undone while errors show or a title is given.
 */
export function useErrorTitle(hasError: boolean, title?: string) {
  useEffect(() => {
    const apply = () => {
      const base = title ?? document.title.replace(/^Error: /, '');
      const wanted = hasError ? `Error: ${base}` : base;
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    if (!hasError && title === undefined) return;
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [hasError, title]);
}
