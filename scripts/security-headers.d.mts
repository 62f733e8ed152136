/** Types of scripts/security-headers.mjs, for the tests that import it. */
export function recordOrigins(): string[];
export const securityHeaders: Record<string, string>;
export const lockedDownPolicy: string;
export const serviceWorkerPolicy: string;
export function contentSecurityPolicy(mode: { scripts: string[]; styles: string[] } | 'development'): string;
