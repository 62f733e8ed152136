// @vitest-environment node
/**
 * The sandbox record walked the way the app walks it (SMART App Launch 2, authorization code with PKCE,
 * public client), with plain fetch and no browser: if any step here breaks, the app's launch breaks.
 */
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from './sandbox.ts';

const APP_URL = 'http://127.0.0.1:3999';
const REDIRECT_URI = `${APP_URL}/launch/return`;
const FIXTURE = fileURLToPath(new URL('./test-fixture.json', import.meta.url));
const PATIENT = 'fixture-gabapentin';
const SCOPE =
  'openid fhirUser launch patient/Patient.rs patient/Observation.rs patient/Condition.rs patient/QuestionnaireResponse.cu';
const nodeMajor = Number(process.versions.node.split('.')[0]);

interface Smart {
  authorization_endpoint: string;
  token_endpoint: string;
  code_challenge_methods_supported: string[];
  capabilities: string[];
}

interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
  patient: string;
  id_token?: string;
}

const base64url = (buffer: Buffer) => buffer.toString('base64url');

/** Follows redirects by hand (keeping the sandbox's cookies) until one leaves for the app. */
async function authorize(
  sandbox: Sandbox,
  params: Record<string, string>,
  onPage?: (html: string, url: string) => { url: string; body?: string } | undefined,
): Promise<URL> {
  const smart = (await (await fetch(`${sandbox.fhirBase}/.well-known/smart-configuration`)).json()) as Smart;
  const cookies = new Map<string, string>();
  let url = `${smart.authorization_endpoint}?${new URLSearchParams(params)}`;
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 12; hop += 1) {
    const res = await fetch(url, {
      method,
      body,
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
    });
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      cookies.set(name.trim(), value);
    }
    method = 'GET';
    body = undefined;
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT_URI)) return next;
      url = next.href;
      continue;
    }
    const html = await res.text();
    const action = onPage?.(html, url);
    if (!action) throw new Error(`authorization stopped at ${res.status} ${url}: ${html.slice(0, 300)}`);
    url = new URL(action.url, url).href;
    method = action.body === undefined ? 'GET' : 'POST';
    body = action.body;
  }
  throw new Error('too many redirects');
}

function pkce() {
  const verifier = base64url(randomBytes(32));
  const challenge = base64url(createHash('sha256').update(verifier).digest());
  return { verifier, challenge };
}

