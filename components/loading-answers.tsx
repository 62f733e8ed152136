/**
 * Shown while this tab's saved answers are read: the page's heading, and a status line. The heading
 * is marked as a placeholder, so focus waits for the page's real heading.
 */
export function LoadingAnswers({ title }: { title: string }) {
  return (
    <>
      <h1 data-loading="">{title}</h1>
      <p role="status">Loading your answers from this tab…</p>
    </>
  );
}
