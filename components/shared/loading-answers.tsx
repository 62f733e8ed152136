/**
 * Shown while this tab's saved answers are read: the page's heading, and a status line. The heading
 * is marked as a placeholder, so focus waits for the page's real heading.
 */
export function LoadingAnswers({ title, message = 'Loading your answers from this tab…' }: { title: string; message?: string }) {
  return (
    <>
      <h1 data-loading="">{title}</h1>
      <p role="status">{message}</p>
    </>
  );
}
