import { FocusHeading } from '@/components/shared/focus-heading';

export default function NotFound() {
  return (
    <>
      <FocusHeading>Page not found</FocusHeading>
      <p>If you typed the address, check it is correct. Your answers, if any, are still kept in this tab.</p>
      <p>
        {/* A plain link: this page is part of every page's first load (see app/layout.tsx). */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/">Go to the start page</a>
      </p>
    </>
  );
}
