/**
 * A `div` whose contents are made only when the page is built. In the browser React neither makes
 * nor hydrates them: it takes the element as the HTML holds it, inner markup as opaque
 * (`dangerouslySetInnerHTML`, never set again while the element stays), so an inline script may
 * have changed it before the scripts load. For the question page's pictures (question-preview.tsx):
 * the template that holds every question's picture, and the place the script copies one into.
 */
import type { ComponentProps } from 'react';

const building = typeof window === 'undefined';

/** Nothing inside is ever built in the browser, so nothing inside may need a handler or state. */
export function BuiltOnly({ children, ...props }: ComponentProps<'div'>) {
  return building ? (
    <div {...props} suppressHydrationWarning>
      {children}
    </div>
  ) : (
    <div {...props} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: '' }} />
  );
}
