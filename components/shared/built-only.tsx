/**
 * A `div` whose contents are made only when the page is built. In the browser React neither makes
 * nor hydrates them: it takes the element as the HTML holds it, inner markup as opaque
 * (`dangerouslySetInnerHTML`, never set again while the element stays), so an inline script may
 * have changed it before the scripts load. For the pages' pictures (`PictureFrame` below): the
 * template that holds a picture's parts, and the place the script copies or draws the picture into.
 */
import { type ComponentProps, type ReactNode, useEffect } from 'react';

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

/**
 * A page's picture before its saved answers are read (question-preview.tsx, summary-picture.tsx,
 * result-picture.tsx): the loading line while `waiting` (the script hides it before hydration and
 * React keeps what it finds, so once the picture is gone a new one is made, shown); the place the
 * script copies the picture into, hidden for good once `replaced`; the picture's parts in a template
 * (when it has an id for one: the result's picture is kept in the tab, not in its HTML); the script;
 * and the element the first paint waits for. `parts` and `script` are the caller's, made at build
 * only (null and '' in the browser, whose render leaves the elements as the HTML holds them).
 */
export function PictureFrame({
  ids,
  loading,
  parts,
  script,
  waiting,
  replaced,
}: {
  ids: { loading: string; shown: string; parts?: string; end: string };
  loading: ReactNode;
  parts?: ReactNode;
  script: string;
  waiting: boolean;
  replaced: boolean;
}) {
  useEmptiedOnceHidden(ids.shown, replaced);
  return (
    <>
      {waiting ? (
        <div key={replaced ? 'again' : 'first'} id={ids.loading} suppressHydrationWarning>
          {loading}
        </div>
      ) : null}
      <BuiltOnly id={ids.shown} hidden={replaced} />
      {ids.parts ? (
        <BuiltOnly hidden>
          <template id={ids.parts}>{parts}</template>
        </BuiltOnly>
      ) : null}
      <script dangerouslySetInnerHTML={{ __html: script }} suppressHydrationWarning />
      {/* The browser paints nothing until this is parsed (the link below): a paint while the picture
          is still hidden would be the page's first, and the picture a larger one after it. */}
      <span id={ids.end} hidden />
      <link rel="expect" href={`#${ids.end}`} {...{ blocking: 'render' }} />
    </>
  );
}
