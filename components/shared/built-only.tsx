/**
 * A `div` whose contents are made only when the page is built. In the browser React neither makes
 * nor hydrates them: it takes the element as the HTML holds it, inner markup as opaque
 * (`dangerouslySetInnerHTML`, never set again while the element stays), so an inline script may
 * have changed it before the scripts load. For the pictures of the question page and the summary
 * (question-preview.tsx, summary-picture.tsx): the template that holds the picture's parts, and the
 * place the script copies them into.
 */
import { type ComponentProps, useEffect } from 'react';

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

/**
 * Once `replaced`, empty the element `id` (a `BuiltOnly` place an inline script filled, hidden by its
 * owner in the same commit) after the browser has drawn it hidden. Lighthouse's trace records, with
 * the script's stack, every element a script takes off the screen (about 50 times what that costs
 * untraced: 118 ms for 1,440 elements); an element already hidden has nothing on screen to take off.
 */
export function useEmptiedOnceHidden(id: string, replaced: boolean) {
  useEffect(() => {
    if (!replaced) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => document.getElementById(id)?.replaceChildren(), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [id, replaced]);
}
