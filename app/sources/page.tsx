import type { Metadata } from 'next';
import Link from 'next/link';
import { content } from '@/content';
import { methodFigures, seedCorrections } from '@/content/presentation';
import { sourceLevels } from '@/content/result-text';

export const metadata: Metadata = { title: 'Method, sources and limitations' };


export default function SourcesPage() {
  return (
    <>
      <h1>Method, sources and limitations</h1>
      <p>
        Content version <strong>{content.version}</strong>, last revised <strong>{content.revisedOn}</strong>.{' '}
        {content.status}
      </p>
      <h2 id="disclaimer">Not medical advice</h2>
      <p>{content.disclaimers.banner}</p>
      <p>{content.disclaimers.beforeResults}</p>
      <h2>Intended use</h2>
      <p>{content.disclaimers.intendedUse}</p>
      <p>Not for:</p>
      <ul>
        {content.disclaimers.notFor.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2 id="method">Method</h2>
      <ol>
        {content.method.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
      <h3 id="method-figures">The figures the assessment uses</h3>
      <dl className="method-figures">
        {methodFigures(content).map((f) => (
          <div key={f.term}>
            <dt>{f.term}</dt>
            <dd>{f.text}</dd>
          </div>
        ))}
      </dl>
      <p>
        Every rule and its weight is listed with the result it moves; the result page shows each answer that counted,
        with its sources. The same answers always give the same result.
      </p>
      <h2>Corrections to the source article</h2>
      <p>
        The deep brain stimulation targets discussed come from a consumer health article. Where it is wrong or looser
        than the literature, this tool says what the literature says instead:
      </p>
      <ul>
        {seedCorrections.map((c) => (
          <li key={c.id}>
            The article: “{c.seedSays}”. {c.correction}
          </li>
        ))}
      </ul>
      <h2>Known limitations</h2>
      <ul>
        {content.limitations.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2>Sources</h2>
      <p className="small">Each source shows how it was verified when the content was assembled.</p>
      <ol className="small">
        {content.sources.map((s) => (
          <li key={s.id} id={`source-${s.id}`}>
            {s.citation}{' '}
            {s.url ? (
              <a href={s.url} rel="noreferrer noopener" target="_blank">
                Link<span className="visually-hidden"> to {s.short}</span> (opens in a new tab)
              </a>
            ) : null}{' '}
            <span className="cite">Verification: {sourceLevels[s.level]}.</span>
            {s.lay ? <strong> Consumer article, not peer reviewed.</strong> : null}
          </li>
        ))}
      </ol>
      <p>
        <Link href="/" prefetch={false}>Back to the start page</Link>
      </p>
    </>
  );
}