async function token(sandbox: Sandbox, code: string, verifier: string): Promise<Response> {
  return fetch(`${sandbox.origin}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: APP_URL },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: 'myoclonus-navigator',
      code_verifier: verifier,
    }),
  });
}

function authParams(sandbox: Sandbox, challenge: string, extra: Record<string, string>): Record<string, string> {
  return {
    response_type: 'code',
    client_id: 'myoclonus-navigator',
    redirect_uri: REDIRECT_URI,
    scope: SCOPE,
    state: `state-${randomBytes(6).toString('hex')}`,
    aud: sandbox.fhirBase,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  };
}

const fhir = (sandbox: Sandbox, path: string, accessToken?: string, init: RequestInit = {}) =>
  fetch(`${sandbox.fhirBase}/${path}`, {
    ...init,
    headers: {
      accept: 'application/fhir+json',
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });

describe.skipIf(nodeMajor < 22)('sandbox record (needs Node 22 or later, as CI runs it on Node 24)', () => {
  let sandbox: Sandbox;
  let prompting: Sandbox;
  let shortLived: Sandbox;

  beforeAll(async () => {
    const { startSandbox } = await import('./sandbox.ts');
    sandbox = await startSandbox({ port: 0, appUrl: APP_URL, seedFiles: [FIXTURE] });
    prompting = await startSandbox({ port: 0, appUrl: APP_URL, seedFiles: [FIXTURE], consent: 'prompt' });
    shortLived = await startSandbox({ port: 0, appUrl: APP_URL, seedFiles: [FIXTURE], faults: false, accessTokenTtl: 1 });
  }, 15_000);

  afterAll(async () => {
    await sandbox?.close();
    await prompting?.close();
    await shortLived?.close();
  });

  it('walks an EHR launch with PKCE to the patient’s chart, inside its compartment and scopes only', async () => {
    const discovery = await fetch(`${sandbox.fhirBase}/.well-known/smart-configuration`, { headers: { origin: APP_URL } });
    expect(discovery.headers.get('access-control-allow-origin')).toBe(APP_URL);
    const smart = (await discovery.json()) as Smart;
    expect(smart.code_challenge_methods_supported).toEqual(['S256']);
    expect(smart.capabilities).toEqual(expect.arrayContaining(['launch-ehr', 'launch-standalone', 'client-public', 'permission-v2']));

    const launch = sandbox.launches.find((l) => l.patient === PATIENT);
    expect(launch?.url).toBe(`${APP_URL}/launch?iss=${encodeURIComponent(sandbox.fhirBase)}&launch=launch-${PATIENT}`);

    const { verifier, challenge } = pkce();
    const params = authParams(sandbox, challenge, { launch: 'launch-fixture-gabapentin' });
    const back = await authorize(sandbox, params);
    expect(back.searchParams.get('state')).toBe(params.state);
    const code = back.searchParams.get('code') ?? '';
    expect(code).not.toBe('');

    const res = await token(sandbox, code, verifier);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_URL);
    const tokens = (await res.json()) as TokenResponse;
    expect(tokens.patient).toBe(PATIENT);
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.scope.split(' ').sort()).toEqual(SCOPE.split(' ').sort());
    const claims = JSON.parse(Buffer.from((tokens.id_token ?? '').split('.')[1] ?? '', 'base64url').toString()) as {
      fhirUser?: string;
    };
    expect(claims.fhirUser).toBe(`${sandbox.fhirBase}/Practitioner/sandbox-practitioner`);

    const at = tokens.access_token;
    const patient = await fhir(sandbox, `Patient/${PATIENT}`, at, { headers: { origin: APP_URL } });
    expect(patient.status).toBe(200);
    expect(patient.headers.get('access-control-allow-origin')).toBe(APP_URL);
    expect(((await patient.json()) as { birthDate: string }).birthDate).toBe('1952-02-14');
    const foreign = await fhir(sandbox, `Patient/${PATIENT}`, at, { headers: { origin: 'http://127.0.0.1:3001' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();

    const observations = await fhir(sandbox, `Observation?patient=${PATIENT}&code=http://loinc.org|62238-1&date=ge2026-01-01`, at);
    const bundle = (await observations.json()) as { type: string; entry: { resource: { id: string } }[] };
    expect(bundle.type).toBe('searchset');
    expect(bundle.entry.map((e) => e.resource.id)).toEqual(['fixture-egfr']);

    const anonymous = await fhir(sandbox, `Patient/${PATIENT}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await fhir(sandbox, `Patient/${PATIENT}`, 'not-a-token')).status).toBe(401);

    // Another patient's chart, and a resource type the token was not granted.
    const other = await fhir(sandbox, 'Patient/fault-missing', at);
    expect(other.status).toBe(403);
    expect(((await other.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
    expect((await fhir(sandbox, 'Condition?patient=fault-forbidden', at)).status).toBe(403);
    expect((await fhir(sandbox, `MedicationRequest?patient=${PATIENT}`, at)).status).toBe(403);

    const response = {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      subject: { reference: `Patient/${PATIENT}` },
      author: { reference: 'Practitioner/sandbox-practitioner' },
    };
    const created = await fhir(sandbox, 'QuestionnaireResponse', at, {
      method: 'POST',
      body: JSON.stringify(response),
      headers: { 'content-type': 'application/fhir+json' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toMatch(new RegExp(`^${sandbox.fhirBase}/QuestionnaireResponse/[^/]+/_history/`));
    const elsewhere = await fhir(sandbox, 'QuestionnaireResponse', at, {
      method: 'POST',
      body: JSON.stringify({ ...response, subject: { reference: 'Patient/fault-missing' } }),
      headers: { 'content-type': 'application/fhir+json' },
    });
    expect(elsewhere.status).toBe(403);
    const saved1 = (await created.json()) as { id: string };
    const updated = await fhir(sandbox, `QuestionnaireResponse/${saved1.id}`, at, {
      method: 'PUT',
      body: JSON.stringify({ ...response, id: saved1.id, status: 'amended' }),
      headers: { 'content-type': 'application/fhir+json' },
    });
    expect(updated.status).toBe(200);
    const saved = (await (await fetch(`${sandbox.origin}/_sandbox/QuestionnaireResponse?patient=${PATIENT}`)).json()) as {
      entry?: unknown[];
    };
    expect(saved.entry).toHaveLength(1);
    expect(saved.entry?.[0]).toMatchObject({ resource: { status: 'amended', subject: { reference: `Patient/${PATIENT}` } } });

    const revoked = await fetch(`${sandbox.origin}/_sandbox/revoke?patient=${PATIENT}`, { method: 'POST' });
    expect(revoked.status).toBe(200);
    expect((await fhir(sandbox, `Patient/${PATIENT}`, at)).status).toBe(401);
  });

  it('answers 401 once the access token has expired', async () => {
    const { verifier, challenge } = pkce();
    const back = await authorize(shortLived, authParams(shortLived, challenge, { launch: `launch-${PATIENT}` }));
    const tokens = (await (await token(shortLived, back.searchParams.get('code') ?? '', verifier)).json()) as TokenResponse;
    expect(tokens.expires_in).toBe(1);
    expect((await fhir(shortLived, `Patient/${PATIENT}`, tokens.access_token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await fhir(shortLived, `Patient/${PATIENT}`, tokens.access_token)).status).toBe(401);
  });

  it('fault patients misbehave as the app’s fault tests expect, each on its own patient', async () => {
    const reads =
      'openid fhirUser launch patient/Patient.rs patient/Condition.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/Observation.rs';
    const tokenFor = async (patient: string) => {
      const { verifier, challenge } = pkce();
      const back = await authorize(sandbox, authParams(sandbox, challenge, { launch: `launch-${patient}`, scope: reads }));
      return ((await (await token(sandbox, back.searchParams.get('code') ?? '', verifier)).json()) as TokenResponse).access_token;
    };
    const forbidden = await tokenFor('fault-forbidden');
    expect((await fhir(sandbox, 'MedicationRequest?patient=fault-forbidden', forbidden)).status).toBe(403);
    expect((await fhir(sandbox, 'MedicationStatement?patient=fault-forbidden', forbidden)).status).toBe(403);
    expect((await fhir(sandbox, 'Condition?patient=fault-forbidden', forbidden)).status).toBe(200);

    const missing = await tokenFor('fault-missing');
    expect((await fhir(sandbox, 'Patient/fault-missing', missing)).status).toBe(404);

    const malformed = await tokenFor('fault-malformed');
    const observations = (await (await fhir(sandbox, 'Observation?patient=fault-malformed', malformed)).json()) as {
      entry: { resource: { code?: unknown; valueQuantity?: { value?: unknown } } }[];
    };
    // Both coded (the app searches by code), one with a string where a number belongs.
    expect(observations.entry.map((e) => [typeof e.resource.valueQuantity?.value, e.resource.code !== undefined])).toEqual([
      ['number', true],
      ['string', true],
    ]);

    // A fault never reaches the other patients.
    expect((await fhir(sandbox, `MedicationRequest?patient=${PATIENT}`, await tokenFor(PATIENT))).status).toBe(200);
  });

  it('refuses a code exchanged with the wrong code_verifier', async () => {
    const { challenge } = pkce();
    const back = await authorize(sandbox, authParams(sandbox, challenge, { launch: `launch-${PATIENT}` }));
    const res = await token(sandbox, back.searchParams.get('code') ?? '', pkce().verifier);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('with consent prompted, Deny sends the app back with access_denied and its state', async () => {
    const { challenge } = pkce();
    const params = authParams(prompting, challenge, { launch: `launch-${PATIENT}` });
    const pages: string[] = [];
    const back = await authorize(prompting, params, (html) => {
      pages.push(html);
      const deny = /action="([^"]*\/deny)"/.exec(html);
      return deny?.[1] ? { url: deny[1], body: '' } : undefined;
    });
    expect(pages[0]).toContain('Allow');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe(params.state);
    expect(back.searchParams.has('code')).toBe(false);
  });

  it('a standalone launch shows a patient picker and gives the chosen patient', async () => {
    const { verifier, challenge } = pkce();
    const params = authParams(sandbox, challenge, {
      scope: 'openid fhirUser launch/patient patient/Patient.read patient/MedicationStatement.rs',
    });
    // A fresh browser (no session yet) is asked once: the sign-in and the consent that follow the
    // pick are one authorization, not a new picker each.
    let pickers = 0;
    const back = await authorize(sandbox, params, (html) => {
      const form = /<form method="post" action="([^"]+)">/.exec(html);
      expect(html).toContain('Fault: malformed observation');
      pickers += 1;
      return form?.[1] ? { url: form[1], body: 'patient=fault-oversized' } : undefined;
    });
    expect(pickers).toBe(1);
    const tokens = (await (await token(sandbox, back.searchParams.get('code') ?? '', verifier)).json()) as TokenResponse;
    expect(tokens.patient).toBe('fault-oversized');
    const statements = await fhir(sandbox, 'MedicationStatement?patient=fault-oversized', tokens.access_token);
    expect(statements.status).toBe(200);
    expect((await statements.arrayBuffer()).byteLength).toBeGreaterThan(3 * 1024 * 1024);
  });
});
