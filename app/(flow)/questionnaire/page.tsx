import type { Metadata } from 'next';
import { QuestionStep } from '@/components/question-step';

export const metadata: Metadata = { title: 'Question' };

/**
 * Every question, at one address: `/questionnaire#G2`. The question id lives in the fragment, which
 * never reaches a server (see machines/paths.ts); the question shown is the one the flow is at.
 */
export default function QuestionnairePage() {
  return <QuestionStep />;
}
