/**
 * The SMART App Launch, in the browser only: the authorization (fhirclient, the SMART project's own
 * client: authorization code with PKCE, a public client, the token kept by it in this tab's
 * sessionStorage), reading the chart, and saving the response back. Every request goes to the
 * record that launched the app, which must be one ehr.config.json trusts (the pages' connect-src
 * allows no other). Loaded only by the launch pages and by "Save to the record", never with a
 * question page.
 *
 * Every failure comes back as a `TRecordFault` with a plain message and a way on; nothing here
 * throws to the page, and nothing touches the answers.
 */
import type Client from 'fhirclient/lib/Client';
import { deployment, fhirBase, originOf, trustedRecordOf, type TTrustedRecord } from '@/content/deployment';
import { recordText } from '@/content/record-text';
import { printableCut } from '@/machines/answers/parse';
import { FHIR_ID } from '@/machines/record/session';
import { hasLaunchState } from './sign-in-state';

/** Text from an address or a record, shown: unprintable characters escaped, cut at 120 characters. */
const shown = (text: string) => printableCut(text, 120);

/** What went wrong, for the page to say, and what the clinician can do next. */
export type TRecordFault = {
  kind: 'untrusted' | 'no-iss' | 'denied' | 'state' | 'token' | 'unreachable' | 'no-patient' | 'expired' | 'refused' | 'other-patient' | 'too-large' | 'malformed';
  message: string;
};

const fault = (kind: TRecordFault['kind'], message: string): TRecordFault => ({ kind, message });

/** The largest response the app reads from a record: a chart page is far smaller. */
export const MAX_RESPONSE_BYTES = 2_000_000;

/** Where the record sends the browser back (a static page of this app). */
export const RETURN_PATH = '/launch/return';

/** sessionStorage: where to go back to after a reconnect (a path of this app), set just before it. */
export const RECONNECT_KEY = 'myoclonus-navigator.record.reconnect';

const READ_TYPES = ['Patient', 'Condition', 'MedicationRequest', 'MedicationStatement', 'Observation'] as const;

/**
 * The scopes asked for: the launch context, who the user is, read access to the chart's resource
 * types the suggestions use, and write access to QuestionnaireResponse only when the deployment
 * saves back. SMART App Launch 2 scope syntax.
 */
export function scopesFor(kind: 'ehr' | 'standalone', saveBack = deployment.saveBack): string {
  return [
    kind === 'ehr' ? 'launch' : 'launch/patient',
    'openid',
    'fhirUser',
    ...READ_TYPES.map((t) => `patient/${t}.rs`),
    ...(saveBack ? ['patient/QuestionnaireResponse.cu'] : []),
  ].join(' ');
}

async function smart() {
  const mod = await import('fhirclient');
  return mod.default;
}

/**
 * Start a launch from this page's address: `iss` (and `launch` for an EHR launch). The record must be
 * one the deployment trusts; then fhirclient sends the browser to its authorization page, and this
 * returns only on a fault.
 */
export async function startLaunch(search: URLSearchParams, appOrigin: string): Promise<TRecordFault> {
  const iss = search.get('iss');
  if (!iss) return fault('no-iss', recordText.faults.noIss);
  const record = trustedRecordOf(iss);
  if (!record || !originOf(iss)) return fault('untrusted', recordText.faults.untrusted(shown(iss)));
  // A launch names a record and a launch context, nothing else: fhirclient would let parameters of
  // the address (clientId, patientId, fhirServiceUrl) override what the app checked.
  const unknown = [...search.keys()].filter((k) => k !== 'iss' && k !== 'launch');
  if (unknown.length > 0 || search.getAll('iss').length > 1 || search.getAll('launch').length > 1) return fault('untrusted', recordText.faults.launchParameters);
  const launch = search.get('launch');
  if (launch !== null && !/^[\x21-\x7e]{1,512}$/.test(launch)) return fault('untrusted', recordText.faults.launchParameters);
  // fhirclient reads the address too: it sees the launch page's own address alone, and the checked
  // values come in as options.
  window.history.replaceState(null, '', window.location.pathname);
  try {
    const FHIR = await smart();
    await FHIR.oauth2.authorize({
      iss: record.fhirBaseUrl,
      ...(launch ? { launch } : {}),
      clientId: deployment.clientId,
      scope: scopesFor(launch ? 'ehr' : 'standalone'),
      redirectUri: new URL(RETURN_PATH, appOrigin).href,
      pkceMode: 'required',
      completeInTarget: true,
    });
    // authorize() has sent the browser on; should it return, nothing was sent.
    return fault('unreachable', recordText.faults.unreachable(record.name));
  } catch {
    return fault('unreachable', recordText.faults.unreachable(record.name));
  }
}

/** Read a response whole, refusing one larger than `max` bytes before and while it is read. */
export async function readBounded(response: Response, max = MAX_RESPONSE_BYTES): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > max) {
    await response.body?.cancel().catch(() => {});
    return null;
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    parts.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.byteLength;
  }
  return new TextDecoder().decode(all);
}

