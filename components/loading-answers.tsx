/** Shown while this tab's saved answers are read: the page's heading, and a status line. */
export function LoadingAnswers({ title }: { title: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p role="status">Loading your answers from this tab…</p>
    </>
  );
}
