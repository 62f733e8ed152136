import type { Metadata } from 'next';
import { QuestionPage } from '@/components/question/question-page';
import { content } from '@/content';
import { answersNeeded } from '@/content/conditions';

export const metadata: Metadata = { title: 'Question' };

/**
 * Every question, at one address: `/questionnaire#G2`. The question id lives in the fragment, which
 * never reaches a server (see machines/flow/paths.ts); the question shown is the one the flow is at.
 */
export default function QuestionnairePage() {
  // Worked out here, at build: the red-flag rules stay out of the page's first load.
  const redFlagGuard = answersNeeded(content.redFlags.map((r) => r.when));
  return <QuestionPage redFlagGuard={redFlagGuard} />;
}
