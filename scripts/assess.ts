/**
 * assess — print the assessment of one or more answer files as JSON.
 *
 *   npm run --silent assess -- FILE [FILE...]
 *
 * One file prints one object; several print an array in the order given. Any unreadable or invalid
 * file is reported on stderr, naming the file and the offending question id, and the exit code is 1
 * (2 for a usage error). Nothing is printed on stdout unless every file is valid.
 */
import { readFileSync } from 'node:fs';
import { content } from '../content/index';
import { parseAnswerFile } from '../machines/answers';
import { assess, type TAssessment } from '../machines/assess';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0 || files.includes('--help') || files.includes('-h')) {
  process.stderr.write('usage: npm run --silent assess -- FILE [FILE...]\n');
  process.exit(files.length === 0 ? 2 : 0);
}

const results: TAssessment[] = [];
const errors: string[] = [];
for (const file of files) {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `malformed JSON: ${error.message}` : `cannot read file: ${(error as Error).message}`;
    errors.push(`${file}: ${reason}`);
    continue;
  }
  const parsed = parseAnswerFile(data, content);
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
