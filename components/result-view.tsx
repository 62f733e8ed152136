'use client';

/**
 * The explained result. Everything here is read from the assessment object; this view computes no
 * clinical logic of its own.
 */
import { useEffect, useMemo } from 'react';
import { contentData as content } from '@/content/data';
import type { TQuestion } from '@/content/schema';
import { assess, type TAssessment, type TContribution } from '@/machines/assess';
import { answerText } from './answer-text';
import { ExportPanel } from './export-panel';
import { Flow, useSession } from './flow-provider';
import { LoadingAnswers } from './loading-answers';
import { categoryName, citedSources, citeShort, outcomeText } from './result-text';

const questionsById = new Map<string, TQuestion>(content.questions.map((q) => [q.id, q]));
const promptOf = (id: string) => questionsById.get(id)?.prompt ?? id;

function Cite({ ids }: { ids: readonly string[] }) {
  return <span className="cite"> [{citeShort(ids, content)}]</span>;
}

function ContributionList({ items }: { items: TContribution[] }) {
  return (
    <ul className="evidence-list">
      {items.map((c) => {
        const q = questionsById.get(c.question);
        return (
          <li key={c.rule}>
            {q ? `${q.prompt} ` : ''}
            <strong>{q ? answerText(q, c.answer) : c.answer}</strong> ({c.points > 0 ? `+${c.points}` : c.points}
            ) — {c.why}
            <Cite ids={c.sources} />
          </li>
        );
      })}
    </ul>
  );
}

