/**
 * The result document (machines/result/document.ts) as the result page shows it, and print with it:
 * one renderer per section kind, in the document's order. No hooks and no clinical decision: what
 * shows, in which order and in which words comes from the document, which the PDF recap renders too.
 */
import type { ReactNode } from 'react';
import { formatPath } from '@/machines/flow/paths';
import { renderSection, type TRenderers, type TResultDocument, type TSectionOf } from '@/machines/result/document';
import type { TDbsNoteText, TFindingText, TReason } from '@/machines/result/result-model';
import { ScoreChart } from './score-chart';
import { FlowLink } from '../shared/flow-link';
import { UnansweredNotice } from '../shared/unanswered-notice';

type TPageProps = { key: string; links?: boolean };

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

function FindingList({ items }: { items: TFindingText[] }) {
  return (
    <ul className="flag-list">
      {items.map((f) => (
        <li key={f.rule}>
          <strong>{f.label}</strong> — {f.why} {f.nextStep ? <>Next step: {f.nextStep}</> : null}
          {f.withheld.length > 0 ? <> Not recorded: {f.withheld.join('; ')}.</> : null}
          <Cite text={f.cites} />
        </li>
      ))}
    </ul>
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

/** A link that opens a question through the flow (FlowLink), or a plain address where there is no flow (a static render). */
function AnswerLink({ question, prompt, links }: { question: string; prompt: string; links?: boolean }) {
  return links ? (
    <FlowLink event={{ type: 'step.goto', question }}>Answer: {prompt}</FlowLink>
  ) : (
    <a href={formatPath({ question })}>Answer: {prompt}</a>
  );
}

/** A section folded under its heading: open on request, and always in print. */
function Folded({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <details>
        <summary>
          <h2 id={id} className="summary-heading">
            {title}
          </h2>
        </summary>
        {children}
      </details>
    </section>
  );
}

function StatusPanel({ section: st }: { section: TSectionOf<'status'> }) {
  const tone = st.status === 'category' ? 'result' : st.status === 'indeterminate' ? 'caution' : 'warning';
  // Role names kept stable for the page objects: the mimic headline and the category headline.
  return (
    <section className={`panel panel--${tone} result-status`} aria-labelledby="category-title">
      <p className="result-status__kicker">{st.kicker}</p>
      <h2 id="category-title">{st.headline}</h2>
      <p className="result-status__line">{st.statusLine}</p>
      {st.mimic ? (
        <>
          <FindingList items={st.mimic.items} />
          <p className="small">
            <strong>{st.mimic.title}.</strong> {st.mimic.intro} {st.mimic.safetyScreen}
          </p>
        </>
      ) : null}
      {st.scores ? (
        <figure className="scores" aria-labelledby="scores-caption">
          <figcaption id="scores-caption">
            {st.scores.caption} <a href="/sources#method">Method</a>
          </figcaption>
          <ScoreChart scores={st.scores} id="scores" />
        </figure>
      ) : null}
      {st.details.length > 0 ? (
        <ul className="small result-status__details">
          {st.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function DbsSection({ panel, links }: { panel: TSectionOf<'dbs'>['panel']; links?: boolean }) {
  switch (panel.kind) {
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
          {panel.unknownFindings.length > 0 ? <p>Left unknown, and able to contradict the diagnosis: {panel.unknownFindings.map((f) => f.prompt).join('; ')}</p> : null}
          {panel.ask ? (
            <p>
              <AnswerLink question={panel.ask.question} prompt={panel.ask.prompt} links={links} />
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
                <dd className="summary-list__answer">{f.value}</dd>
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
              <strong>{n.label}:</strong> {n.text}
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

const pageSections: TRenderers<ReactNode, TPageProps> = {
  // The flags and what to do first lead the page; why they are red flags stays folded beneath.
  'red-flags': (r, { key }) => (
    <div key={key}>
      <section className="panel panel--warning red-flags" aria-labelledby="red-flags-title">
        <h2 id="red-flags-title">{r.title}</h2>
        <ul className="flag-list">
          {r.items.map((f) => (
            <li key={f.rule}>
              <strong>{f.label}.</strong> {f.nextStep ? <>First: {f.nextStep}</> : null}
            </li>
          ))}
        </ul>
      </section>
      <Folded id="red-flags-why" title={r.whyTitle}>
        <p>{r.intro}</p>
        <ul className="flag-list">
          {r.items.map((f) => (
            <li key={f.rule}>
              <strong>{f.label}</strong> — {f.why}
              {f.withheld.length > 0 ? <> Not recorded: {f.withheld.join('; ')}.</> : null}
              <Cite text={f.cites} />
            </li>
          ))}
        </ul>
      </Folded>
    </div>
  ),
  status: (st, { key }) => <StatusPanel key={key} section={st} />,
  // Below the answer, its status and the picture, which stay on the first screen of a phone.
  unanswered: (u, { key, links }) => <UnansweredNotice key={key} section={u} answerLinks={links} />,
  'set-aside': (sa, { key }) => (
    <section key={key} className="panel panel--warning" aria-labelledby="set-aside-title">
      <h2 id="set-aside-title">{sa.title}</h2>
      <FindingList items={sa.items} />
    </section>
  ),
  warnings: (w, { key }) => (
    <section key={key} className="panel panel--warning" aria-labelledby="warnings-title">
      <h2 id="warnings-title">{w.title}</h2>
      {w.items.map((item) => (
        <div key={item.why}>
          <h3>{item.title}</h3>
          <p>
            {item.why}
            <Cite text={item.cites} />
          </p>
          <p>
            <strong>Reconcile:</strong> {item.reconcile}
          </p>
        </div>
      ))}
    </section>
  ),
  disclaimer: (d, { key }) => (
    <p key={key} className="small result__disclaimer">
      {d.text}
    </p>
  ),
  'top-reasons': (t, { key }) => (
    <section key={key} aria-labelledby="top-reasons-title" className="top-reasons">
      <h2 id="top-reasons-title">{t.title}</h2>
      <ReasonList reasons={t.reasons} />
      {t.more ? <p className="small">{t.more}</p> : null}
    </section>
  ),
  missing: (m, { key }) => (
    <section key={key} aria-labelledby="missing-title">
      <h2 id="missing-title">{m.title}</h2>
      <p className="small">{m.intro}</p>
      <ul className="missing-list">
        {m.items.map((item) => (
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
  ),
  dbs: (d, { key, links }) => <DbsSection key={key} panel={d.panel} links={links} />,
  ranking: (r, { key }) => (
    <section key={key} aria-labelledby="ranking-title">
      <h2 id="ranking-title">{r.title}</h2>
      <p className="small">
        {r.legend} <a href="/sources#method">Method</a>
      </p>
      <ol className="ranking">
        {r.items.map((e) => (
          <li key={e.category}>
            <details>
              <summary>
                {e.name}: <span className="ranking__score">score {e.scoreText}</span>,{' '}
                <span className="ranking__count">
                  {e.reasons.length} answer{e.reasons.length === 1 ? '' : 's'}
                </span>
              </summary>
              {e.reasons.length > 0 ? <ReasonList reasons={e.reasons} /> : <p className="small">{e.none}</p>}
            </details>
          </li>
        ))}
      </ol>
    </section>
  ),
  record: (r, { key }) => (
    <section key={key} aria-labelledby="record-title" className="panel panel--info">
      <h2 id="record-title">{r.title}</h2>
      <p className="small">{r.intro}</p>
      {r.fields.length > 0 ? (
        <dl className="summary-list summary-list--compact">
          {r.fields.map((f) => (
            <div className="summary-list__row" key={f.label}>
              <dt>{f.label}</dt>
              <dd className="summary-list__answer">{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <ul>
        {r.items.map((item) => (
          <li key={`${item.question}-${item.answer}`}>
            {item.prompt} <strong>{item.answer}</strong>
            <p className="small">{r.evidenceLabel}:</p>
            <ul className="small">
              {item.evidence.map((e) => (
                <li key={e.reference}>
                  {e.text} ({e.reference})
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  ),
  answers: (a, { key }) => (
    <Folded key={key} id="answers-title" title={a.title}>
      {a.note ? <p className="small">{a.note}</p> : null}
      {a.groups.map((g) => (
        <div key={g.section}>
          <h3>{g.section}</h3>
          <dl className="summary-list summary-list--compact">
            {g.rows.map((row) => (
              <div className="summary-list__row" key={row.question}>
                <dt>{row.prompt}</dt>
                <dd className="summary-list__answer">
                  {row.answers.join('; ')}
                  {row.fromRecord ? <span className="small"> ({row.fromRecord})</span> : null}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </Folded>
  ),
  sources: (src, { key }) => (
    <Folded key={key} id="sources-title" title={src.title}>
      <ul className="small">
        {src.items.map((item) => (
          <li key={item.id}>
            <strong>{item.short}.</strong> {item.citation}
            {item.url ? (
              <>
                {' '}
                <a href={item.url} rel="noreferrer noopener">
                  {item.url}
                </a>
              </>
            ) : null}{' '}
            {item.lay ? <strong>{item.lay}</strong> : null} Verification: {item.level}.
          </li>
        ))}
      </ul>
    </Folded>
  ),
};

/** Every section of the document, in its order, as the page shows it. */
export function ResultSections({ document, links }: { document: TResultDocument; links?: boolean }) {
  return <>{document.sections.map((section, i) => renderSection(pageSections, section, { key: `${section.kind}-${i}`, links }))}</>;
}
