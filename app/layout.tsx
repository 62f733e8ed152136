import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { ServiceWorkerUpdate } from '@/components/shared/sw-update';
import { content } from '@/content';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Myoclonus Navigator', template: '%s — Myoclonus Navigator' },
  description: 'Educational decision support for clinicians classifying myoclonus. Not medical advice.',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
  manifest: '/manifest.webmanifest',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#005eb8' },
    { media: '(prefers-color-scheme: dark)', color: '#0b3d72' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        {/*
          Plain links in the shell, on purpose: it is on every page, and next/link would add 2.8 KiB
          (gzip) to every first load, a question page's included. Each page is static and cached by
          the service worker, and the questionnaire restores itself from the tab's storage on load.
        */}
        <header className="header">
          <div className="header__inner">
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
            <a className="header__service" href="/">
              Myoclonus Navigator
            </a>
            <nav aria-label="Site">
              <a href="/sources">
                Method<span className="header__long"> and sources</span>
              </a>
            </nav>
          </div>
        </header>
        {/* On a phone, after the start page, one line: "Not medical advice." and a link to the whole
            disclaimer (globals.css), so a question fits on the first screen. The start page and wider
            screens show it whole. */}
        <div className="banner" role="region" aria-label="Disclaimer">
          <p className="banner__inner">
            <strong>Not medical advice.</strong> <span className="banner__full">{content.disclaimers.banner}</span>
            <a className="banner__link" href="/sources#disclaimer">
              Read the disclaimer
            </a>
          </p>
        </div>
        <main id="main" className="main" tabIndex={-1}>
          <ServiceWorkerUpdate />
          {children}
        </main>
        <footer className="footer">
          <div className="footer__inner">
            <p>
              Content version {content.version}, last revised {content.revisedOn}. {content.status}
            </p>
            <p>{content.disclaimers.privacy}</p>
            <nav aria-label="Footer">
              <a href="/sources">
                Method, sources and limitations
              </a>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
