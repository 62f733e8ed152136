'use client';

/** Check your answers: every enabled question by section, its answer, and a Change link. */
import { useMemo } from 'react';
import { flowContent as content } from '@/content/flow';
import { enabledQuestions, isGateClosed, lastAnsweredQuestion } from '@/machines/answers';
import { answerText, NOT_PROVIDED } from './answer-text';
import { Flow, pathOf, useSession } from './flow-provider';
import { LoadingAnswers } from './loading-answers';
import { ResumeFromFile } from './resume-from-file';

/** `beforeResults` is the disclaimer shown before the assessment (passed in: pages hold the texts). */
export function SummaryView({ beforeResults }: { beforeResults: string }) {
  const actor = Flow.useActorRef();
  const answers = Flow.useSelector((s) => s.context.answers);
  const enabled = useMemo(() => enabledQuestions(answers, content), [answers]);
  const gateClosed = isGateClosed(enabled, content);
  const back = lastAnsweredQuestion(answers, content);
  const { ready } = useSession();
  const here = Flow.useSelector((s) => s.matches('summary'));
  // Saved answers are read in the browser: until then there is nothing true to show.
  if (!ready || !here) return <LoadingAnswers title="Check your answers" />;

  return (
    <>
      <a
        className="back-link"
        href={back ? pathOf({ question: back }) : '/'}
        onClick={(e) => {
          e.preventDefault();
          actor.send({ type: 'step.back' });
        }}
      >
        Back
      </a>
      <h1>Check your answers</h1>
      {gateClosed ? (
        <p className="panel panel--info">
          Your answer in the first section points to a movement that mimics myoclonus, so the other sections were not
          asked. Change it if the movements are in fact jerks.
        </p>
      ) : null}
      {content.sections.map((section) => {
        const rows = enabled.filter((q) => q.section === section.id);
        if (rows.length === 0) return null;
        return (
          <section key={section.id} aria-labelledby={`section-${section.id}`}>
            <h2 id={`section-${section.id}`}>{section.title}</h2>
            <dl className="summary-list">
              {rows.map((q) => {
                const text = answerText(q, answers[q.id]);
                return (
                  <div className="summary-list__row" key={q.id}>
                    <dt>{q.prompt}</dt>
                    <dd className={text === NOT_PROVIDED ? 'not-provided' : undefined}>{text}</dd>
                    <dd>
                      <a
                        href={pathOf({ question: q.id })}
                        onClick={(e) => {
                          e.preventDefault();
                          actor.send({ type: 'summary.change', question: q.id });
                        }}
                      >
                        Change<span className="visually-hidden"> your answer to: {q.prompt}</span>
                      </a>
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        );
      })}
      <h2>Now see the assessment</h2>
      <p>{beforeResults}</p>
      <button type="button" className="button" onClick={() => actor.send({ type: 'summary.confirm' })}>
        See the assessment
      </button>
      <ResumeFromFile />
    </>
  );
}
