/**
 * `npm run ehr`: starts the sandbox record on loopback and prints one `launch:` address per seeded
 * patient. Development only. EHR_PORT (default 4010), APP_URL (default http://127.0.0.1:3000, what
 * `npm start` serves; several addresses separated by commas for the same app on several ports, the
 * launch addresses naming the first), EHR_CONSENT=prompt for a consent page with Allow and Deny.
 */
import { DEFAULT_APP_URL, DEFAULT_PORT, startSandbox } from './sandbox.ts';

async function main(): Promise<void> {
const started = performance.now();
const port = process.env.EHR_PORT ? Number(process.env.EHR_PORT) : DEFAULT_PORT;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`EHR_PORT must be a port number, not ${process.env.EHR_PORT}`);
  process.exit(2);
}
const consent = process.env.EHR_CONSENT === 'prompt' ? 'prompt' : 'auto';
const sandbox = await startSandbox({
  port,
  appUrl: process.env.APP_URL || DEFAULT_APP_URL,
  consent,
  log: process.env.EHR_QUIET ? undefined : (line) => console.error(`[ehr] ${line}`),
});

for (const launch of sandbox.launches) {
  console.log(`# ${launch.patient} — ${launch.name}`);
  console.log(`launch: ${launch.url}`);
}
console.log(`fhir: ${sandbox.fhirBase}`);
console.log(`standalone: ${sandbox.standaloneUrl}`);
console.log(
  `# sandbox record ready in ${Math.round(performance.now() - started)} ms; consent ${consent === 'prompt' ? 'asked (EHR_CONSENT=prompt)' : 'granted without a prompt'}; Ctrl-C stops it`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
}

main().catch((error: unknown) => {
  console.error(`The sandbox record did not start: ${(error as Error).message}`);
  process.exit(1);
});
