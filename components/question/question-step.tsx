'use client';

/**
 * One question per page: its own form (react-hook-form + a zod schema for this question only),
 * defaults read from the machine, and one machine event on submit. The question shown is the one
 * the flow machine is at; the address follows the machine (see flow-provider.tsx). The question page
 * (question-page.tsx) loads this form beside hydration, out of the page's first load, and shows the
 * question's picture until it is in.
 */
import { useEffect, useMemo } from 'react';
import { type FieldErrors, useForm, useWatch } from 'react-hook-form';
import { flowContent as content } from '@/content/flow';
import { UNKNOWN } from '@/content/ids';
import type { TQuestion } from '@/content/schema';
import { type TAnswerValue, wouldSetAside } from '@/machines/answers/answers';
import { progressOf } from '@/machines/flow/progress';
import { selectInGate } from '@/machines/flow/questionnaire.machine';
import { answerText, answerWords } from '@/machines/answers/vocabulary';
import type * as ShortcutCheck from '../../machines/flow/shortcut-check';
import { ErrorSummary, useErrorTitle } from '../shared/error-summary';
import { Flow } from '../shared/flow-provider';
import { FlowLink } from '../shared/flow-link';
import { resolveSuggestions, suggestionKey, withSuggestion } from '@/machines/record/from-record';
import { takePendingUse } from '../record/pending-use';
import type { TSuggestion } from '@/machines/record/types';
import { useBoundRecord, useRecord } from '../record/record-provider';
import { SuggestionSlot } from '../record/suggestion-slot';
import { RecordLineSlot } from '../record/record-slots';
import { hintIds, QuestionChoices, QuestionHint } from './question-parts';
import { useSettledOffer } from './use-settled-offer';

const questionsById = new Map(content.questions.map((q) => [q.id, q]));

/**
 * The rule of one step, derived from the content, as react-hook-form's own validation: a choice
 * among the options or "unknown"; for a checkbox group at least one, with "None" or "Unknown" alone.
 * (No schema library: a question page loads only what painting and checking one answer need.)
 */
export function stepRule(q: TQuestion): (raw: unknown) => true | string {
  const ids = new Set([UNKNOWN, ...q.options.map((o) => o.id)]);
  const choose = q.kind === 'single' ? 'Select an answer' : 'Select at least one option';
  const message = `${choose}, or “${answerWords.unknown}” if it was not assessed`;
  const alone = [UNKNOWN, ...(q.kind === 'multi' ? q.exclusive : [])];
  const aloneMessage = `Select “${q.options.find((o) => q.kind === 'multi' && o.id === q.exclusive[0])?.label ?? answerWords.unknown}” or “${answerWords.unknown}” on its own, or only the other options`;
  return (raw) => {
    // A checkbox group gives a list, or false when none is ticked: read both as a list.
    const list = Array.isArray(raw) ? (raw as unknown[]) : typeof raw === 'string' && raw !== '' ? [raw] : [];
    if (list.length === 0 || !list.every((v) => typeof v === 'string' && ids.has(v))) return message;
    if (q.kind === 'single' && list.length > 1) return message;
    if (list.length > 1 && list.some((v) => alone.includes(v as string))) return aloneMessage;
    return true;
  };
}

type TFormValues = Record<string, string | string[] | null | undefined>;

function toFormValue(q: TQuestion, value: TAnswerValue | undefined): string | string[] | null {
  if (value === undefined) return q.kind === 'multi' ? [] : null;
  if (q.kind === 'multi') return typeof value === 'string' ? [value] : [...value];
  return typeof value === 'string' ? value : (value[0] ?? null);
}

/** The red-flag check and the settled proof (shortcut-check.ts), loaded by the question page. */
export type TShortcuts = typeof ShortcutCheck;

/** The form's current choice as an answer (what Continue would store), or undefined for none. */
function toAnswer(q: TQuestion, raw: unknown): TAnswerValue | undefined {
  if (q.kind === 'single') return typeof raw === 'string' && raw !== '' ? raw : undefined;
  const list = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  if (list.includes(UNKNOWN)) return UNKNOWN;
  const chosen = q.options.map((o) => o.id).filter((id) => list.includes(id));
  return chosen.length > 0 ? chosen : undefined;
}

