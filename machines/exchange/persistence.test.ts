import { describe, expect, test } from 'vitest';
import { content } from '../../content/index';
import { MAX_SAVED_BYTES, restore, serialise } from './persistence';

const saved = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ contentVersion: content.version, answers: { G1: 'positive_jerks', A2: ['hands_fingers'] }, position: { question: 'A3' }, attested: true, ...over });

const answersToD1 = { G1: 'positive_jerks', G2: 'no', G3: 'absent', C1: 'unknown', C2: 'unknown', C3: 'unknown', C4: 'unknown', C5: 'unknown', C6: 'unknown' };

describe('saved progress comes back exactly', () => {
  test.for(['1.1.0', '1.1.1'])('progress saved by version %s (whose ids all mean the same in 1.2) is kept, not discarded by the deployment', (version) => {
    expect(restore(saved({ contentVersion: version }), content)).toMatchObject({ kind: 'restored', answers: { G1: 'positive_jerks', A2: ['hands_fingers'] } });
  });

  test('answers, position and attestation survive a save and restore', () => {
    const state = { answers: { G1: 'both', A2: ['neck', 'hands_fingers'], B3: 'unknown' }, position: { question: 'B4' } as const, attested: true };
    const back = restore(serialise(state, content), content);
    expect(back).toEqual({
      kind: 'restored',
      answers: { G1: 'both', A2: ['hands_fingers', 'neck'], B3: 'unknown' },
      setAside: {},
      discarded: null,
      position: { question: 'B4' },
      change: null,
      attested: true,
    });
  });

  test('what Start again cleared, saved at a question its answers do not reach, comes back to the summary (Undo would do nothing there); a reachable one is kept', () => {
    const at = (question: string) =>
      restore(saved({ answers: {}, position: 'start', discarded: { answers: { G1: 'positive_jerks' }, setAside: {}, position: { question } } }), content);
    const position = (r: ReturnType<typeof restore>) => (r.kind === 'restored' ? r.discarded?.position : r.kind);
    expect([position(at('D1a')), position(at('ZZZ')), position(at('G2'))]).toEqual(['summary', 'summary', { question: 'G2' }]);
  });

  test('set-aside answers and what Start again cleared survive a save and restore', () => {
    const state = {
      answers: { G1: 'positive_jerks', G2: 'no', G3: 'present' },
      setAside: { A1: 'focal', D1: 'PME', D1a: 'ULD' },
      discarded: { answers: { G1: 'both' }, setAside: {}, position: { question: 'G2' } as const },
      position: 'summary' as const,
      attested: true,
    };
    expect(restore(serialise(state, content), content)).toEqual({ kind: 'restored', change: null, ...state });
  });

  test.for([
    ['"unknown"', 'unknown'],
    ['["unknown"]', ['unknown']],
  ] as const)('a saved multi-select %s comes back as the one shape of unknown', ([, value]) => {
    const back = restore(saved({ answers: { G1: 'positive_jerks', A2: value } }), content);
    expect(back).toMatchObject({ kind: 'restored', answers: { G1: 'positive_jerks', A2: 'unknown' } });
  });

  test('near miss: after Start again (no attestation, no answers, what was cleared kept for Undo) the progress is read back', () => {
    const raw = saved({ attested: false, position: 'start', answers: {}, discarded: { answers: { G1: 'positive_jerks' }, setAside: {}, position: 'summary' } });
    expect(restore(raw, content).kind).toBe('restored');
  });

  test('a change from the summary under way survives a save and restore', () => {
    const state = { answers: { ...answersToD1, D1: 'PME' }, position: { question: 'D1a' } as const, change: { question: 'D1a', queue: ['D2'] }, attested: true };
    expect(restore(serialise(state, content), content)).toMatchObject({ kind: 'restored', position: { question: 'D1a' }, change: { question: 'D1a', queue: ['D2'] } });
  });

  test('progress saved without a change (before it was kept) restores with none', () => {
    expect(restore(saved(), content)).toMatchObject({ kind: 'restored', change: null });
  });

  test('nothing saved means a fresh start, with no message', () => {
    expect(restore(null, content)).toEqual({ kind: 'empty' });
  });
});

