import type { Metadata } from 'next';
import { ResultView } from '@/components/result/result-view';

export const metadata: Metadata = { title: 'Assessment' };

export default function ResultPage() {
  return <ResultView />;
}
