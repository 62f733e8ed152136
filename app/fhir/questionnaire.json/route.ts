/**
 * GET /fhir/questionnaire.json — the questionnaire as a FHIR R4 Questionnaire, generated from the
 * content at build time and served as a static file.
 */
import { content } from '@/content';
import { toQuestionnaire } from '@/machines/exchange/fhir';

export const dynamic = 'force-static';

export function GET(): Response {
  return new Response(`${JSON.stringify(toQuestionnaire(content), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/fhir+json; charset=utf-8' },
  });
}
