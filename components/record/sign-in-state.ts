/**
 * fhirclient's state in this tab, as far as the app checks or removes it, without loading fhirclient
 * (nor the record's words): its pointer `SMART_KEY` names the key of the launch under way, which
 * holds the record's address and, after the sign-in, the token.
 */
import { trustedRecordOf } from '@/content/deployment';

const SMART_KEY = 'SMART_KEY';
/** fhirclient's own state keys: 16 random letters and digits (a little latitude either side). */
const STATE_KEY = /^[A-Za-z0-9]{8,64}$/;

const pointer = (): string | null => {
  const value = JSON.parse(window.sessionStorage.getItem(SMART_KEY) ?? 'null') as unknown;
  return typeof value === 'string' && STATE_KEY.test(value) ? value : null;
};

/**
 * Whether the return's `state` is the launch this tab started: fhirclient's own key, the one its
 * pointer names, holding a launch to a record this deployment trusts. Anything else — another tab's
 * state, or a key of this app's own storage — is refused before fhirclient reads it (it would
 * otherwise point its session at that key, and delete it at the next sign-in).
 */
export function hasLaunchState(state: string | null): boolean {
  if (!state || !STATE_KEY.test(state)) return false;
  try {
    const saved = JSON.parse(window.sessionStorage.getItem(state) ?? 'null') as { serverUrl?: unknown } | null;
    return pointer() === state && typeof saved?.serverUrl === 'string' && trustedRecordOf(saved.serverUrl) !== null;
  } catch {
    return false;
  }
}

/** Leave the record: fhirclient's state for this tab, the token with it, is removed. */
export function forgetSignIn(): void {
  try {
    const key = pointer();
    if (key) window.sessionStorage.removeItem(key);
    window.sessionStorage.removeItem(SMART_KEY);
  } catch {
    /* nothing kept */
  }
}
