'use client';

/**
 * Questions the flow reached but that were never answered: typed past with the address bar or
 * history, or left open by "Go to the summary". They count as unknown in the assessment, and a red
 * flag they would raise cannot show, so the summary and the result say so rather than present them
 * like answers given as "Unknown / not assessed". When the settled proof (settled.ts) shows that no
 * answer to them can change the result — red flags included — the notice says that instead.
 */
import type { TQuestion } from '@/content/schema';
import type { TAnswers } from '@/machines/answers';
import { formatPath } from '@/machines/paths';
import { useShortcutCheck } from './use-shortcut-check';

/** What the summary shows in place of an answer for such a question. */
export const NOT_ANSWERED = 'Not answered';

/**
 * Whether no answer to the open questions can change the result: null until the proof (loaded on
 * demand, with the rules; question pages load the same module) has run, or when nothing is open.
 */
function useSettled(answers: TAnswers, anyOpen: boolean): boolean | null {
  const check = useShortcutCheck(anyOpen);
  return anyOpen && check ? check.settledCheck(answers) : null;
}

export function UnansweredNotice({
  enabled,
  answers,
  redFlagQuestions,
  onAnswer,
}: {
  /** The questions these answers enable, in the flow's order. */
  enabled: readonly TQuestion[];
  answers: TAnswers;
  /** The questions some red flag depends on (content.redFlags). */
  redFlagQuestions: readonly string[];
  /** Open the first of them (the flow's own move); without it, no link. */
  onAnswer?: (question: string) => void;
}) {
  const unanswered = enabled.filter((q) => answers[q.id] === undefined);
  const settled = useSettled(answers, unanswered.length > 0);
  if (unanswered.length === 0) return null;
  const first = unanswered[0]!;
  const flagging = unanswered.filter((q) => redFlagQuestions.includes(q.id)).length;
  const n = unanswered.length;
  const link = onAnswer ? (
    <a
      href={formatPath({ question: first.id })}
      onClick={(e) => {
        e.preventDefault();
        onAnswer(first.id);
      }}
    >
      Answer the first: {first.prompt}
    </a>
  ) : null;
  // One short paragraph: the result page keeps its answer, status and picture on a phone's first screen.
  return (
    <div className={`panel ${flagging > 0 && !settled ? 'panel--warning' : 'panel--info'}`} role="note" aria-labelledby="unanswered-title">
      <p>
        <strong id="unanswered-title">{n === 1 ? '1 question has not been answered.' : `${n} questions have not been answered.`}</strong>{' '}
        The assessment counts {n === 1 ? 'it' : 'them'} as unknown.
        {settled
          ? ` No answer to ${n === 1 ? 'it' : 'them'} can change this result, red flags included.`
          : flagging > 0
            ? ` ${flagging === n ? (n === 1 ? 'It' : 'They') : `${flagging} of them`} can raise a red flag: none is ruled out until answered.`
            : ''}{' '}
        {link}
      </p>
    </div>
  );
}
