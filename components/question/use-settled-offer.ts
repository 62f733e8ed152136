'use client';

import { useEffect, useState } from 'react';
import type { TAnswerValue } from '@/machines/answers/answers';
import { Flow } from '../shared/flow-provider';

/**
 * Whether the flow offers "Go to the summary" at `question` with `value`, the choice on the page:
 * worked out once the page has painted, not while it renders. The proof behind it (machines/
 * settled.ts) takes from a fraction of a millisecond to tens of milliseconds, and a question must
 * not wait behind it to appear after Continue. False until then, so the offer comes a frame after
 * the question; the machine checks the same guard again when the button is pressed.
 */
export function useSettledOffer(question: string, value: TAnswerValue | undefined): boolean {
  const actor = Flow.useActorRef();
  // Any move of the machine (answers, the proof handed over) can change the verdict.
  const snapshot = Flow.useSelector((s) => s);
  const [offer, setOffer] = useState(false);
  // A choice as a key: a checkbox group gives a new list at each render.
  const key = value === undefined ? '' : JSON.stringify(value);
  useEffect(() => {
    let timer = 0;
    // After the next frame is drawn: a task queued from an animation frame runs once it has painted.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => {
        const chosen = key === '' ? undefined : (JSON.parse(key) as TAnswerValue);
        setOffer(actor.getSnapshot().can({ type: 'summary.jump', question, value: chosen }));
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [actor, snapshot, question, key]);
  return offer;
}