export function ResultView() {
  const actor = Flow.useActorRef();
  const { startAgain, ready } = useSession();
  const answers = Flow.useSelector((s) => s.context.answers);
  const here = Flow.useSelector((s) => s.matches('result'));
  const assessment = useMemo(() => assess(answers, content), [answers]);

  // Printing shows every collapsed section.
  useEffect(() => {
    const open = () => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''));
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);

  // Saved answers are read in the browser: never show an assessment of answers not yet loaded.
  if (!ready || !here) return <LoadingAnswers title="Assessment" />;

  const { labels } = content;
  const a = assessment;

  return (
    <>
      <a
        className="back-link"
        href="/summary"
        onClick={(e) => {
          e.preventDefault();
          actor.send({ type: 'summary.open' });
        }}
      >
        Back to your answers
      </a>
      <h1>Assessment</h1>
      <div className="panel panel--info">
        <p>{content.disclaimers.beforeResults}</p>
      </div>

      {a.gate === 'mimic' && a.mimic ? (
        <section className="panel panel--warning" aria-labelledby="mimic-title">
          <h2 id="mimic-title">Not myoclonus: {labels.mimics[a.mimic].toLowerCase()} suggested</h2>
          <p>These answers point to a movement that mimics myoclonus. No category and no deep brain stimulation discussion are shown.</p>
          <ul>
            {a.explanation.gate.map((f) => (
              <li key={f.rule}>
                <strong>{f.questions.map(promptOf).join('; ')}</strong> — {f.why} {f.nextStep}
                <Cite ids={f.sources} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {a.redFlags.length > 0 ? (
        <section className="panel panel--warning" aria-labelledby="red-flags-title">
          <h2 id="red-flags-title">Red flags: look for a reversible or urgent cause first</h2>
          <p>{content.disclaimers.redFlags}</p>
          <ul>
            {a.explanation.redFlags.map((f) => (
              <li key={f.rule}>
                <strong>{labels.redFlags[f.raises as keyof typeof labels.redFlags]}</strong> — {f.why}
                <Cite ids={f.sources} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {a.gate === 'myoclonus' ? (
        <section className="panel panel--result" aria-labelledby="category-title">
          {a.category && a.category !== 'indeterminate' ? (
            <>
              <h2 id="category-title">Most likely physiological category: {categoryName(a.category, content)}</h2>
              <p>Generator: {labels.categories[a.category].generator}.</p>
            </>
          ) : (
            <>
              <h2 id="category-title">Indeterminate: the answers do not separate the categories</h2>
              {a.candidates.length ? (
                <p>
                  Still compatible, best first: <strong>{a.candidates.map((c) => categoryName(c, content)).join(', ')}</strong>.
                </p>
              ) : null}
              {a.explanation.provisionalCategory ? (
                <p>
                  Provisional, once reversible causes are excluded: <strong>{categoryName(a.explanation.provisionalCategory, content)}</strong>.
                </p>
              ) : null}
              <ul>
                {a.explanation.indeterminate.map((r) => (
                  <li key={r}>{labels.indeterminateReasons[r]}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}

      {a.gate === 'myoclonus' && a.missing.length > 0 ? (
        <section aria-labelledby="missing-title">
          <h2 id="missing-title">What would change this</h2>
          <p>These questions were left unknown or not done; an answer could change the result.</p>
          <ul>
            {a.missing.map((m) => (
              <li key={m.question}>
                <strong>{promptOf(m.question)}</strong>
                {m.via.length ? ` (then: ${m.via.map(promptOf).join('; ')})` : ''}
                <br />
                Settled by: {m.test}
                <br />
                Could lead to: {m.couldLeadTo.map((o) => outcomeText(o, content)).join('; ')}.
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {a.gate === 'myoclonus' ? (
        <section aria-labelledby="ranking-title">
          <h2 id="ranking-title">Why: the categories ranked</h2>
          <p className="small">
            Points: +2 strong, +1 moderate, −1 against, +4 definitive neurophysiology. How this works is on the{' '}
            <a href="/sources">method page</a>.
          </p>
          <ol className="ranking">
            {a.ranking.map((r, index) => {
              const evidence = (
                <>
                  {r.for.length ? (
                    <>
                      <p className="small">Answers for:</p>
                      <ContributionList items={r.for} />
                    </>
                  ) : (
                    <p className="small">No answers for.</p>
                  )}
                  {r.against.length ? (
                    <>
                      <p className="small">Answers against:</p>
                      <ContributionList items={r.against} />
                    </>
                  ) : null}
                </>
              );
              // The leading and still-compatible categories are open; the others one click away.
              const open = index === 0 || a.candidates.includes(r.category);
              return (
                <li key={r.category}>
                  <h3>
                    {categoryName(r.category, content)} <span className="tag">score {r.score}</span>
                  </h3>
                  {open ? (
                    evidence
                  ) : (
                    <details>
                      <summary>
                        Show the {r.for.length} answer{r.for.length === 1 ? '' : 's'} for and {r.against.length} against
                        <span className="visually-hidden"> {categoryName(r.category, content)}</span>
                      </summary>
                      {evidence}
                    </details>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}

      <DbsSection assessment={a} />

      <section aria-labelledby="sources-title">
        <h2 id="sources-title">Sources cited</h2>
        <ul className="small">
          {citedSources(a, content).map((s) => (
              <li key={s.id}>
                {s.citation} {s.lay ? <strong>(consumer article, not peer reviewed)</strong> : null}
              </li>
            ))}
        </ul>
      </section>

      <ExportPanel assessment={a} />

      <div className="button-group">
        <a
          className="button button--secondary"
          href="/summary"
          onClick={(e) => {
            e.preventDefault();
            actor.send({ type: 'summary.open' });
          }}
        >
          Change your answers
        </a>
        <button type="button" className="link-button" onClick={startAgain}>
          Start again
        </button>
      </div>
    </>
  );
}

function DbsSection({ assessment: a }: { assessment: TAssessment }) {
  const { dbs } = a;
  const route = content.dbs.find((r) => r.diagnosis === dbs.diagnosis);
  if (a.gate === 'mimic') return null;
  if (dbs.targets.length === 0) {
    return (
      <section aria-labelledby="dbs-title">
        <h2 id="dbs-title">Deep brain stimulation</h2>
        {dbs.blockedBy.length > 0 && route ? (
          <>
            <p>A diagnosis of {route.label.toLowerCase()} is recorded, but no target is discussed:</p>
            <ul>
              {dbs.blockedBy.map((b) => (
                <li key={b}>{content.labels.dbsBlocks[b]}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>
            The source article discusses deep brain stimulation only for an established diagnosis of myoclonus-dystonia
            or progressive myoclonus epilepsy. No target is discussed for these answers.
          </p>
        )}
      </section>
    );
  }
  const notes = dbs.notes.filter((n) => n.kind !== 'first-line');
  const body = (
    <>
      <p>
        <strong>Evidence level:</strong> {dbs.evidenceLevel}
      </p>
      <ul>
        {notes.map((n) => (
          <li key={n.id}>
            {n.text}
            <Cite ids={n.sources} />
          </li>
        ))}
      </ul>
    </>
  );
  return (
    <section className="panel" aria-labelledby="dbs-title">
      <h2 id="dbs-title">Deep brain stimulation: what the literature discusses</h2>
      <p>
        <strong>{content.disclaimers.dbs}</strong>
      </p>
      <p>
        {dbs.summary} Target{dbs.targets.length > 1 ? 's' : ''} discussed:{' '}
        {dbs.targets.map((t) => content.labels.targets[t]).join(' or ')}.
      </p>
      {dbs.notes
        .filter((n) => n.kind === 'first-line')
        .map((n) => (
          <p key={n.id}>
            {n.text}
            <Cite ids={n.sources} />
          </p>
        ))}
      {dbs.refractory === true ? (
        body
      ) : (
        <details>
          <summary>Show the literature on deep brain stimulation for this diagnosis</summary>
          {body}
        </details>
      )}
    </section>
  );
}
