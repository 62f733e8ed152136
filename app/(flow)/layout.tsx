import type { ReactNode } from 'react';
import { FlowProvider } from '@/components/flow-provider';
import { StorageNotice } from '@/components/storage-notice';

/** Every page of the questionnaire shares one flow machine, kept across client-side navigation. */
export default function FlowLayout({ children }: { children: ReactNode }) {
  return (
    <FlowProvider>
      <StorageNotice />
      {children}
    </FlowProvider>
  );
}
