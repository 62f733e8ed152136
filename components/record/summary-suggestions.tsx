'use client';

/**
 * On the summary, under a question's answer: each suggestion of the record the answer does not hold,
 * with its evidence and "Use this answer", which opens the question's page (the machine's Change) with
 * the option ticked: Continue there confirms it, asks any question it newly opens, and returns here.
 * For an answer that came from the record, which resource it came from.
 */
import { recordText } from '@/content/record-text';
import type { TQuestion } from '@/content/schema';
import { UNKNOWN } from '@/content/ids';
import type { TAnswerValue } from '@/machines/answers/answers';
import { answerText } from '@/machines/answers/vocabulary';
import { fromRecordOf, suggestionKey } from '@/machines/record/from-record';
import type { TSuggestion } from '@/machines/record/types';
import { Flow } from '../shared/flow-provider';
import { FlowLink } from '../shared/flow-link';
import { setPendingUse } from './pending-use';
import { useBoundRecord } from './record-provider';
import { EvidenceList } from './suggestion-panel';


function excludes(q: TQuestion, answer: TAnswerValue | undefined, s: TSuggestion): boolean {
  if (answer === undefined) return false;
  if (q.kind === 'single') return answer !== s.value;
  const list = typeof answer === 'string' ? [answer] : answer;
  return list.some((v) => v === UNKNOWN || q.exclusive.includes(v));
}

export function SummarySuggestions({ q }: { q: TQuestion }) {
  const record = useBoundRecord();
  const answer = Flow.useSelector((s) => s.context.answers[q.id]);
  const answers = Flow.useSelector((s) => s.context.answers);
  if (!record) return null;
  const t = recordText.suggestion;
  const came = fromRecordOf(record, answers)[q.id] ?? [];
  // Every other suggestion for this question stays in view on the check page, with Confirm: those
  // not yet settled, those set aside, and those confirmed but since left out of the answer.
  const held = new Set(came.map(suggestionKey));
  const open = record.suggestions.filter((s) => s.question === q.id && !held.has(suggestionKey(s)));
  const declined = new Set(record.declined);
  if (open.length === 0 && came.length === 0) return null;
  const labelOf = (s: TSuggestion) => q.options.find((o) => o.id === s.value)?.label ?? s.value;

  return (
    <dd className="summary-list__record">
      {came.map((s) => (
        <div key={suggestionKey(s)} className="small">
          <span className="tag">{t.fromRecord}</span> {labelOf(s)}
          <EvidenceList suggestion={s} />
        </div>
      ))}
      {open.map((s) => (
        <div key={suggestionKey(s)} className="record-suggestion__item">
          <p className="small">
            <strong>{declined.has(suggestionKey(s)) ? t.summaryDeclined(labelOf(s)) : t.summaryLine(labelOf(s))}</strong>
          </p>
          <EvidenceList suggestion={s} />
          {excludes(q, answer, s) ? <p className="small">{t.excludes(answerText(q, answer))}</p> : null}
          <FlowLink
            className="button button--secondary"
            data-moves-page="change"
            event={{ type: 'summary.change', question: q.id }}
            onFollow={() => setPendingUse(q.id, s.value)}
            aria-describedby={`${q.id}-${s.value}-use-hint`}
          >
            {t.use}
            <span className="visually-hidden">: {labelOf(s)}, for: {q.prompt}</span>
          </FlowLink>
          <p className="small hint" id={`${q.id}-${s.value}-use-hint`}>
            {t.useHint}
          </p>
        </div>
      ))}
    </dd>
  );
}
