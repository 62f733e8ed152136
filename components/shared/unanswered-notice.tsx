'use client';

/**
 * What is still open, said where the answers are read (the summary, the result): the questions left
 * unanswered or "Unknown / not assessed" whose answer could still raise a red flag, with the flags
 * each could raise (the assessment's `missing`), and how many questions the flow reached but were
 * never answered (typed past with the address bar or history, or left open by "Go to the summary").
 * An explicit "Unknown" counts like a skipped question: neither rules a red flag out.
 */
import type { TQuestion } from '@/content/schema';
import type { TAnswers } from '@/machines/answers/answers';
import { formatPath } from '@/machines/flow/paths';
import type { TFlaggingQuestion } from '@/machines/result/result-model';

export function UnansweredNotice({
  enabled,
  answers,
  flagging,
  onAnswer,
}: {
  /** The questions these answers enable, in the flow's order. */
  enabled: readonly TQuestion[];
  answers: TAnswers;
  /** The open questions that could raise a red flag; null while the rules load. */
  flagging: readonly TFlaggingQuestion[] | null;
  /** Open a question (the flow's own move); without it, no link. */
  onAnswer?: (question: string) => void;
}) {
  const unanswered = enabled.filter((q) => answers[q.id] === undefined);
  const flags = flagging ?? [];
  if (unanswered.length === 0 && flags.length === 0) return null;
  const n = unanswered.length;
  const first = flags[0]?.question ?? unanswered[0]?.id;
  const firstPrompt = flags[0]?.prompt ?? unanswered[0]?.prompt;
  const link =
    onAnswer && first ? (
      <a
        href={formatPath({ question: first })}
        onClick={(e) => {
          e.preventDefault();
          onAnswer(first);
        }}
      >
        Answer: {firstPrompt}
      </a>
    ) : null;
  const notAnswered = n === 0 ? null : <strong id="unanswered-title">{n === 1 ? '1 question has not been answered.' : `${n} questions have not been answered.`}</strong>;
  if (flags.length === 0)
    return (
      <div className="panel panel--info" role="note" aria-labelledby="unanswered-title">
        <p>
          {notAnswered} The assessment counts {n === 1 ? 'it' : 'them'} as unknown.
          {flagging !== null ? ` No answer to ${n === 1 ? 'it' : 'them'} could raise a red flag.` : ''} {link}
        </p>
      </div>
    );
  // One short paragraph and a list: the result page keeps its answer and status on a phone's first screen.
  return (
    <div className="panel panel--warning" role="note" aria-labelledby="flagging-title">
      <p>
        {notAnswered}{' '}
        <strong id="flagging-title">
          {flags.length === 1
            ? 'A question left unanswered or unknown could still raise a red flag'
            : `${flags.length} questions left unanswered or unknown could still raise red flags`}
          :
        </strong>{' '}
        none is ruled out until answered.
      </p>
      <ul className="small">
        {flags.map((f) => (
          <li key={f.question}>
            {f.prompt} <span className="hint">({f.flags.join('; ')})</span>
          </li>
        ))}
      </ul>
      {link ? <p>{link}</p> : null}
    </div>
  );
}