describe('every kind of damaged saved progress is refused with a message and a way on', () => {
  test.for([
    ['malformed JSON', '{"contentVersion": "1.0.0", "answers": {', 'malformed', /damaged/],
    ['wrong types', saved({ answers: { G1: 42 } }), 'shape', /not in the expected form/],
    ['an answer given as an object', saved({ answers: { G1: { evil: true } } }), 'shape', /not in the expected form/],
    ['extra keys smuggled in', saved({ admin: true }), 'shape', /not in the expected form/],
    ['an unknown question id', saved({ answers: { Z9: 'yes' } }), 'unknown-answer', /Z9/],
    ['an unknown option', saved({ answers: { G1: 'jazz_hands' } }), 'unknown-answer', /G1/],
    ['a list for a single-select question', saved({ answers: { G1: ['positive_jerks'] } }), 'unknown-answer', /G1/],
    ['another content version', saved({ contentVersion: '0.9.0' }), 'version', new RegExp(`version 0\\.9\\.0.*version ${content.version.replace(/\./g, '\\.')}`)],
    ['a position the answers do not reach', saved({ answers: { G1: 'regular_oscillation_only' }, position: { question: 'B1' } }), 'position', /does not lead|do not lead/],
    ['a position on a question that does not exist', saved({ position: { question: 'Q99' } }), 'position', /do not lead/],
    ['a position past the start page without the attestation', saved({ attested: false }), 'shape', /confirmation/],
    ['an oversized value', saved({ pad: 'x'.repeat(MAX_SAVED_BYTES) }), 'too-large', /larger than any real session/],
    ['answers on the start page without the attestation', saved({ attested: false, position: 'start', answers: { G1: 'positive_jerks', C1: 'acute_hours_to_days' } }), 'shape', /without the start page’s confirmation/],
    ['set-aside answers without the attestation', saved({ attested: false, position: 'start', answers: {}, setAside: { C1: 'acute_hours_to_days' } }), 'shape', /without the start page’s confirmation/],
    ['a "__proto__" key among the answers', saved({}).replace('"answers":{', '"answers":{"__proto__":{"G1":"positive_jerks"},'), 'shape', /not in the expected form/],
    ['a "__proto__" key spelt with an escape', saved({}).replace('"answers":{', '"answers":{"\\u005f_proto__":5,'), 'shape', /not in the expected form/],
    ['a change at no question', saved({ position: 'summary', change: { queue: [] } }), 'position', /being changed/],
    ['a change queueing a question the answers do not ask', saved({ change: { queue: ['D1a'] } }), 'position', /being changed/],
    ['a change queueing a question twice', saved({ change: { queue: ['A1', 'A1'] } }), 'position', /being changed/],
    ['a change with a smuggled key', saved({ change: { queue: [], then: 'result' } }), 'shape', /not in the expected form/],
    ['an option id longer than any', saved({ answers: { G1: 'x'.repeat(65) } }), 'shape', /not in the expected form/],
    ['a question id longer than any', saved({ answers: { ['G'.repeat(17)]: 'positive_jerks' } }), 'shape', /not in the expected form/],
    ['a list of more options than any question has', saved({ answers: { A2: Array.from({ length: 17 }, () => 'neck') } }), 'shape', /not in the expected form/],
    ['a position with a smuggled key', saved({ position: { question: 'A3', then: 'result' } }), 'shape', /not in the expected form/],
    ['set-aside answers given as null', saved({ setAside: null }), 'shape', /not in the expected form/],
    ['no attestation at all', saved({ attested: undefined }), 'shape', /not in the expected form/],
    ['what Start again cleared, without its position', saved({ discarded: { answers: {}, setAside: {} } }), 'shape', /not in the expected form/],
    ['a change queue longer than the questionnaire', saved({ change: { queue: Array.from({ length: 65 }, () => 'A1') } }), 'shape', /not in the expected form/],
    ['the saved progress as a list', '[]', 'shape', /not in the expected form/],
  ] as const)('%s', ([, raw, reason, message]) => {
    const result = restore(raw, content);
    expect(result.kind).toBe('rejected');
    if (result.kind !== 'rejected') return;
    expect(result.reason).toBe(reason);
    expect(result.message).toMatch(message);
    expect(result.message).toMatch(/Start again/);
  });
});
