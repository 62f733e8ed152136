'use client';

/**
 * A place for one of the record's views. It renders nothing, and loads nothing, unless this tab holds
 * a launch from a record: a case typed by hand pays for none of the record's code or words in any
 * page's first load (`npm run size`). One file per page, so that each page carries only its own.
 */
import { lazy, Suspense } from 'react';
import { offline } from './offline';
import { useRecord } from './record-provider';

const Banner = lazy(() => import('./record-banner').then((m) => ({ default: m.RecordBanner }), offline));

/** The start page: the record and patient after a launch, or why what the tab kept could not be used. */
export function RecordBannerSlot() {
  const { session, problem } = useRecord();
  if (!session && !problem) return null;
  return (
    <Suspense fallback={null}>
      <Banner />
    </Suspense>
  );
}
