/**
 * The deployment's electronic records (ehr.config.json), read at build and checked here, once, for
 * the pages (which record a launch may come from) and the build (scripts/security-headers.mjs puts
 * their origins in connect-src). A record is trusted by its FHIR server's origin and any other
 * origin it names (an authorization server elsewhere); nothing else can be reached.
 */
import config from '../ehr.config.json';

export type TTrustedRecord = { name: string; fhirBaseUrl: string; origins: string[] };

export type TDeployment = {
  clientId: string;
  /** Whether the app asks for write access to QuestionnaireResponse and offers "Save to the record". */
  saveBack: boolean;
  records: TTrustedRecord[];
};

/** An origin as the browser writes it (`https://ehr.example`, `http://127.0.0.1:4010`), or null. */
export function originOf(address: string): string | null {
  try {
    const url = new URL(address);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The configuration file, checked: a malformed entry fails the build, never a launch. */
export function readDeployment(raw: unknown): TDeployment {
  const fail = (why: string): never => {
    throw new Error(`ehr.config.json: ${why}`);
  };
  if (typeof raw !== 'object' || raw === null) return fail('not an object');
  const { clientId, saveBack, records } = raw as Record<string, unknown>;
  if (typeof clientId !== 'string' || clientId === '') fail('"clientId" must be a non-empty string');
  if (typeof saveBack !== 'boolean') fail('"saveBack" must be true or false');
  if (!Array.isArray(records)) return fail('"records" must be a list');
  return {
    clientId: clientId as string,
    saveBack: saveBack as boolean,
    records: records.map((r: unknown, i) => {
      const { name, fhirBaseUrl, otherOrigins = [] } = (r ?? {}) as Record<string, unknown>;
      if (typeof name !== 'string' || name === '') fail(`records[${i}].name must be a non-empty string`);
      const base = typeof fhirBaseUrl === 'string' ? originOf(fhirBaseUrl) : null;
      if (!base) fail(`records[${i}].fhirBaseUrl must be an http(s) address`);
      if (!Array.isArray(otherOrigins)) fail(`records[${i}].otherOrigins must be a list`);
      const others = (otherOrigins as unknown[]).map((o) => {
        const origin = typeof o === 'string' ? originOf(o) : null;
        if (!origin || origin !== o) fail(`records[${i}].otherOrigins: "${String(o)}" is not an origin (scheme://host[:port])`);
        return origin as string;
      });
      return { name: name as string, fhirBaseUrl: fhirBase(fhirBaseUrl as string), origins: [...new Set([base as string, ...others])] };
    }),
  };
}

export const deployment: TDeployment = readDeployment(config);

/** Every origin any page may connect to besides its own. */
export const trustedOrigins = (d: TDeployment = deployment): string[] => [...new Set(d.records.flatMap((r) => r.origins))];

/**
 * The trusted record a launch's `iss` names: its FHIR base must be one listed (compared without a
 * trailing slash), not merely on a listed origin.
 */
/** A FHIR base address without its trailing slashes, as records are compared and listed. */
export function fhirBase(url: string): string {
  return url.replace(/\/+$/, '');
}

export function trustedRecordOf(iss: string, d: TDeployment = deployment): TTrustedRecord | null {
  const base = fhirBase(iss);
  return d.records.find((r) => r.fhirBaseUrl === base) ?? null;
}
