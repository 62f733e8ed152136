'use client';

import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A page's `<h1>` that takes focus when the page is shown (error and not-found pages are reached by
 * navigation, so focus would otherwise stay on the element that led there, or on `<body>`). It is
 * made focusable only then, so the server's markup is a plain heading.
 */
export function FocusHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.setAttribute('tabindex', '-1');
    ref.current?.focus();
  }, []);
  return <h1 ref={ref}>{children}</h1>;
}
