/**
 * Helpers for the export, security and fault specs: files the browser downloads, the assessment of
 * an answer file, and a watch on what the browser sends and what its Content Security Policy
 * blocks. A PDF's text is read by ./pdf-text.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { content } from '../../content';
import { assess, type TAssessment } from '../../machines/assessment/assess';
import { answersOf } from './vignettes';

export type TDownloaded = { name: string; bytes: Buffer };

/** Press a button and return the file the browser downloads because of it. */
export async function downloadFrom(page: Page, button: Locator): Promise<TDownloaded> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const failure = await download.failure();
  if (failure) throw new Error(`the download of ${download.suggestedFilename()} failed: ${failure}`);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/** The assessment the app makes of an answer file's answers (what the result page shows). */
export const assessmentOf = (answers: Record<string, unknown>): TAssessment => assess(answersOf({ answers }), content);

export type TCspViolation = { directive: string; blocked: string; source: string; sample: string };
export type TSent = { url: string; method: string; body: string; headers: string };

/**
 * Watch a page from its first script on: every Content-Security-Policy violation (the
 * `securitypolicyviolation` event, kept in `window.__cspViolations` and reported to the test across
 * navigations, plus console errors that name the policy) and every request the browser sends.
 * Call before the first navigation.
 */
export async function watchBrowser(page: Page) {
  const violations: TCspViolation[] = [];
  const consoleErrors: string[] = [];
  const sent: TSent[] = [];

  await page.exposeBinding('__reportCspViolation', (_source, violation: TCspViolation) => {
    violations.push(violation);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: unknown[]; __reportCspViolation?: (v: unknown) => void };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      const v = { directive: e.violatedDirective, blocked: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}`, sample: e.sample };
      w.__cspViolations.push(v);
      void w.__reportCspViolation?.(v);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content[- ]Security[- ]Policy|Refused to (load|execute|apply|connect|create|frame)/i.test(message.text())) {
      consoleErrors.push(message.text());
    }
  });
  page.context().on('request', (request) => {
    const headers = Object.entries(request.headers())
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n');
    sent.push({ url: request.url(), method: request.method(), body: request.postData() ?? '', headers });
  });

  return {
    /** Violations seen so far, from the event and from the console. */
    cspProblems: () => [...violations.map((v) => `${v.directive} blocked ${v.blocked || '(inline)'} at ${v.source} ${v.sample}`), ...consoleErrors],
    /** Requests to anywhere but this origin (data: URLs are not requests to anyone). */
    otherOrigins: (origin: string) =>
      sent
        .filter((r) => !r.url.startsWith('data:'))
        .filter((r) => new URL(r.url).origin !== origin)
        .map((r) => `${r.method} ${r.url}`),
    /** Requests whose URL (also decoded), body or headers contain any of these strings. */
    carrying: (secrets: readonly string[]) =>
      sent.flatMap((r) => {
        let decoded = r.url;
        try {
          decoded = decodeURIComponent(r.url);
        } catch {
          // Not percent-encoded text: the raw URL is checked.
        }
        const haystack = [r.url, decoded, r.body, r.headers].join('\n');
        return secrets.filter((s) => haystack.includes(s)).map((s) => `${r.method} ${r.url} carries "${s}"`);
      }),
  };
}

/** Parse a Content-Security-Policy header into its directives. */
export function cspDirectives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}
