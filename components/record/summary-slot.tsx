'use client';

/**
 * A place for one of the record's views. It renders nothing, and loads nothing, unless this tab holds
 * a launch from a record: a case typed by hand pays for none of the record's code or words in any
 * page's first load (`npm run size`). One file per page, so that each page carries only its own.
 */
import { lazy, Suspense } from 'react';
import type { TQuestion } from '@/content/schema';
import { offline } from './offline';
import { useRecord } from './record-provider';

const Suggestions = lazy(() => import('./summary-suggestions').then((m) => ({ default: m.SummarySuggestions }), offline));

/** A summary row: the record's suggestion for the question, or the resource its answer came from. */
export function SummarySuggestionsSlot({ q }: { q: TQuestion }) {
  const { session } = useRecord();
  if (!session?.bound || !session.suggestions.some((s) => s.question === q.id)) return null;
  return (
    <Suspense fallback={null}>
      <Suggestions q={q} />
    </Suspense>
  );
}
