import type { Metadata } from 'next';
import { LaunchView } from '@/components/record/launch-view';

export const metadata: Metadata = { title: 'Opening the patient’s record' };

/** SMART App Launch: the address a record opens (with `iss`, and `launch` for an EHR launch). */
export default function LaunchPage() {
  return (
    <>
      <noscript>
        <div className="panel panel--warning">
          <p>Opening a patient’s record needs JavaScript. Nothing was sent anywhere.</p>
        </div>
      </noscript>
      <LaunchView />
    </>
  );
}