type TFetched = { ok: true; status: number; json: unknown; location: string | null } | { ok: false; status: number; fault: TRecordFault['kind'] };

/** One request to the record, with the token, its answer read within the size bound. */
async function call(client: Client, path: string, init: RequestInit = {}): Promise<TFetched> {
  const base = fhirBase(client.state.serverUrl);
  const url = new URL(`${base}/${path}`);
  // The record's own server, and a path under its base (an id of `..` cannot climb out of it).
  const under = new URL(`${base}/`).pathname;
  if (!trustedRecordOf(base) || url.origin !== originOf(base) || !url.pathname.startsWith(under) || url.pathname === under) return { ok: false, status: 0, fault: 'untrusted' };
  const token = client.state.tokenResponse?.access_token;
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { Accept: 'application/fhir+json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    return { ok: false, status: 0, fault: 'unreachable' };
  }
  const text = await readBounded(response).catch(() => null);
  if (response.status === 401) return { ok: false, status: 401, fault: 'expired' };
  if (!response.ok) return { ok: false, status: response.status, fault: 'refused' };
  if (text === null) return { ok: false, status: response.status, fault: 'too-large' };
  try {
    return { ok: true, status: response.status, json: text === '' ? null : JSON.parse(text), location: response.headers.get('location') };
  } catch {
    return { ok: false, status: response.status, fault: 'malformed' };
  }
}

/** The resources of a search answer (a Bundle), and whether the server had more than one page. */
function entriesOf(json: unknown): { resources: unknown[]; more: boolean } | null {
  if (typeof json !== 'object' || json === null || (json as { resourceType?: unknown }).resourceType !== 'Bundle') return null;
  const { entry, link } = json as { entry?: unknown; link?: unknown };
  // Entries the search matched (`search.mode` match, or unstated), not those it included or its outcome.
  const resources = Array.isArray(entry)
    ? entry
        .filter((e) => typeof e === 'object' && e !== null && [undefined, 'match'].includes((e as { search?: { mode?: unknown } }).search?.mode as string | undefined))
        .map((e) => (e as { resource?: unknown }).resource)
        .filter((r) => r !== undefined)
    : [];
  const more = Array.isArray(link) && link.some((l) => typeof l === 'object' && l !== null && (l as { relation?: unknown }).relation === 'next');
  return { resources, more };
}

export type TChart = {
  record: TTrustedRecord;
  patient: string;
  user: string | null;
  scope: string;
  resources: unknown[];
  gaps: { what: string; why: string; questions: string[] }[];
};

/** Whether a resource belongs to the patient: its subject (or patient) names them, relative or under the record's base. */
function ofPatient(resource: unknown, patient: string, base: string): boolean {
  if (typeof resource !== 'object' || resource === null) return false;
  const r = resource as { subject?: { reference?: unknown }; patient?: { reference?: unknown } };
  const ref = r.subject?.reference ?? r.patient?.reference;
  return typeof ref === 'string' && (ref === patient || ref === `${base}/${patient}`);
}

/** The signed-in client this tab holds, or null when there is none (no sign-in, or it has ended). */
async function readyClient(): Promise<Client | null> {
  try {
    const FHIR = await smart();
    return await FHIR.oauth2.ready();
  } catch {
    return null;
  }
}

/**
 * The browser came back from the record: finish the authorization, then read the chart. Faults of
 * the return itself (consent denied, a state this tab did not make, the token refused) end here; a
 * resource type the record refuses is a gap, noted, and the others are read.
 */
