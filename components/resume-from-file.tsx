'use client';

/**
 * Resume from a FHIR QuestionnaireResponse file saved earlier. The file is read in this browser.
 * A file from another version, a damaged file or unknown ids are refused with a message naming the
 * problem, and nothing already answered changes.
 */
import { useId, useState } from 'react';
import { ErrorSummary, useErrorTitle } from './error-summary';
import { Flow } from './flow-provider';

const MAX_FILE_BYTES = 256 * 1024;

/** `canLoad` may refuse, with a message and the field to fix (e.g. the attestation checkbox). */
export function ResumeFromFile({ canLoad }: { canLoad?: () => { text: string; href: string } | null }) {
  const actor = Flow.useActorRef();
  const [problem, setProblem] = useState('');
  const [problemHref, setProblemHref] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const inputId = useId();
  useErrorTitle(Boolean(problem));

  async function load(file: File | undefined) {
    setAttempt((n) => n + 1);
    if (!file) return;
    const blocked = canLoad?.();
    setProblemHref(blocked?.href ?? null);
    if (blocked) return setProblem(blocked.text);
    if (file.size > MAX_FILE_BYTES) return setProblem(`The file ${file.name} is too large to be a saved questionnaire.`);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      return setProblem(`The file ${file.name} is not valid JSON, so it cannot be a saved questionnaire.`);
    }
    // Loaded on use: the FHIR mapping and the full content stay out of the page's first load.
    const [{ fromQuestionnaireResponse }, { contentData }] = await Promise.all([import('@/machines/fhir'), import('@/content/data')]);
    const result = fromQuestionnaireResponse(json, contentData);
    if (!result.ok) return setProblem(`The file ${file.name} could not be used: ${result.message}`);
    setProblem('');
    actor.send({ type: 'session.reset' });
    actor.send({ type: 'session.restore', answers: result.answers, attested: true, position: 'summary' });
  }

  return (
    <section aria-labelledby={`${inputId}-title`}>
      <ErrorSummary errors={problem ? [{ href: problemHref ?? `#${CSS.escape(inputId)}`, text: problem }] : []} attempt={attempt} />
      <h2 id={`${inputId}-title`}>Resume from a saved file</h2>
      <div className={`form-group${problem ? ' form-group--error' : ''}`}>
        <label htmlFor={inputId}>FHIR QuestionnaireResponse file (.json) downloaded from this tool</label>
        <p className="hint" id={`${inputId}-hint`}>
          The file is read in this browser and replaces the answers in this tab; you can check every answer before
          seeing the assessment.
        </p>
        {problem ? (
          <p className="error-message" id={`${inputId}-error`}>
            <span className="visually-hidden">Error:</span> {problem}
          </p>
        ) : null}
        <input
          id={inputId}
          type="file"
          accept=".json,application/json,application/fhir+json"
          aria-describedby={`${inputId}-hint${problem ? ` ${inputId}-error` : ''}`}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => {
            void load(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
    </section>
  );
}
