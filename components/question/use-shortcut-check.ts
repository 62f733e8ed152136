'use client';

import { useEffect, useState } from 'react';
import type * as ShortcutCheck from '../../machines/flow/shortcut-check';

/**
 * The rules bound to the flow's proofs (shortcut-check.ts), loaded on demand when `wanted`: pages
 * that paint without the rules (the summary) ask for them only when they have something to check.
 * Null until loaded, or if the script fails to load (the caller then shows nothing it would need
 * them for).
 */
export function useShortcutCheck(wanted: boolean): typeof ShortcutCheck | null {
  const [module, setModule] = useState<typeof ShortcutCheck | null>(null);
  useEffect(() => {
    if (!wanted || module) return;
    let live = true;
    import('../../machines/flow/shortcut-check').then(
      (m) => live && setModule(m),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [wanted, module]);
  return module;
}
