'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useForm } from 'react-hook-form';
import '@/machines/zod-jitless';
import * as z from 'zod/mini';
import { ErrorSummary, useErrorTitle } from './error-summary';
import { ResumeFromFile } from './resume-from-file';
import { Flow, pathOf, positionOf, useSession } from './flow-provider';

const ZStart = z.object({
  attested: z.literal(true, { error: 'Confirm that you are a licensed clinician and that this is not medical advice' }),
});

export function StartForm({ attestation }: { attestation: string }) {
  const actor = Flow.useActorRef();
  const { startAgain } = useSession();
  const inProgress = Flow.useSelector((s) => !s.matches('start'));
  const resumePath = Flow.useSelector((s) => pathOf(positionOf(s)));
  const { register, handleSubmit, formState, getValues } = useForm<{ attested: boolean }>({
    resolver: zodResolver(ZStart) as never,
    defaultValues: { attested: false },
    shouldFocusError: false,
  });
  const error = formState.errors.attested?.message;
  useErrorTitle(Boolean(error));

  if (inProgress) {
    return (
      <div className="button-group">
        <Link className="button" href={resumePath} prefetch={false}>
          Continue where you left off
        </Link>
        <button type="button" className="button button--secondary" onClick={startAgain}>
          Start again
        </button>
        <ResumeFromFile />
      </div>
    );
  }

  return (
    <>
      <ErrorSummary errors={error ? [{ href: '#attested', text: error }] : []} attempt={formState.submitCount} />
      <form noValidate onSubmit={(e) => void handleSubmit(() => actor.send({ type: 'session.start', attested: true }))(e)}>
        <div className={`form-group${error ? ' form-group--error' : ''}`}>
          <fieldset aria-describedby={error ? 'attested-error' : undefined}>
            <legend>
              <h2>Before you start</h2>
            </legend>
            {error ? (
              <p className="error-message" id="attested-error">
                <span className="visually-hidden">Error:</span> {error}
              </p>
            ) : null}
            <div className="choice">
              <input
                id="attested"
                type="checkbox"
                {...register('attested')}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? 'attested-error' : undefined}
              />
              <label htmlFor="attested">{attestation}</label>
            </div>
          </fieldset>
        </div>
        <button type="submit" className="button">
          Start now
        </button>
      </form>
      <ResumeFromFile
        canLoad={() =>
          getValues('attested') ? null : { text: 'Confirm that you are a licensed clinician before resuming from a file', href: '#attested' }
        }
      />
    </>
  );
}
