import type { Metadata } from 'next';
import { SummaryView } from '@/components/summary-view';

export const metadata: Metadata = { title: 'Check your answers' };

export default function SummaryPage() {
  return <SummaryView />;
}
