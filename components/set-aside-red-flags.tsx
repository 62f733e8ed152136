'use client';

/**
 * Red flags raised by answers a later change set aside. A mimic in the first section ends the
 * questionnaire and sets every later answer aside — a comatose patient's "reduced consciousness"
 * included. Set aside, such answers are not assessed (question bank 1.1), but a red flag is never
 * hidden: the summary and the result name these above everything else, with the way back.
 */
import type { TAnswers } from '@/machines/answers';
import { useShortcutCheck } from './use-shortcut-check';

export function SetAsideRedFlags({ answers, setAside, labels }: { answers: TAnswers; setAside: TAnswers; labels?: readonly string[] }) {
  // The result page has the rules already and passes the labels; the summary loads them for this.
  const check = useShortcutCheck(labels === undefined && Object.keys(setAside).length > 0);
  const flags = labels ?? (check ? check.setAsideRedFlagLabels(answers, setAside) : []);
  if (flags.length === 0) return null;
  return (
    <section className="panel panel--warning red-flags" aria-labelledby="set-aside-red-flags-title">
      <h2 id="set-aside-red-flags-title">Red flags in answers set aside</h2>
      <p>
        Answers given earlier raise {flags.length === 1 ? 'this red flag' : 'these red flags'}. A later answer set them aside, so
        the assessment leaves them out, but nothing explains a red flag away: look for a reversible or urgent cause
        first. They come back into the assessment if you change that answer back (the summary lists the answers set
        aside, and why).
      </p>
      <ul className="flag-list">
        {flags.map((label) => (
          <li key={label}>
            <strong>{label}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
