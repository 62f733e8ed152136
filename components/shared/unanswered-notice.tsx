'use client';

/**
 * What is still open, said where the answers are read (the summary, the result): the notice the
 * result document makes (machines/result/unanswered.ts) — how many questions the flow reached but
 * were never answered (typed past with the address bar or history, or left open by "Go to the
 * summary"), and the questions left unanswered or "Unknown / not assessed" whose answer could still
 * raise a red flag. An explicit "Unknown" counts like a skipped question: neither rules a red flag out.
 */
import type { TUnansweredSection } from '@/machines/result/unanswered';
import { FlowLink } from './flow-link';

export function UnansweredNotice({
  section,
  answerLinks = false,
}: {
  /** The notice, or null when nothing is open. */
  section: TUnansweredSection | null;
  /** Link to the first question to answer (the flow's own move, `step.goto`); without it, no link. */
  answerLinks?: boolean;
}) {
  if (!section) return null;
  const first = section.first;
  const link =
    answerLinks && first ? <FlowLink event={{ type: 'step.goto', question: first.question }}>Answer: {first.prompt}</FlowLink> : null;
  const notAnswered = section.notAnswered ? <strong id="unanswered-title">{section.notAnswered}</strong> : null;
  if (section.tone === 'info')
    return (
      <div className="panel panel--info" role="note" aria-labelledby="unanswered-title">
        <p>
          {notAnswered} {section.lead} {link}
        </p>
      </div>
    );
  // One short paragraph and a list: the result page keeps its answer and status on a phone's first screen.
  return (
    <div className="panel panel--warning" role="note" aria-labelledby="flagging-title">
      <p>
        {notAnswered} <strong id="flagging-title">{section.lead}</strong> {section.rest}
      </p>
      <ul className="small">
        {section.items.map((f) => (
          <li key={f.question}>
            {f.prompt} <span className="hint">({f.flags})</span>
          </li>
        ))}
      </ul>
      {link ? <p>{link}</p> : null}
    </div>
  );
}
