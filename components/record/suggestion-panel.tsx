'use client';

/**
 * A question's suggestions from the record, on its page: the option, the resources behind it, "Use
 * this answer" (ticks it in the form, and takes the clinician to it; Continue confirms it) and "Not
 * this" (sets it aside; the question stays as it was). A suggestion never answers a question by
 * itself. What the record could not give for this question is said here too (a record that refused
 * its medicines suggests no drug: that is not "no drug").
 */
import { useRef } from 'react';
import { recordText } from '@/content/record-text';
import type { TQuestion } from '@/content/schema';
import { suggestionKey } from '@/machines/record/from-record';
import type { TRecordSession } from '@/machines/record/session';
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
  ticked,
  onUse,
  onDecline,
  onShowAgain,
}: {
  q: TQuestion;
  session: TRecordSession;
  /** The options ticked in the form now. */
  ticked: readonly string[];
  onUse: (s: TSuggestion) => void;
  onDecline: (s: TSuggestion) => void;
  onShowAgain: (s: TSuggestion) => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const mine = session.suggestions.filter((s) => s.question === q.id);
  const gaps = session.gaps.filter((g) => g.questions?.includes(q.id));
  if (mine.length === 0 && gaps.length === 0) return null;
  const declined = new Set(session.declined);
  const t = recordText.suggestion;
  const labelOf = (s: TSuggestion) => q.options.find((o) => o.id === s.value)?.label ?? s.value;
  return (
    <div className="panel panel--info record-suggestion" role="region" aria-labelledby={`${q.id}-record-title`}>
      <h2 id={`${q.id}-record-title`} className="small-heading" tabIndex={-1} ref={heading}>
        {mine.length > 0 ? t.title : t.notRead}
      </h2>
      {mine.map((s) =>
        declined.has(suggestionKey(s)) && !ticked.includes(s.value) ? (
          <p key={suggestionKey(s)} className="small">
            {labelOf(s)}: {t.declined}{' '}
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
            {ticked.includes(s.value) ? (
              <p className="small" role="status">
                ✓ {t.ticked}
              </p>
            ) : (
              <div className="button-group">
                <button type="button" className="button button--secondary" onClick={() => onUse(s)}>
                  {t.use}
                  <span className="visually-hidden">: {labelOf(s)}</span>
                </button>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    onDecline(s);
                    // The button goes with the suggestion: focus stays in the panel.
                    heading.current?.focus();
                  }}
                >
                  {t.decline}
                  <span className="visually-hidden">: {labelOf(s)}</span>
                </button>
              </div>
            )}
          </div>
        ),
      )}
      {mine.length > 0 ? <p className="small">{t.intro(mine.length)}</p> : null}
      {gaps.length > 0 ? (
        <ul className="small">
          {gaps.map((g) => (
            <li key={`${g.what}:${g.why}`}>
              {mine.length > 0 ? `${t.notRead}: ` : ''}
              {g.what}: {g.why}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
