import type { Metadata } from 'next';
import { pictureGuardOf } from '@/components/summary/picture-script';
import { SummaryView } from '@/components/summary/summary-view';
import { content } from '@/content';

export const metadata: Metadata = { title: 'Check your answers' };

export default function SummaryPage() {
  // Made here, at build: the rules stay out of the page's first scripts.
  return <SummaryView beforeResults={content.disclaimers.beforeResults} pictureGuard={pictureGuardOf(content.redFlags)} />;
}
