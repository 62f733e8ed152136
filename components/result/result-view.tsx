'use client';

/**
 * The result page. It renders the result model and nothing else: every clinical decision (what
 * shows, in which order, in which words) is made in machines/result/result-model.ts, which the PDF recap
 * renders too.
 */
import { useEffect, useMemo } from 'react';
import { contentData as content } from '@/content/data';
import { assess } from '@/machines/assessment/assess';
import { type TDbsNoteText, type TDbsPanel, type TReason, resultModel, type TResultModel, unansweredFlagsOf } from '@/machines/result/result-model';
import { FlowLink } from '../shared/flow-link';
import { ExportPanel } from './export-panel';
import { Flow, useSession } from '../shared/flow-provider';
import { LoadingAnswers } from '../shared/loading-answers';
import { ScoreChart } from './score-chart';
import { UnansweredNotice } from '../shared/unanswered-notice';
import { enabledQuestions } from '@/machines/answers/answers';

const Cite = ({ text }: { text: string }) => (text ? <span className="cite"> [{text}]</span> : null);

function ReasonList({ reasons }: { reasons: TReason[] }) {
  return (
    <ul className="evidence-list">
      {reasons.map((r) => (
        <li key={r.rule}>
          <span className="points">{r.pointsText}</span> {r.prompt} <strong>{r.answer}</strong> — {r.why}
          {r.countedWith ? <> (counted once, with “{r.countedWith}”)</> : null}
          <Cite text={r.cites} />
        </li>
      ))}
    </ul>
  );
}

