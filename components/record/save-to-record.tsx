'use client';

/**
 * "Save to the record": on the result page of a case started from the record, and only when the
 * record granted writing a QuestionnaireResponse. One press asks for confirmation, naming the record
 * and the patient; the second writes the response (the one the FHIR download holds, with subject,
 * author and source) and says what was written where. A later save of the same case updates it.
 * Faults keep the answers and say what to do: reconnect when the sign-in has ended.
 */
import { useState } from 'react';
import type { TContent } from '@/content/schema';
import { deployment } from '@/content/deployment';
import { recordText } from '@/content/record-text';
import { canSaveBack, fromRecordOf } from '@/machines/record/session';
import { Flow } from '../shared/flow-provider';
import { useBoundRecord, useRecord } from './record-provider';
import type { TRecordFault } from './smart';

type TStep = { kind: 'idle' } | { kind: 'confirming' } | { kind: 'saving' } | { kind: 'saved'; text: string; answersAt: string } | { kind: 'fault'; fault: TRecordFault };

const clock = (iso: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/**
 * `content`: the result page's (passed in, not imported: an import here would make the bundler split
 * the assessment code differently and add about 14 KB to every first visit; `npm run size`).
 */
export function SaveToRecord({ content }: { content: TContent }) {
  const record = useBoundRecord();
  const { update } = useRecord();
  const answers = Flow.useSelector((s) => s.context.answers);
  const [step, setStep] = useState<TStep>({ kind: 'idle' });
  if (!record) return null;
  const t = recordText.save;
  // Saving needs both: the deployment saves back, and the record granted writing.
  if (!deployment.saveBack) return null;
  if (!canSaveBack(record.scope)) {
    return (
      <section className="panel panel--info" aria-labelledby="save-record-title">
        <h2 id="save-record-title">{t.title}</h2>
        <p>{t.noWrite}</p>
      </section>
    );
  }
  const answersNow = JSON.stringify(answers);
  const changedSinceSave = step.kind === 'saved' && step.answersAt !== answersNow;

  async function save() {
    if (!record) return;
    setStep({ kind: 'saving' });
    // The FHIR code as the export panel loads it (one chunk for both), and the record's client.
    const [fhir, smart] = await Promise.all([import('@/machines/exchange/fhir').catch(() => null), import('./smart').catch(() => null)]);
    // The record's client is not kept for offline use (it would be of no use there): without the
    // network it cannot load, and nothing can be written.
    if (!fhir || !smart) return setStep({ kind: 'fault', fault: { kind: 'unreachable', message: recordText.faults.saveUnreachable } });
    const response = fhir.toQuestionnaireResponse(answers, content, {
      authored: new Date().toISOString(),
      status: 'completed',
      subject: record.context.patient,
      ...(record.context.user ? { author: record.context.user, source: record.context.user } : {}),
      fromRecord: fromRecordOf(record, answers),
    });
    const done = await smart.saveResponse(response as unknown as Record<string, unknown>, record.context, record.saved?.reference ?? null);
    if (!done.ok) return setStep({ kind: 'fault', fault: done.fault });
    const at = new Date().toISOString();
    const text = (record.saved ? t.updated : t.saved)(done.reference, record.recordName, clock(at));
    update((r) => ({ ...r, saved: { reference: done.reference, at } }));
    setStep({ kind: 'saved', text, answersAt: answersNow });
  }

  async function reconnect() {
    if (!record) return;
    const smart = await import('./smart').catch(() => null);
    if (!smart) return setStep({ kind: 'fault', fault: { kind: 'unreachable', message: recordText.faults.saveUnreachable } });
    smart.reconnect(record.context.serverUrl, '/result');
  }

  return (
    <section className="panel panel--info save-record" aria-labelledby="save-record-title">
      <h2 id="save-record-title">{t.title}</h2>
      <p>{t.explain(record.recordName, record.patientLabel)}</p>
      {step.kind === 'confirming' ? (
        <div
          role="group"
          aria-labelledby="save-record-confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setStep({ kind: 'idle' });
          }}
        >
          <p id="save-record-confirm">
            <strong>{t.confirmTitle}</strong> {t.confirmText(record.recordName, record.patientLabel)}
            {record.saved ? ` ${t.confirmUpdate(record.saved.reference)}` : ''}
          </p>
          <div className="button-group">
            <button type="button" className="button" onClick={() => void save()} autoFocus>
              {t.confirm}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setStep({ kind: 'idle' })}>
              {t.cancel}
            </button>
          </div>
        </div>
      ) : step.kind === 'saving' ? null : step.kind === 'saved' && !changedSinceSave ? null : (
        <button type="button" className="button" onClick={() => setStep({ kind: 'confirming' })}>
          {changedSinceSave || record.saved ? t.again : t.button}
        </button>
      )}
      <p role="status" className="save-record__status">
        {step.kind === 'saving' ? t.saving : step.kind === 'saved' ? step.text : ''}
      </p>
      {step.kind === 'fault' ? (
        <div className="panel panel--warning" role="alert" data-fault={step.fault.kind}>
          <p>{step.fault.message}</p>
          {step.fault.kind === 'expired' || step.fault.kind === 'other-patient' ? (
            <button type="button" className="button button--secondary" onClick={() => void reconnect()}>
              {t.reconnect}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
