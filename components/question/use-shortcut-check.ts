'use client';

import { useEffect, useState } from 'react';
import type * as ShortcutCheck from '../../machines/flow/shortcut-check';

/**
 * The rules bound to the flow's proofs (shortcut-check.ts), loaded on demand when `wanted`: pages
 * that paint without the rules (the summary) ask for them only when they have something to check.
 * `check` is null until loaded; `failed` says the script could not be loaded, so the caller can say
 * that what it would show with them (the red flags raised) is missing, not that there is none.
 */
export function useShortcutCheck(wanted: boolean): { check: typeof ShortcutCheck | null; failed: boolean } {
  const [module, setModule] = useState<typeof ShortcutCheck | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!wanted || module) return;
    let live = true;
    import('../../machines/flow/shortcut-check').then(
      (m) => live && setModule(m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [wanted, module]);
  return { check: module, failed };
}
