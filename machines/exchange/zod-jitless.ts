/**
 * Browser-side zod must never compile code: the Content-Security-Policy forbids eval, and zod's
 * fast path probes for it with `new Function`. Import this module before building any schema that
 * runs in the browser.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });
