'use client';

/**
 * A place for one of the record's views. It renders nothing, and loads nothing, unless this tab holds
 * a launch from a record: a case typed by hand pays for none of the record's code or words in any
 * page's first load (`npm run size`). One file per page, so that each page carries only its own.
 */
import { lazy, Suspense } from 'react';
import { offline } from './offline';
import { useRecord } from './record-provider';

const Line = lazy(() => import('./record-banner').then((m) => ({ default: m.RecordPatientLine }), offline));

/** The question, summary and result pages of a case started from the record: whose record it is. */
export function RecordLineSlot() {
  const { session } = useRecord();
  if (!session?.bound) return null;
  return (
    <Suspense fallback={null}>
      <Line />
    </Suspense>
  );
}
