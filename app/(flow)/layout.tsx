import type { ReactNode } from 'react';
import { FlowProvider } from '@/components/shared/flow-provider';
import { StorageNotice } from '@/components/shared/storage-notice';

/** Every page of the questionnaire shares one flow machine, kept across client-side navigation. */
export default function FlowLayout({ children }: { children: ReactNode }) {
  return (
    <FlowProvider>
      <noscript>
        <div className="panel panel--warning">
          <h2>This questionnaire needs JavaScript</h2>
          <p>
            Turn JavaScript on to use it. Its answers are kept and assessed in this browser only: without JavaScript its
            buttons do nothing, and nothing you enter is sent anywhere.
          </p>
        </div>
      </noscript>
      <StorageNotice />
      {children}
    </FlowProvider>
  );
}
