import type { Metadata } from 'next';
import { SummaryView } from '@/components/summary-view';
import { content } from '@/content';
import { conditionsQuestions } from '@/content/conditions';

export const metadata: Metadata = { title: 'Check your answers' };

export default function SummaryPage() {
  // Worked out here, at build: the red-flag rules stay out of the page's scripts.
  return <SummaryView beforeResults={content.disclaimers.beforeResults} redFlagQuestions={conditionsQuestions(content.redFlags.map((r) => r.when))} />;
}