function StatusPanel({ model }: { model: TResultModel }) {
  const tone = model.status === 'category' ? 'result' : model.status === 'indeterminate' ? 'caution' : 'warning';
  // Role names kept stable for the page objects: the mimic headline and the category headline.
  return (
    <section className={`panel panel--${tone} result-status`} aria-labelledby="category-title">
      <p className="result-status__kicker">{KICKER[model.status]}</p>
      <h2 id="category-title">{model.headline}</h2>
      <p className="result-status__line">{model.statusLine}</p>
      {model.scores ? (
        <figure className="scores" aria-labelledby="scores-caption">
          <figcaption id="scores-caption">
            {model.scores.caption} <a href="/sources#method">Method</a>
          </figcaption>
          <ScoreChart scores={model.scores} id="scores" />
        </figure>
      ) : null}
      {model.details.length > 0 ? (
        <ul className="small result-status__details">
          {model.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

const KICKER: Record<TResultModel['status'], string> = {
  category: 'Result',
  indeterminate: 'Result: not decided',
  provisional: 'Provisional result',
  mimic: 'Result: possibly not myoclonus',
};

export function ResultView() {
  const { startAgain, ready } = useSession();
  const answers = Flow.useSelector((s) => s.context.answers);
  const here = Flow.useSelector((s) => s.matches('result'));
  // Saved answers are read in the browser: never assess (nor show) answers not yet loaded.
  const shown = ready && here;
  const assessment = useMemo(() => (shown ? assess(answers, content) : null), [shown, answers]);
  const model = useMemo(() => (assessment ? resultModel(assessment, content) : null), [assessment]);

  // Printing shows every folded section.
  useEffect(() => {
    const open = () => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''));
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);

  if (!assessment || !model) return <LoadingAnswers title="Assessment" />;

  const m = model;

  return (
    <div className="result">
      <FlowLink className="back-link" event={{ type: 'summary.open' }}>
        Back to your answers
      </FlowLink>
      <h1>Assessment</h1>

      {m.redFlags ? (
        <section className="panel panel--warning red-flags" aria-labelledby="red-flags-title">
          <h2 id="red-flags-title">{m.redFlags.title}</h2>
          <ul className="flag-list">
            {m.redFlags.items.map((f) => (
              <li key={f.rule}>
                <strong>{f.label}.</strong> {f.nextStep ? <>First: {f.nextStep}</> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {m.mimic ? (
        <section className="panel panel--warning result-status" aria-labelledby="category-title">
          <p className="result-status__kicker">{KICKER.mimic}</p>
          <h2 id="category-title">{m.headline}</h2>
          <p className="result-status__line">{m.statusLine}</p>
          <ul className="flag-list">
            {m.mimic.items.map((f) => (
              <li key={f.rule}>
                <strong>{f.label}</strong> — {f.why} {f.nextStep ? <>Next step: {f.nextStep}</> : null}
                <Cite text={f.cites} />
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <StatusPanel model={m} />
      )}

      {/* Below the answer, its status and the picture, which stay on the first screen of a phone. */}
      <UnansweredNotice
        enabled={enabledQuestions(answers, content)}
        answers={answers}
        flagging={unansweredFlagsOf(assessment, content)}
        answerLinks
      />

      {m.redFlags ? (
        <section aria-labelledby="red-flags-why">
          <details>
            <summary>
              <h2 id="red-flags-why" className="summary-heading">
                Why these are red flags
              </h2>
            </summary>
            <p>{m.redFlags.intro}</p>
            <ul className="flag-list">
              {m.redFlags.items.map((f) => (
                <li key={f.rule}>
                  <strong>{f.label}</strong> — {f.why}
                  <Cite text={f.cites} />
                </li>
              ))}
            </ul>
          </details>
        </section>
      ) : null}

      {m.setAside ? (
        <section className="panel panel--warning" aria-labelledby="set-aside-title">
          <h2 id="set-aside-title">{m.setAside.title}</h2>
          <ul className="flag-list">
            {m.setAside.items.map((f) => (
              <li key={f.rule}>
                <strong>{f.label}</strong> — {f.nextStep}
                {f.withheld.length > 0 ? (
                  <>
                    {' '}
                    Not recorded: {f.withheld.join('; ')}.
                  </>
                ) : null}
                <Cite text={f.cites} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {m.warnings.length > 0 ? (
        <section className="panel panel--warning" aria-labelledby="warnings-title">
          <h2 id="warnings-title">The answers conflict</h2>
          {m.warnings.map((w) => (
            <div key={w.why}>
              <h3>{w.title}</h3>
              <p>
                {w.why}
                <Cite text={w.cites} />
              </p>
              <p>
                <strong>Reconcile:</strong> {w.reconcile}
              </p>
            </div>
          ))}
        </section>
      ) : null}

      <p className="small result__disclaimer">{m.disclaimer}</p>

      {m.topReasons && m.topReasons.reasons.length > 0 ? (
        <section aria-labelledby="top-reasons-title" className="top-reasons">
          <h2 id="top-reasons-title">{m.topReasons.title}</h2>
          <ReasonList reasons={m.topReasons.reasons} />
          {m.topReasons.more ? <p className="small">{m.topReasons.more}</p> : null}
        </section>
      ) : null}

      {m.missing ? (
        <section aria-labelledby="missing-title">
          <h2 id="missing-title">{m.missing.title}</h2>
          <p className="small">{m.missing.intro}</p>
          <ul className="missing-list">
            {m.missing.items.map((item) => (
              <li key={item.question}>
                <strong>{item.prompt}</strong>
                {item.opens ? ` ${item.opens}` : ''}
                {item.first ? <span className="missing-list__first"> Ask this first: {item.first}</span> : null}
                <br />
                {item.change}
                <br />
                Settled by: {item.test}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <DbsSection panel={m.dbs} />

      {m.evidence.length > 0 ? (
        <section aria-labelledby="ranking-title">
          <h2 id="ranking-title">Why: the categories ranked</h2>
          <p className="small">
            {m.scores?.legend} <a href="/sources#method">Method</a>
          </p>
          <ol className="ranking">
            {m.evidence.map((e) => (
              <li key={e.category}>
                <details>
                  <summary>
                    {e.name}: <span className="ranking__score">score {e.scoreText}</span>,{' '}
                    <span className="ranking__count">
                      {e.reasons.length} answer{e.reasons.length === 1 ? '' : 's'}
                    </span>
                  </summary>
                  {e.reasons.length > 0 ? <ReasonList reasons={e.reasons} /> : <p className="small">No answer counted for or against it.</p>}
                </details>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="sources-title">
        <details>
          <summary>
            <h2 id="sources-title" className="summary-heading">
              Sources cited
            </h2>
          </summary>
          <ul className="small">
            {m.sources.map((s) => (
              <li key={s.id}>
                {s.citation} {s.lay ? <strong>(consumer article, not peer reviewed)</strong> : null}
              </li>
            ))}
          </ul>
        </details>
      </section>

      <ExportPanel assessment={assessment} />

      <div className="button-group">
        <FlowLink className="button button--secondary" event={{ type: 'summary.open' }}>
          Change your answers
        </FlowLink>
        <button type="button" className="link-button" onClick={startAgain}>
          Start again
        </button>
      </div>
    </div>
  );
}

function NoteList({ notes }: { notes: TDbsNoteText[] }) {
  return (
    <ul>
      {notes.map((n) => (
        <li key={n.id}>
          {n.text}
          <Cite text={n.cites} />
        </li>
      ))}
    </ul>
  );
}

function DbsSection({ panel }: { panel: TDbsPanel }) {
  switch (panel.kind) {
    case 'hidden':
      return null;
    case 'not-covered':
      return (
        <section aria-labelledby="dbs-title">
          <h2 id="dbs-title">{panel.title}</h2>
          <p>{panel.text}</p>
        </section>
      );
    case 'blocked':
      return (
        <section className="panel" aria-labelledby="dbs-title">
          <h2 id="dbs-title">{panel.title}</h2>
          <p>{panel.intro}</p>
          <ul>
            {panel.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          {panel.unknownFindings.length > 0 ? (
            <p>
              Left unknown, and able to contradict the diagnosis: {panel.unknownFindings.map((f) => f.prompt).join('; ')}
            </p>
          ) : null}
          {panel.ask ? (
            <p>
              <FlowLink event={{ type: 'step.goto', question: panel.ask.question }}>Answer: {panel.ask.prompt}</FlowLink>
            </p>
          ) : null}
        </section>
      );
    case 'discussed':
      return (
        <section className="panel" aria-labelledby="dbs-title">
          <h2 id="dbs-title">{panel.title}</h2>
          <p>
            <strong>{panel.disclaimer}</strong>
          </p>
          <p>
            {panel.summary}
            <Cite text={panel.summaryCites} />
          </p>
          <dl className="dbs-fields">
            {panel.fields.map((f) => (
              <div key={f.label}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
          <p className="dbs-targets-title">
            <strong>{panel.targetsLabel}</strong>, with the level of evidence for each:
          </p>
          <ul className="dbs-targets">
            {panel.targets.map((t) => (
              <li key={t.name}>
                <strong>{t.name}:</strong> {t.evidence}
              </li>
            ))}
          </ul>
          {panel.targetCaveats.map((n) => (
            <p key={n.id}>
              <strong>{n.label}:</strong> {n.text}
              <Cite text={n.cites} />
            </p>
          ))}
          {panel.firstLine.map((n) => (
            <p key={n.id}>
              {n.text}
              <Cite text={n.cites} />
            </p>
          ))}
          <details>
            <summary>Evidence and caveats</summary>
            <NoteList notes={[...panel.evidence, ...panel.caveats]} />
          </details>
          {panel.corrections.length > 0 ? (
            <details>
              <summary>Where the source article is corrected</summary>
              <NoteList notes={panel.corrections} />
            </details>
          ) : null}
        </section>
      );
  }
}
