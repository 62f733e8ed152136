/**
 * assess — print the assessment of one or more answer files as JSON.
 *
 *   npm run --silent assess -- FILE [FILE...]
 *
 * One file prints one object; several print an array in the order given. Any unreadable or invalid
 * file is reported on stderr, naming the file and the offending question id, and the exit code is 1
 * (2 for a usage error). Nothing is printed on stdout unless every file is valid. At most 1 MB of a
 * file is read (so /dev/zero or a huge file cannot exhaust memory), and a bad value is quoted to at
 * most 80 characters. `--help` is help only as the sole argument; otherwise it is a file name.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { content } from '../content/index';
import { MAX_ANSWER_FILE_BYTES, readAnswerFile } from '../machines/answer-file';
import { quote } from '../machines/answers';
import { assess, type TAssessment } from '../machines/assess';

const USAGE = 'usage: npm run --silent assess -- FILE [FILE...]\n';

/** Read at most 1 MB and one byte of a file: enough to know whether it is too large. */
function readBounded(file: string): { text: string; bytes: number } {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(MAX_ANSWER_FILE_BYTES + 1);
    let bytes = 0;
    while (bytes < buffer.length) {
      const n = readSync(fd, buffer, bytes, buffer.length - bytes, null);
      if (n === 0) break;
      bytes += n;
    }
    return { text: buffer.subarray(0, Math.min(bytes, MAX_ANSWER_FILE_BYTES)).toString('utf8'), bytes };
  } finally {
    closeSync(fd);
  }
}

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 1 && (files[0] === '--help' || files[0] === '-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (files.length === 0) {
  process.stderr.write(USAGE);
  process.exit(2);
}

const results: TAssessment[] = [];
const errors: string[] = [];
for (const file of files) {
  let read: { text: string; bytes: number };
  try {
    read = readBounded(file);
  } catch (error) {
    errors.push(`${file}: cannot read file: ${quote((error as Error).message)}`);
    continue;
  }
  const parsed = readAnswerFile(read.text, read.bytes, content);
  if (!parsed.ok) {
    for (const p of parsed.problems) errors.push(`${file}: ${p.message}`);
    continue;
  }
  results.push(assess(parsed.answers, content));
}

if (errors.length > 0) {
  process.stderr.write(`${errors.map((e) => `assess: ${e}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`${JSON.stringify(files.length === 1 ? results[0] : results, null, 2)}\n`);
