'use client';

import type { TAssessment } from '@/machines/assess';

/** Exports of the result: PDF recap, FHIR QuestionnaireResponse, print. Filled in by the export work. */
export function ExportPanel({ assessment }: { assessment: TAssessment }) {
  void assessment;
  return (
    <section aria-labelledby="export-title" className="no-print">
      <h2 id="export-title">Save or print</h2>
      <div className="button-group">
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          Print this page
        </button>
      </div>
    </section>
  );
}
