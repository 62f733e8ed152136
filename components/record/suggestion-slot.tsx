'use client';

/**
 * The question page's place for the record's suggestions: nothing, and nothing loaded, unless the
 * case was started from a record that suggests an answer to this question (see record-slots.tsx).
 */
import { lazy, Suspense, type ComponentProps } from 'react';
import { offline } from './offline';
import type { SuggestionPanel } from './suggestion-panel';

const Panel = lazy(() => import('./suggestion-panel').then((m) => ({ default: m.SuggestionPanel }), offline));

export function SuggestionSlot(props: ComponentProps<typeof SuggestionPanel>) {
  if (!props.session.suggestions.some((s) => s.question === props.q.id) && !props.session.gaps.some((g) => g.questions?.includes(props.q.id))) return null;
  return (
    <Suspense fallback={null}>
      <Panel {...props} />
    </Suspense>
  );
}
