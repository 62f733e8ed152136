import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { QuestionStep } from '@/components/question-step';
import { content } from '@/content';

export const dynamicParams = false;

export function generateStaticParams() {
  return content.questions.map((q) => ({ id: q.id }));
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const q = content.questions.find((x) => x.id === id);
  return { title: q ? q.prompt : 'Question not found' };
}

export default async function QuestionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!content.questions.some((q) => q.id === id)) notFound();
  return <QuestionStep questionId={id} />;
}
