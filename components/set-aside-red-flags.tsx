'use client';

/**
 * Red flags raised by answers a later change set aside. A mimic in the first section ends the
 * questionnaire and sets every later answer aside — a comatose patient's "reduced consciousness"
 * included. Set aside, such answers are not assessed (question bank 1.1), but a red flag is never
 * hidden: the summary names these first, the result in its mimic panel, right below the answer (only a
 * mimic in section G sets red-flag questions aside), with the way back.
 */
import type { TAnswers } from '@/machines/answers';
import { useShortcutCheck } from './use-shortcut-check';

export function SetAsideRedFlags({
  answers,
  setAside,
  labels,
  within = false,
}: {
  answers: TAnswers;
  setAside: TAnswers;
  labels?: readonly string[];
  /** Inside the result's mimic panel (the only result such answers come with): no panel of its own. */
  within?: boolean;
}) {
  // The result page has the rules already and passes the labels; the summary loads them for this.
  const check = useShortcutCheck(labels === undefined && Object.keys(setAside).length > 0);
  const flags = labels ?? (check ? check.setAsideRedFlagLabels(answers, setAside) : []);
  if (flags.length === 0) return null;
  const Heading = within ? 'h3' : 'h2';
  return (
    <section className={within ? 'red-flags' : 'panel panel--warning red-flags'} aria-labelledby="set-aside-red-flags-title">
      <Heading id="set-aside-red-flags-title">Red flags in answers set aside</Heading>
      <ul className="flag-list">
        {flags.map((label) => (
          <li key={label}>
            <strong>{label}</strong>
          </li>
        ))}
      </ul>
      <p className="small">
        A later answer set {flags.length === 1 ? 'the answer that raises it' : 'the answers that raise them'} aside, so the assessment leaves{' '}
        {flags.length === 1 ? 'it' : 'them'} out; nothing explains a red flag away. Changing that answer back brings{' '}
        {flags.length === 1 ? 'it' : 'them'} back.
      </p>
    </section>
  );
}
