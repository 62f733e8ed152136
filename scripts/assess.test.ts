import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { VIGNETTE_DIR } from '../tests/support/vignettes';

/**
 * The `assess` CLI, run as a child process the way a clinician or CI would run it. Each process
 * costs about half a second, so every run is started once, all in parallel, before the tests.
 */

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

type TRun = { code: number | 'hung'; stdout: string; stderr: string };

/** A run that has not ended after this long is stopped and reported as hung (a FIFO read would never end). */
const HANG_MS = 20_000;

function cli(args: string[]): Promise<TRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, join(ROOT, 'scripts', 'assess.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: HANG_MS }, (error, stdout, stderr) => {
      const code = error ? (error.killed ? 'hung' : typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let dir = '';
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const runs: Record<string, TRun> = {};
const paths: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assess-cli-'));
  paths.unknownQuestion = file('unknown-question.json', JSON.stringify({ answers: { G1: 'positive_jerks', Q42: 'yes' } }));
  paths.unknownOption = file('unknown-option.json', JSON.stringify({ answers: { E1: 'about_70ms' } }));
  paths.listForSingle = file('list-for-single.json', JSON.stringify({ answers: { D1: ['PME', 'lance_adams'] } }));
  paths.malformed = file('malformed.json', '{ "answers": { "G1": "positive_jerks", }');
  paths.missing = join(dir, 'no-such-file.json');
  paths.duplicate = file('duplicate.json', '{ "answers": { "G1": "positive_jerks", "A1": "focal", "G1": "both" } }');
  paths.bom = file('bom.json', `\uFEFF${JSON.stringify({ answers: { G1: 'regular_oscillation_only' } })}`);
  paths.huge = file('huge.json', JSON.stringify({ answers: { G1: 'positive_jerks' }, note: 'x'.repeat(1024 * 1024) }));
  paths.longValue = file('long-value.json', JSON.stringify({ answers: { G1: `wobbly${'z'.repeat(5000)}` } }));
  // A terminal escape (red text, then cursor home and clear screen) and a right-to-left override in
  // an id and in a value: printed raw, they would recolour or rewrite the clinician's terminal.
  paths.escapes = file('escapes.json', JSON.stringify({ answers: { 'Q\u001b[31m\u202e9': 'yes', G1: 'pos\u001b[H\u001b[2J\u202eitive' } }));
  paths.duplicateDeep = file('duplicate-deep.json', '{ "answers": { "G1": "positive_jerks" }, "expected": { "gate": "mimic", "gate": "myoclonus" } }');
  paths.fifo = join(dir, 'answers.fifo');
  execFileSync('mkfifo', [paths.fifo]);
  const jobs: Record<string, string[]> = {
    one: [join(VIGNETTE_DIR, 'V08.json')],
    two: [join(VIGNETTE_DIR, 'V01.json'), join(VIGNETTE_DIR, 'V20.json')],
    unknownQuestion: [paths.unknownQuestion],
    unknownOption: [paths.unknownOption],
    listForSingle: [paths.listForSingle],
    malformed: [paths.malformed],
    missing: [paths.missing],
    noArgs: [],
    duplicate: [paths.duplicate],
    bom: [paths.bom],
    huge: [paths.huge],
    devZero: ['/dev/zero'],
    longValue: [paths.longValue],
    escapes: [paths.escapes],
    duplicateDeep: [paths.duplicateDeep],
    fifo: [paths.fifo],
    directory: [dir],
    helpAlone: ['--help'],
    helpWithFile: ['--help', join(VIGNETTE_DIR, 'V08.json')],
  };
  const results = await Promise.all(Object.entries(jobs).map(async ([name, args]) => [name, await cli(args)] as const));
  for (const [name, result] of results) runs[name] = result;
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const result = (name: string): TRun => {
  const r = runs[name];
  if (!r) throw new Error(`no run named ${name}`);
  return r;
};

describe('assess FILE', () => {
  test('one answer file prints one assessment object and exits 0', () => {
    const { code, stdout } = result('one');
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    expect({ code, isObject: !Array.isArray(printed), gate: printed.gate, category: printed.category, targets: (printed.dbs as { targets: unknown }).targets })
      .toEqual({ code: 0, isObject: true, gate: 'myoclonus', category: 'subcortical-nonsegmental', targets: ['GPi'] });
  });

  test('two answer files print an array of two assessments, in the order given', () => {
    const { code, stdout } = result('two');
    const printed = JSON.parse(stdout) as { gate: string; category: string | null }[];
    expect({ code, summary: printed.map((a) => [a.gate, a.category]) }).toEqual({
      code: 0,
      summary: [['myoclonus', 'cortical'], ['mimic', null]],
    });
  });
});

describe('assess rejects a bad file with a message and a non-zero exit', () => {
  test.for([
    ['an unknown question id', 'unknownQuestion', 'Q42'],
    ['an unknown option', 'unknownOption', 'E1'],
    ['a list for a single-select question', 'listForSingle', 'D1'],
  ] as const)('%s is reported naming the file and the offending id', ([, name, id]) => {
    const { code, stdout, stderr } = result(name);
    expect({ failed: code !== 0, stdout, namesFile: stderr.includes(paths[name] ?? '?'), namesId: stderr.includes(id) })
      .toEqual({ failed: true, stdout: '', namesFile: true, namesId: true });
  });

  test('malformed JSON is reported as malformed, naming the file', () => {
    const { code, stdout, stderr } = result('malformed');
    expect({ failed: code !== 0, stdout, message: stderr }).toEqual({
      failed: true,
      stdout: '',
      message: expect.stringMatching(new RegExp(`${paths.malformed?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*malformed`, 'i')),
    });
  });

  test('a missing file is reported naming the file', () => {
    const { code, stdout, stderr } = result('missing');
    expect({ failed: code !== 0, stdout, namesFile: stderr.includes(paths.missing ?? '?') }).toEqual({ failed: true, stdout: '', namesFile: true });
  });

  test('no arguments print the usage and exit 2', () => {
    const { code, stdout, stderr } = result('noArgs');
    expect({ code, stdout, usage: /usage/i.test(stderr) }).toEqual({ code: 2, stdout: '', usage: true });
  });
});

describe('answer files: the checks JSON.parse cannot make', () => {
  test('a question id given twice is refused, naming it', () => {
    const { code, stdout, stderr } = result('duplicate');
    expect({ code, stdout, message: stderr }).toEqual({ code: 1, stdout: '', message: expect.stringMatching(/"G1" is given more than once/) });
  });

  test('a UTF-8 byte-order mark is accepted, as the browser import accepts it', () => {
    const { code, stdout } = result('bom');
    expect({ code, gate: (JSON.parse(stdout) as { gate: string }).gate }).toEqual({ code: 0, gate: 'mimic' });
  });

  test('a file over 1 MB is refused as too large without being read whole', () => {
    const { code, stdout, stderr } = result('huge');
    expect({ code, stdout, message: stderr }).toEqual({ code: 1, stdout: '', message: expect.stringMatching(/larger than 1 MB/) });
  });

  test('a member name given twice outside "answers" (in a vignette\'s expected result) is refused too, naming where', () => {
    const { code, stdout, stderr } = result('duplicateDeep');
    expect({ code, stdout, message: stderr }).toEqual({ code: 1, stdout: '', message: expect.stringMatching(/"gate" is given more than once in expected/) });
  });

  test('a bad value is quoted to at most 80 characters', () => {
    const { code, stderr } = result('longValue');
    expect({ code, quoted: stderr.includes(`"wobbly${'z'.repeat(74)}…" is not an option of G1`), short: stderr.length < 400 }).toEqual({ code: 1, quoted: true, short: true });
  });
});

describe('only regular files are read', () => {
  test.for([
    ['a FIFO, which would block the read forever', 'fifo', 'a FIFO (named pipe)'],
    ['a directory', 'directory', 'a directory'],
    ['/dev/zero, a device that never ends', 'devZero', 'a character device'],
  ] as const)('%s is refused at once with a message and exit 1', ([, name, kind]) => {
    const { code, stdout, stderr } = result(name);
    expect({ code, stdout, message: stderr }).toEqual({ code: 1, stdout: '', message: expect.stringContaining(`: ${kind}, not a regular file, so it is not read`) });
  });
});

describe('nothing from a file reaches the terminal raw', () => {
  test('control and bidirectional-override characters in a quoted id and value are written as \\uXXXX', () => {
    const { code, stderr } = result('escapes');
    expect({
      code,
      raw: [...stderr].filter((ch) => /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(ch)),
      id: stderr.includes('unknown question id "Q\\u001b[31m\\u202e9"'),
      value: stderr.includes('"pos\\u001b[H\\u001b[2J\\u202eitive" is not an option of G1'),
    }).toEqual({ code: 1, raw: [], id: true, value: true });
  });
});

describe('--help', () => {
  test('as the sole argument prints the usage on stdout and exits 0', () => {
    const { code, stdout } = result('helpAlone');
    expect({ code, usage: /^usage:/.test(stdout) }).toEqual({ code: 0, usage: true });
  });

  test('beside a file is not help: it is read as a file name, and reported as missing', () => {
    const { code, stdout, stderr } = result('helpWithFile');
    expect({ code, stdout, message: stderr }).toEqual({ code: 1, stdout: '', message: expect.stringMatching(/^assess: --help: cannot read file/) });
  });
});