export async function completeLaunch(search: URLSearchParams, searches: (patient: string) => { what: string; type: string; questions: string[]; path: string }[]): Promise<{ ok: true; chart: TChart; client: Client } | { ok: false; fault: TRecordFault }> {
  const error = search.get('error');
  if (error) return { ok: false, fault: error === 'access_denied' ? fault('denied', recordText.faults.denied) : fault('token', recordText.faults.authorization(error)) };
  if (!hasLaunchState(search.get('state'))) return { ok: false, fault: fault('state', recordText.faults.state) };
  const client = await readyClient();
  if (!client) return { ok: false, fault: fault('token', recordText.faults.token) };
  const record = trustedRecordOf(client.state.serverUrl);
  if (!record) return { ok: false, fault: fault('untrusted', recordText.faults.untrusted(shown(client.state.serverUrl))) };
  const patientId = client.patient.id;
  if (!patientId || !new RegExp(`^${FHIR_ID}$`).test(String(patientId))) return { ok: false, fault: fault('no-patient', recordText.faults.noPatient) };
  const patient = `Patient/${patientId}`;
  const scope = String(client.state.tokenResponse?.scope ?? '');
  // The user as a reference on this record: relative, or absolute under this record's base only (a
  // user of another server is not this record's, and is not written as its author).
  const fhirUser = client.user.fhirUser;
  const base = record.fhirBaseUrl;
  const relative = typeof fhirUser === 'string' && fhirUser.startsWith(`${base}/`) ? fhirUser.slice(base.length + 1) : fhirUser;
  const user = typeof relative === 'string' && new RegExp(`^(Practitioner|PractitionerRole|Patient|RelatedPerson|Person)\\/${FHIR_ID}$`).test(relative) ? relative : null;

  const read = await call(client, patient);
  if (!read.ok) {
    if (read.fault === 'unreachable') return { ok: false, fault: fault('unreachable', recordText.faults.unreachable(record.name)) };
    if (read.fault === 'expired') return { ok: false, fault: fault('token', recordText.faults.token) };
    return { ok: false, fault: fault('no-patient', recordText.faults.noPatient) };
  }
  const read1 = read.json as { resourceType?: unknown; id?: unknown } | null;
  if (read1?.resourceType !== 'Patient' || read1.id !== String(patientId)) return { ok: false, fault: fault('no-patient', recordText.faults.noPatient) };
  const resources: unknown[] = [read.json];
  const gaps: TChart['gaps'] = [];
  for (const { what, type, questions, path } of searches(String(patientId))) {
    const answer = await call(client, path);
    if (!answer.ok) {
      gaps.push({ what, why: recordText.gapWhy(answer.fault, answer.status), questions });
      continue;
    }
    const found = entriesOf(answer.json);
    if (!found) {
      gaps.push({ what, why: recordText.gapWhy('malformed', answer.status), questions });
      continue;
    }
    // Only what was asked for: resources of the type searched, of this patient; an entry the record
    // added (`include`, another patient's, another type) is left out and said so.
    const mine = found.resources.filter((r) => (r as { resourceType?: unknown }).resourceType === type && ofPatient(r, patient, base));
    resources.push(...mine);
    if (mine.length < found.resources.length) gaps.push({ what, why: recordText.gapWhy('foreign', answer.status), questions });
    if (found.more) gaps.push({ what, why: recordText.gapWhy('more', answer.status), questions });
  }
  return { ok: true, chart: { record, patient, user, scope, resources, gaps }, client };
}

/**
 * Write the response to the record: a first save creates it, a later save of the same case updates
 * the same resource. The record must still hold a token for the same patient; otherwise nothing is
 * sent and the fault says how to reconnect.
 */
export async function saveResponse(
  response: Record<string, unknown>,
  expect: { serverUrl: string; patient: string },
  previous: string | null,
): Promise<{ ok: true; reference: string } | { ok: false; fault: TRecordFault }> {
  const client = await readyClient();
  if (!client) return { ok: false, fault: fault('expired', recordText.faults.expired) };
  if (fhirBase(client.state.serverUrl) !== fhirBase(expect.serverUrl) || `Patient/${client.patient.id}` !== expect.patient) {
    return { ok: false, fault: fault('other-patient', recordText.faults.otherPatient) };
  }
  const expiresAt = client.state.expiresAt;
  if (typeof expiresAt === 'number' && expiresAt * 1000 <= Date.now()) return { ok: false, fault: fault('expired', recordText.faults.expired) };
  const id = previous?.startsWith('QuestionnaireResponse/') ? previous.slice('QuestionnaireResponse/'.length) : null;
  const body = JSON.stringify(id ? { ...response, id } : response);
  const answer = await call(client, id ? `QuestionnaireResponse/${id}` : 'QuestionnaireResponse', {
    method: id ? 'PUT' : 'POST',
    headers: { 'Content-Type': 'application/fhir+json', Prefer: 'return=representation' },
    body,
  });
  if (!answer.ok) {
    if (answer.fault === 'expired') return { ok: false, fault: fault('expired', recordText.faults.expired) };
    if (answer.fault === 'unreachable') return { ok: false, fault: fault('unreachable', recordText.faults.saveUnreachable) };
    return { ok: false, fault: fault('refused', recordText.faults.saveRefused(answer.status)) };
  }
  const saved = answer.json as { resourceType?: unknown; id?: unknown } | null;
  // The new resource's id: from the representation, else from Location (`…/QuestionnaireResponse/<id>/_history/1`).
  const fromLocation = /QuestionnaireResponse\/([A-Za-z0-9\-.]{1,64})/.exec(answer.location ?? '')?.[1] ?? null;
  const savedId = saved && saved.resourceType === 'QuestionnaireResponse' && typeof saved.id === 'string' ? saved.id : (fromLocation ?? id);
  if (!savedId) return { ok: false, fault: fault('malformed', recordText.faults.saveUnclear) };
  return { ok: true, reference: `QuestionnaireResponse/${savedId}` };
}

/** The pages a reconnect may come back to. */
export const RECONNECT_PATHS = ['/result', '/summary'] as const;

/**
 * Sign in to the same record again (standalone: the patient is chosen there, and checked against the
 * case's on return), then come back to `path`. Through the launch page, so that the sign-in starts
 * from an address holding nothing but the trusted record.
 */
export function reconnect(serverUrl: string, path: (typeof RECONNECT_PATHS)[number]): void {
  try {
    window.sessionStorage.setItem(RECONNECT_KEY, path);
  } catch {
    /* the return page then opens the start page */
  }
  // A full page load (not the router): the launch page starts the sign-in from a clean address.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- see above
  window.location.assign(`/launch?${new URLSearchParams({ iss: serverUrl }).toString()}`);
}
