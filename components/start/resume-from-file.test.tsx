// @vitest-environment jsdom
/**
 * Resuming from a file: only the last file picked is read. Two files picked in quick succession —
 * the first one larger, so still being read when the second is done — must not let the first win
 * over the second without a word.
 */
import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ActorRefFrom } from 'xstate';
import { afterEach, describe, expect, test } from 'vitest';
import { flowContent } from '@/content/flow';
import { content } from '@/content/index';
import { toQuestionnaireResponse } from '@/machines/exchange/fhir';
import { questionnaireMachine } from '@/machines/flow/questionnaire.machine';
import { Flow } from '../shared/flow-provider';
import { ResumeFromFile } from './resume-from-file';

afterEach(cleanup);

/** A file whose text arrives only when the test says so, as a large file's read finishes late. */
function slowFile(name: string, text: string) {
  let release = () => {};
  const arrived = new Promise<void>((resolve) => (release = resolve));
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(file, 'text', { value: () => arrived.then(() => text) });
  return { file, release };
}

const responseText = (answers: Record<string, string>) => JSON.stringify(toQuestionnaireResponse(answers, content, { authored: '2026-11-24T10:00:00Z' }));

function renderResume() {
  let actor: ActorRefFrom<typeof questionnaireMachine> | null = null;
  function Capture() {
    actor = Flow.useActorRef();
    return null;
  }
  render(
    <Flow.Provider logic={questionnaireMachine} options={{ input: { content: flowContent } }}>
      <Capture />
      <ResumeFromFile />
    </Flow.Provider>,
  );
  const input = screen.getByLabelText(/FHIR QuestionnaireResponse file/);
  const pick = (file: File) => fireEvent.change(input, { target: { files: [file] } });
  return { pick, answers: () => actor!.getSnapshot().context.answers };
}

describe('two files picked in quick succession', () => {
  test('the last one picked is read, even when the first finishes reading after it', async () => {
    const { pick, answers } = renderResume();
    const first = slowFile('first.json', responseText({ G1: 'regular_oscillation_only' }));
    const second = slowFile('second.json', responseText({ G1: 'both', G2: 'no' }));
    pick(first.file);
    pick(second.file);
    await act(async () => second.release());
    await expect.poll(() => answers()).toEqual({ G1: 'both', G2: 'no' });
    await act(async () => first.release());
    // Every step of the first file's read has had its turn.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect({ answers: answers(), firstNamed: screen.queryByText(/first\.json/) }).toEqual({ answers: { G1: 'both', G2: 'no' }, firstNamed: null });
  });
});
