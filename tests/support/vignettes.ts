/**
 * The vignettes: the answer files in tests/vignettes, each with its expected assessment. The one
 * loader every test, spec and script uses, so a file is read, checked and typed one way.
 * `answersOf` reads a file's answers as the CLI and "Resume from a file" do.
 *
 * (Walking a vignette through the real pages is `answerVignette`, in ./answer-vignette.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { content, ZCategory, ZDbsTarget, ZMimic, ZRedFlag, ZWarningId } from '../../content/index';
import { type TAnswers, type TAnswerValue } from '../../machines/answers/answers';
import { parseAnswerFile } from '../../machines/answers/parse';

export const VIGNETTE_DIR = path.join(__dirname, '..', 'vignettes');

const ZVignette = z.object({
  id: z.string(),
  title: z.string().min(1),
  source: z.string().min(1),
  /** As written in the file: option ids, "unknown" included. `answersOf` reads them as the app does. */
  answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  expected: z.strictObject({
    gate: z.enum(['myoclonus', 'mimic']),
    mimic: ZMimic.nullable(),
    redFlags: z.array(ZRedFlag),
    category: z.union([ZCategory, z.literal('indeterminate')]).nullable(),
    candidates: z.array(ZCategory).optional(),
    dbsTargets: z.array(ZDbsTarget),
    /** Contract 1.1: the warnings the answers raise (checked when the file states them). */
    warnings: z.array(ZWarningId).optional(),
  }),
});

/** A vignette as its file says it, and the file's name. */
export type TVignette = Omit<z.infer<typeof ZVignette>, 'answers'> & { file: string; answers: Record<string, TAnswerValue> };

const cache = new Map<string, TVignette>();

/** One vignette by id (`V01`, `P29`), checked: its shape, and that its id is its file's name. */
export function loadVignette(id: string): TVignette {
  const cached = cache.get(id);
  if (cached) return cached;
  const file = `${id}.json`;
  const vignette = ZVignette.parse(JSON.parse(readFileSync(path.join(VIGNETTE_DIR, file), 'utf8')));
  if (vignette.id !== id) throw new Error(`${file}: id "${vignette.id}" does not match the file name`);
  const loaded = { ...vignette, file };
  cache.set(id, loaded);
  return loaded;
}

/** The ids of every vignette, sorted; `public` (V01…V22, the shared clinical set) or `project` (P…) alone. */
export function vignetteIds(only?: 'public' | 'project'): string[] {
  return readdirSync(VIGNETTE_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .filter((id) => (only === 'public' ? id.startsWith('V') : only === 'project' ? id.startsWith('P') : true))
    .sort();
}

/** Every vignette (or the public or project ones), sorted by id. */
export const loadVignettes = (only?: 'public' | 'project'): TVignette[] => vignetteIds(only).map(loadVignette);

/** A vignette's answers read the way the CLI and an imported answer file are: what the app assesses. */
export function answersOf(vignette: { answers: Readonly<Record<string, unknown>>; file?: string }): TAnswers {
  const parsed = parseAnswerFile({ answers: vignette.answers }, content);
  if (!parsed.ok) throw new Error(`${vignette.file ?? 'answers'}: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.answers;
}
