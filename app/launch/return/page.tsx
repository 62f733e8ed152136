import type { Metadata } from 'next';
import { ReturnView } from '@/components/record/return-view';

export const metadata: Metadata = { title: 'Reading the patient’s record' };

/** The redirect address registered with the record: the sign-in comes back here. */
export default function LaunchReturnPage() {
  return (
    <>
      <noscript>
        <div className="panel panel--warning">
          <p>Reading a patient’s record needs JavaScript. Nothing was read.</p>
        </div>
      </noscript>
      <ReturnView />
    </>
  );
}
