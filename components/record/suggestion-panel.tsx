'use client';

/**
 * A question's suggestions from the record, on its page: the option, the resources behind it, "Use
 * this answer" (ticks it in the form; Continue confirms it) and "Not this" (sets it aside; the question
 * stays as it was). A suggestion never answers a question by itself.
 */
import { recordText } from '@/content/record-text';
import type { TQuestion } from '@/content/schema';
import { suggestionKey, type TRecordSession } from '@/machines/record/session';
import type { TSuggestion } from '@/machines/record/types';

export function EvidenceList({ suggestion }: { suggestion: TSuggestion }) {
  return (
    <ul className="evidence-list small">
      {suggestion.evidence.map((e) => (
        <li key={e.reference}>
          {e.text} <span className="hint">({e.reference})</span>
        </li>
      ))}
    </ul>
  );
}

export function SuggestionPanel({
  q,
  session,
  onUse,
  onDecline,
  onShowAgain,
}: {
  q: TQuestion;
  session: TRecordSession;
  onUse: (s: TSuggestion) => void;
  onDecline: (s: TSuggestion) => void;
  onShowAgain: (s: TSuggestion) => void;
}) {
  const mine = session.suggestions.filter((s) => s.question === q.id);
  if (mine.length === 0) return null;
  const declined = new Set(session.declined);
  const t = recordText.suggestion;
  const labelOf = (s: TSuggestion) => q.options.find((o) => o.id === s.value)?.label ?? s.value;
  return (
    <div className="panel panel--info record-suggestion" role="region" aria-labelledby={`${q.id}-record-title`}>
      <h2 id={`${q.id}-record-title`} className="small-heading">
        {t.title}
      </h2>
      {mine.map((s) =>
        declined.has(suggestionKey(s)) ? (
          <p key={suggestionKey(s)} className="small">
            {t.declined} ({labelOf(s)}){' '}
            <button type="button" className="link-button" onClick={() => onShowAgain(s)}>
              {t.showAgain}
            </button>
          </p>
        ) : (
          <div key={suggestionKey(s)} className="record-suggestion__item">
            <p>
              <strong>{labelOf(s)}</strong>
            </p>
            <p className="small">{t.evidence}</p>
            <EvidenceList suggestion={s} />
            <div className="button-group">
              <button type="button" className="button button--secondary" onClick={() => onUse(s)}>
                {t.use}
                <span className="visually-hidden">: {labelOf(s)}</span>
              </button>
              <button type="button" className="link-button" onClick={() => onDecline(s)}>
                {t.decline}
                <span className="visually-hidden">: {labelOf(s)}</span>
              </button>
            </div>
          </div>
        ),
      )}
      <p className="small">{t.intro}</p>
    </div>
  );
}
