import { describe, expect, test } from 'vitest';
import config from '../ehr.config.json';
import { recordOrigins } from '../scripts/security-headers.mjs';
import { readDeployment, trustedOrigins, trustedRecordOf } from './deployment';

describe('the records a deployment trusts (ehr.config.json)', () => {
  test('the pages may connect to exactly the origins the configuration lists', () => {
    expect(recordOrigins()).toEqual(trustedOrigins(readDeployment(config)));
  });

  const d = readDeployment({
    clientId: 'c',
    saveBack: false,
    records: [{ name: 'Hospital', fhirBaseUrl: 'https://ehr.example/fhir/R4/', otherOrigins: ['https://login.example'] }],
  });

  test('a launch is trusted by its FHIR address, not merely its origin', () => {
    expect(trustedRecordOf('https://ehr.example/fhir/R4', d)?.name).toBe('Hospital');
    expect(trustedRecordOf('https://ehr.example/fhir/R4/', d)?.name).toBe('Hospital');
    expect(trustedRecordOf('https://ehr.example/other', d)).toBeNull();
    expect(trustedRecordOf('https://ehr.example.evil/fhir/R4', d)).toBeNull();
    expect(trustedOrigins(d)).toEqual(['https://ehr.example', 'https://login.example']);
  });

  test.for([
    [{ clientId: '', saveBack: true, records: [] }, /clientId/],
    [{ clientId: 'c', saveBack: 'yes', records: [] }, /saveBack/],
    [{ clientId: 'c', saveBack: true, records: [{ name: 'x', fhirBaseUrl: 'javascript:alert(1)' }] }, /fhirBaseUrl/],
    [{ clientId: 'c', saveBack: true, records: [{ name: 'x', fhirBaseUrl: 'https://a.example', otherOrigins: ['https://b.example/path'] }] }, /not an origin/],
  ] as const)('a malformed configuration fails the build: %j', ([raw, why]) => {
    expect(() => readDeployment(raw)).toThrow(why);
  });
});
