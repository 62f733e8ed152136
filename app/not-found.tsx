import Link from 'next/link';

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>If you typed the address, check it is correct. Your answers, if any, are still kept in this tab.</p>
      <p>
        <Link href="/" prefetch={false}>Go to the start page</Link>
      </p>
    </>
  );
}