export function StepForm({
  q,
  answer,
  shortcuts,
  checkMissing,
}: {
  q: TQuestion;
  answer: TAnswerValue | undefined;
  shortcuts: TShortcuts | null;
  /** The red-flag check is not here (the page says so rather than stay silent): failed, or late. */
  checkMissing: 'failed' | 'late' | null;
}) {
  const actor = Flow.useActorRef();
  const answers = Flow.useSelector((s) => s.context.answers);
  const setAside = Flow.useSelector((s) => s.context.setAside);
  const validate = useMemo(() => stepRule(q), [q]);
  const { register, handleSubmit, formState, setValue, getValues, control } = useForm<TFormValues>({
    defaultValues: { [q.id]: toFormValue(q, answer) },
    shouldFocusError: false,
  });
  const error = (formState.errors as FieldErrors<TFormValues>)[q.id]?.message;
  // Each question gives the page its own title.
  useErrorTitle(Boolean(error), `${q.prompt} — Myoclonus Navigator`);

  // Before a change that sets answers aside is confirmed (Continue), say how many and which.
  const chosen = toAnswer(q, useWatch({ control, name: q.id }));
  const setAsideIds = chosen === undefined ? [] : wouldSetAside(answers, setAside, q.id, chosen, content);

  const section = content.sections.find((s) => s.id === q.section);
  const progress = progressOf(answers, new Set(Object.keys(answers)), q.id, content);
  const inGate = Flow.useSelector(selectInGate);
  // Offered when nothing left open can change the result, with the choice on this page as it stands.
  const settled = useSettledOffer(q.id, chosen);
  // A red flag that calls for urgent action: the result, with the flags and what to do first, now.
  const urgent = Flow.useSelector((s) => s.can({ type: 'result.open', question: q.id, value: chosen }));
  // Never on the first section, nor on the safety screen (machine: `canSkipSection`).
  const canSkip = Flow.useSelector((s) => s.can({ type: 'section.skip', question: q.id }));
  const redFlags = shortcuts && !inGate ? shortcuts.redFlagLabels(answers) : [];

  const firstInput = `${q.id}-${q.options[0]!.id}`;
  const hintId = `${q.id}-hint`;
  const errorId = `${q.id}-error`;
  const type = q.kind === 'single' ? 'radio' : 'checkbox';
  const alone = q.kind === 'multi' ? [UNKNOWN, ...q.exclusive] : [];

  /** Checkbox groups: an exclusive option ("None", "Unknown") clears the others, and vice versa. */
  const onToggle = ({ target }: { target: HTMLInputElement }) => {
    const option = target.value;
    if (q.kind !== 'multi' || !target.checked) return;
    const current = getValues(q.id);
    const list = Array.isArray(current) ? current : [];
    const next = alone.includes(option) ? [option] : list.filter((v) => !alone.includes(v));
    if (next.length !== list.length) setValue(q.id, next.includes(option) ? next : [...next, option]);
  };

  /** A checked choice as the answer stored. */
  const valueOf = (raw: TFormValues[string]): TAnswerValue =>
    q.kind === 'multi'
      ? (Array.isArray(raw) ? raw : [String(raw)]).includes(UNKNOWN)
        ? UNKNOWN
        : q.options.map((o) => o.id).filter((id) => (raw as string[]).includes(id))
      : String(raw);

  // The record's suggestions for this question (a case started from the record only). Choosing and
  // continuing confirms each suggestion the answer holds and sets aside each it leaves out.
  const { update: updateRecord } = useRecord();
  const record = useBoundRecord();
  const settleSuggestions = (value: TAnswerValue | undefined) => {
    if (record && value !== undefined) updateRecord((r) => resolveSuggestions(r, q.id, typeof value === 'string' ? value : [...value]));
  };
  // "Use this answer": the option ticked as a clinician would tick it ("None" and "Unknown" give way),
  // and focus taken to it, so that it is seen ticked among the others; Continue confirms it.
  const takeSuggestion = (sug: { value: string }) => {
    const next = withSuggestion(q, toAnswer(q, getValues(q.id)), { question: q.id, value: sug.value, evidence: [] });
    setValue(q.id, toFormValue(q, next), { shouldValidate: formState.submitCount > 0 });
    document.getElementById(`${q.id}-${sug.value}`)?.focus();
  };
  // Arrived from the summary's "Use this answer": the option is ticked here, and waits for Continue.
  useEffect(() => {
    const value = takePendingUse(q.id);
    if (value === null) return;
    setValue(q.id, toFormValue(q, withSuggestion(q, toAnswer(q, getValues(q.id)), { question: q.id, value, evidence: [] })));
    document.getElementById(`${q.id}-${value}`)?.focus();
  }, [q, getValues, setValue]);
  const setSuggestionAside = (sug: TSuggestion, aside: boolean) =>
    updateRecord((r) => {
      const key = suggestionKey(sug);
      const declined = r.declined.filter((k) => k !== key);
      return { ...r, declined: aside ? [...declined, key] : declined, confirmed: r.confirmed.filter((k) => k !== key) };
    });

  const onSubmit = handleSubmit((values) => {
    const value = valueOf(values[q.id]);
    settleSuggestions(value);
    actor.send({ type: 'answer.submit', question: q.id, value });
  });

  /**
   * "Skip the rest of this section" and "Go to the summary" keep the choice on the page: checked as
   * Continue checks it (an error shows as for Continue) and stored with the move. With nothing
   * chosen, the move is made at once.
   */
  const keepingChoice = (move: (value: TAnswerValue | undefined) => void) => () => {
    if (toAnswer(q, getValues(q.id)) === undefined) move(undefined);
    else
      void handleSubmit((values) => {
        const value = valueOf(values[q.id]);
        settleSuggestions(value);
        move(value);
      })();
  };

  const option = (id: string, label: string, hint?: string) => {
    const inputId = `${q.id}-${id}`;
    // One registration per name: its options (onChange included) are shared by every input of the group.
    const field = register(q.id, { onChange: onToggle, validate });
    return (
      <div className="choice" key={id}>
        <input
          {...field}
          id={inputId}
          type={type}
          value={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? errorId : '', hint ? `${inputId}-hint` : ''].filter(Boolean).join(' ') || undefined}
        />
        <label htmlFor={inputId}>
          {label}
          {hint ? (
            <span className="hint small" id={`${inputId}-hint`}>
              {' '}
              {hint}
            </span>
          ) : null}
        </label>
      </div>
    );
  };

  return (
    <>
      {/* Where the machine's Back goes: the summary while changing, after a shortcut the question it was pressed on. */}
      <FlowLink className="back-link" data-moves-page="back" event={{ type: 'step.back' }}>
        Back
      </FlowLink>
      <RecordLineSlot />
      <ErrorSummary errors={error ? [{ href: `#${firstInput}`, text: error }] : []} attempt={formState.submitCount} />
      {checkMissing && !inGate ? (
        <div className="panel panel--warning" role="note">
          <p>
            {checkMissing === 'late'
              ? 'The red-flag check is still loading: red flags will show here once it is in.'
              : 'The red-flag check could not be loaded on this page, so red flags are not shown here as you answer.'}{' '}
            The assessment still lists every red flag your answers raise.
          </p>
        </div>
      ) : null}
      {redFlags.length > 0 ? (
        <div className="panel panel--warning red-flag-notice" role="note" aria-labelledby="red-flag-notice-title">
          <h2 id="red-flag-notice-title" className="small-heading">
            {redFlags.length === 1 ? 'Red flag raised' : 'Red flags raised'}: {redFlags.join('; ')}
          </h2>
          <p>{shortcuts?.redFlagsFirst}</p>
          {urgent ? (
            <button
              className="button button--warning"
              type="button"
              data-moves-page="result"
              onClick={keepingChoice((value) => actor.send({ type: 'result.open', question: q.id, value }))}
            >
              See the red flags now
            </button>
          ) : null}
        </div>
      ) : null}
      {/* method="dialog": outside a dialog, a native submission does nothing, so no answer can ever be
          sent to a server, whether or not the page's scripts have run. */}
      <form method="dialog" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className={`form-group${error ? ' form-group--error' : ''}`}>
          <fieldset aria-describedby={[...hintIds(q, hintId), ...(error ? [errorId] : [])].join(' ')}>
            <legend>
              <span className="caption progress">
                Question {progress.number} of up to {progress.upTo}
                <span className="progress-section"> · {section?.title}</span>
              </span>
              <h1 id="question-heading" tabIndex={-1}>
                {q.prompt}
              </h1>
            </legend>
            <QuestionHint q={q} id={hintId} />
            {record ? (
              <SuggestionSlot
                q={q}
                session={record}
                ticked={chosen === undefined ? [] : typeof chosen === 'string' ? [chosen] : chosen}
                onUse={takeSuggestion}
                onDecline={(sug) => setSuggestionAside(sug, true)}
                onShowAgain={(sug) => setSuggestionAside(sug, false)}
              />
            ) : null}
            {error ? (
              <p className="error-message" id={errorId}>
                <span className="visually-hidden">Error:</span> {error}
              </p>
            ) : null}
            <QuestionChoices q={q} option={option} />
          </fieldset>
        </div>
        {setAsideIds.length > 0 ? (
          <div className="panel panel--warning" role="status" aria-labelledby={`${q.id}-set-aside`}>
            <h2 id={`${q.id}-set-aside`}>
              {setAsideIds.length === 1 ? '1 answer will be set aside' : `${setAsideIds.length} answers will be set aside`}
            </h2>
            <p>
              With this answer, these questions no longer apply. If you continue, their answers are kept in this tab but
              left out of the assessment and every export; they come back if you change this answer back.
            </p>
            <ul>
              {setAsideIds.map((id) => {
                const other = questionsById.get(id)!;
                return (
                  <li key={id}>
                    {other.prompt} <span className="hint">({answerText(other, answers[id])})</span>
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
        {/* Continue, and the best shortcut beside it, stay in reach on a phone: the bar sticks to
            the bottom of the screen until the page is scrolled to it (globals.css). */}
        <div className="action-bar">
          <button className="button" type="submit" data-moves-page="continue">
            Continue
          </button>
          {settled ? (
            <button
              className="button button--secondary"
              type="button"
              data-moves-page="summary"
              aria-describedby={`${q.id}-settled`}
              onClick={keepingChoice((value) => actor.send({ type: 'summary.jump', question: q.id, value }))}
            >
              Go to the summary
            </button>
          ) : null}
        </div>
      </form>
      {settled ? (
        <p className="small settled-note" id={`${q.id}-settled`}>
          No remaining answer can change this result. The questions left stay open from the summary.
        </p>
      ) : null}
      {canSkip ? (
        <p className="skip-section">
          <button
            className="link-button"
            type="button"
            data-moves-page="skip"
            onClick={keepingChoice((value) => actor.send({ type: 'section.skip', question: q.id, value }))}
          >
            Skip the rest of this section
          </button>
        </p>
      ) : null}
    </>
  );
}
