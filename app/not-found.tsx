import Link from 'next/link';
import { FocusHeading } from '@/components/focus-heading';

export default function NotFound() {
  return (
    <>
      <FocusHeading>Page not found</FocusHeading>
      <p>If you typed the address, check it is correct. Your answers, if any, are still kept in this tab.</p>
      <p>
        <Link href="/" prefetch={false}>Go to the start page</Link>
      </p>
    </>
  );
}
