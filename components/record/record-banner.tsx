'use client';

/**
 * Where the case stands with the record that launched it. On the start page, after a launch: which
 * record and patient, how many answers it suggests, what could not be read — and, when the tab holds
 * a case that was not started for this patient, the choice between a new case (Undo brings the other
 * back) and the case in progress without the record. On every other page of a case started from the
 * record, one line naming the patient, so that a case is never taken for another patient's.
 */
import { recordText } from '@/content/record-text';
import { Flow, useSession } from '../shared/flow-provider';
import { useRecord } from './record-provider';

export function RecordBanner() {
  const { session, problem, forget } = useRecord();
  const { startAgain } = useSession();
  const held = Flow.useSelector((s) => !s.matches('start') || (s.context.attested && Object.keys(s.context.answers).length + Object.keys(s.context.setAside).length > 0));
  if (problem) {
    return (
      <div className="panel panel--warning" role="status">
        <p>{problem}</p>
      </div>
    );
  }
  if (!session) return null;
  const t = recordText.banner;
  return (
    <section className="panel panel--info record-banner" aria-labelledby="record-banner-title">
      <h2 id="record-banner-title">{t.title(session.recordName)}</h2>
      <p>
        <strong>{t.patient(session.patientLabel)}</strong>
      </p>
      <p>{t.suggestions(session.suggestions.length)}</p>
      {session.gaps.length > 0 ? (
        <>
          <h3 className="small-heading">{t.gapsTitle}</h3>
          <ul className="small">
            {session.gaps.map((g) => (
              <li key={`${g.what}:${g.why}`}>
                {g.what}: {g.why}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {!session.bound && held ? (
        <>
          <p>{t.inProgress}</p>
          <div className="button-group">
            <button type="button" className="button" onClick={startAgain}>
              {t.newCase}
            </button>
            <button type="button" className="button button--secondary" onClick={forget}>
              {t.keepCase}
            </button>
          </div>
        </>
      ) : (
        <p>
          <button type="button" className="link-button" onClick={forget}>
            {t.forget}
          </button>
        </p>
      )}
    </section>
  );
}

/** One line on the question, summary and result pages: whose record this case is about. */
export function RecordPatientLine() {
  const { session } = useRecord();
  if (!session?.bound) return null;
  return (
    <p className="record-line small" role="note">
      {recordText.banner.patient(session.patientLabel)} {recordText.banner.title(session.recordName)}.
    </p>
  );
}
