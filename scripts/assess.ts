/**
 * assess — print the assessment of one or more answer files as JSON.
 *
 *   npm run --silent assess -- FILE [FILE...]
 *
 * One file prints one object; several print an array in the order given. Any unreadable or invalid
 * file is reported on stderr, naming the file and the offending question id, and the exit code is 1
 * (2 for a usage error). Nothing is printed on stdout unless every file is valid. At most 1 MB of a
 * file is read (so a huge file cannot exhaust memory), and a bad value is quoted to at most 80
 * characters. Only regular files are read: a FIFO, a directory or a device is refused at once
 * (it would block or never end), and control and bidirectional characters from a file or its name
 * are written as `\uXXXX`, never sent to the terminal as they are. `--help` is help only as the sole
 * argument; otherwise it is a file name.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { content } from '../content/index';
import { MAX_ANSWER_FILE_BYTES, readAnswerFile } from '../machines/exchange/answer-file';
import { printable, quote } from '../machines/answers/parse';
import { assess, type TAssessment } from '../machines/assessment/assess';

const USAGE = 'usage: npm run --silent assess -- FILE [FILE...]\n';

/** What a path that is not a regular file is, in words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

/**
 * Read at most 1 MB and one byte of a regular file: enough to know whether it is too large. The file
 * is opened without blocking (opening a FIFO for reading would otherwise wait for a writer forever),
 * and what was opened is checked, not the name, so nothing can be swapped in between.
 */
function readBounded(file: string): { text: string; bytes: number } | { refused: string } {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { refused: `${kindOf(stats)}, not a regular file, so it is not read` };
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
  let read: ReturnType<typeof readBounded>;
  try {
    read = readBounded(file);
  } catch (error) {
    errors.push(`${file}: cannot read file: ${quote((error as Error).message)}`);
    continue;
  }
  if ('refused' in read) {
    errors.push(`${file}: ${read.refused}`);
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
  process.stderr.write(`${errors.map((e) => `assess: ${printable(e)}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`${JSON.stringify(files.length === 1 ? results[0] : results, null, 2)}\n`);
