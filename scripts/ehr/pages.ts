/** The sandbox record's own pages: the patient picker (standalone launch) and the consent prompt. */

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} — sandbox record</title>
<style>
  body { font: 1.125rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 40rem; padding: 0 1rem; color: #111; }
  button { font: inherit; display: block; width: 100%; margin: 0.5rem 0; padding: 0.75rem 1rem; min-height: 44px;
    text-align: left; border: 2px solid #1f3a93; border-radius: 6px; background: #fff; color: #1f3a93; cursor: pointer; }
  button:focus-visible { outline: 3px solid #111; outline-offset: 2px; }
  button.primary { background: #1f3a93; color: #fff; }
  .note { color: #444; }
  /* Long scope names wrap on a 320 px phone instead of pushing the buttons aside. */
  code { overflow-wrap: anywhere; }
  ul { padding-left: 1.25rem; }
</style>
</head>
<body>
<main>
<p class="note">Sandbox record: synthetic patients only. For development and tests.</p>
${body}
</main>
</body>
</html>`;
}

export interface PatientChoice {
  id: string;
  name: string;
  birthDate?: string;
}

export function pickerPage(uid: string, patients: readonly PatientChoice[]): string {
  const buttons = patients
    .map(
      (p) =>
        `<button type="submit" name="patient" value="${escape(p.id)}">${escape(p.name)}${p.birthDate ? `, born ${escape(p.birthDate)}` : ''}</button>`,
    )
    .join('\n');
  return page(
    'Choose a patient',
    `<h1>Choose a patient</h1>
<form method="post" action="/interaction/${escape(uid)}/patient">
${buttons}
</form>`,
  );
}

export function consentPage(uid: string, patientName: string, scopes: readonly string[]): string {
  const items = scopes.map((s) => `<li><code>${escape(s)}</code></li>`).join('\n');
  return page(
    'Allow access',
    `<h1>Allow Myoclonus Navigator to use this record?</h1>
<p>Patient: <strong>${escape(patientName)}</strong></p>
<p>It asks for:</p>
<ul>
${items}
</ul>
<form method="post" action="/interaction/${escape(uid)}/allow">
<button type="submit" class="primary">Allow</button>
</form>
<form method="post" action="/interaction/${escape(uid)}/deny">
<button type="submit">Deny</button>
</form>`,
  );
}

export function errorPage(message: string): string {
  return page('Sign-in problem', `<h1>Sign-in problem</h1>\n<p>${escape(message)}</p>`);
}
