import type { Metadata } from 'next';
import Link from 'next/link';
import { StartForm, UndoStartAgain } from '@/components/start/start-form';
import { RecordBannerSlot } from '@/components/record/banner-slot';
import { earlyPressScript } from '@/components/start/start-early-press';
import { content } from '@/content';
import { answerWords } from '@/content/ids';

export const metadata: Metadata = { title: { absolute: 'Myoclonus Navigator — classify myoclonus, see the evidence' } };

/**
 * The start page. "Before you start" and Start now come first, on a phone's first screen; what the
 * tool is for and how it works follow. The disclaimer banner shows whole here (globals.css).
 */
export default function StartPage() {
  const { disclaimers } = content;
  return (
    <>
      <UndoStartAgain />
      <h1 className="start-heading">Myoclonus Navigator</h1>
      <p className="start-lead">
        For clinicians: classify a patient’s myoclonus from the bedside and neurophysiological findings, and see the
        evidence for each category.
      </p>
      <RecordBannerSlot />
      <StartForm attestation={disclaimers.attestation} />
      {/* After the form it belongs to: notes a press of Start made before the page's scripts ran. */}
      <script dangerouslySetInnerHTML={{ __html: earlyPressScript() }} />
      <h2>What it does</h2>
      <p>{disclaimers.intendedUse}</p>
      <h2>Who it is for</h2>
      <p>
        Licensed clinicians — neurologists, neurosurgeons, clinical neurophysiologists — and trainees under
        supervision.
      </p>
      <h2>What it is not for</h2>
      <ul>
        {disclaimers.notFor.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2>How it works</h2>
      <p>
        You answer up to {content.questions.length} short questions, one per page, in {content.sections.length} sections, in
        this order (the answers that point to a reversible or urgent cause come first):
      </p>
      <ol>
        {content.sections.map((s) => (
          <li key={s.id}>{s.title}</li>
        ))}
      </ol>
      <p>
        Every question accepts “{answerWords.unknown}”. You can skip the rest of a section, and go to the summary as
        soon as no answer left can change the result. You can check and change your answers before you see the result,
        and download a PDF recap.
      </p>
      <p>
        The result shows the physiological categories your answers fit, with the answers for and against each and
        their sources, what is missing, and — only for an established myoclonus-dystonia or progressive myoclonus
        epilepsy — what the literature discusses about deep brain stimulation.{' '}
        <Link href="/sources" prefetch={false}>
          Read the method, sources and limitations
        </Link>
        .
      </p>
      <div className="panel panel--info">
        <p>{disclaimers.privacy}</p>
      </div>
    </>
  );
}
