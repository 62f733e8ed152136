'use client';

/**
 * A place for one of the record's views. It renders nothing, and loads nothing, unless this tab holds
 * a launch from a record: a case typed by hand pays for none of the record's code or words in any
 * page's first load (`npm run size`). One file per page, so that each page carries only its own.
 */
import { lazy, Suspense } from 'react';
import type { TContent } from '@/content/schema';
import { offline } from './offline';
import { useRecord } from './record-provider';

const Save = lazy(() => import('./save-to-record').then((m) => ({ default: m.SaveToRecord }), offline));

/** The result page: Save to the record. */
export function SaveToRecordSlot({ content }: { content: TContent }) {
  const { session } = useRecord();
  if (!session?.bound) return null;
  return (
    <Suspense fallback={null}>
      <Save content={content} />
    </Suspense>
  );
}
