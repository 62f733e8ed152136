'use client';

/**
 * On the summary, under a question's answer: what the record suggests for it and has not been
 * settled, with its evidence and Confirm (which adds it to the answer as Continue on its page would:
 * through the flow machine, so a newly enabled question is asked before the summary comes back);
 * and, for an answer that came from the record, which resource it came from.
 */
import { recordText } from '@/content/record-text';
import type { TQuestion } from '@/content/schema';
import { UNKNOWN } from '@/content/ids';
import type { TAnswerValue } from '@/machines/answers/answers';
import { answerText } from '@/machines/answers/vocabulary';
import { fromRecordOf, suggestionKey } from '@/machines/record/from-record';
import type { TRecordSession } from '@/machines/record/session';
import type { TSuggestion } from '@/machines/record/types';
import { Flow } from '../shared/flow-provider';
import { useBoundRecord, useRecord } from './record-provider';
import { EvidenceList } from './suggestion-panel';

/** The answer after confirming a suggestion: a single choice replaced; a checkbox group added to, "None" and "Unknown" dropped. */
export function withSuggestion(q: TQuestion, answer: TAnswerValue | undefined, s: TSuggestion): TAnswerValue {
  if (q.kind === 'single') return s.value;
  const alone = new Set([UNKNOWN, ...q.exclusive]);
  const list = typeof answer === 'string' ? [answer] : [...(answer ?? [])];
  const kept = list.filter((v) => !alone.has(v));
  return q.options.map((o) => o.id).filter((id) => id === s.value || kept.includes(id));
}

function excludes(q: TQuestion, answer: TAnswerValue | undefined, s: TSuggestion): boolean {
  if (answer === undefined) return false;
  if (q.kind === 'single') return answer !== s.value;
  const list = typeof answer === 'string' ? [answer] : answer;
  return list.some((v) => v === UNKNOWN || q.exclusive.includes(v));
}

export function SummarySuggestions({ q }: { q: TQuestion }) {
  const record = useBoundRecord();
  const { update } = useRecord();
  const actor = Flow.useActorRef();
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
  const confirm = (s: TSuggestion) => {
    update((r: TRecordSession) => ({ ...r, confirmed: [...r.confirmed.filter((k) => k !== suggestionKey(s)), suggestionKey(s)], declined: r.declined.filter((k) => k !== suggestionKey(s)) }));
    actor.send({ type: 'summary.change', question: q.id });
    actor.send({ type: 'answer.submit', question: q.id, value: withSuggestion(q, answer, s) });
  };
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
          <button type="button" className="button button--secondary" onClick={() => confirm(s)}>
            {t.confirm}
            <span className="visually-hidden">: {labelOf(s)}, for: {q.prompt}</span>
          </button>
        </div>
      ))}
    </dd>
  );
}
