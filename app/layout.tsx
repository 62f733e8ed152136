import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ServiceWorkerUpdate } from '@/components/sw-update';
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
        <header className="header">
          <div className="header__inner">
            <Link className="header__service" href="/" prefetch={false}>
              Myoclonus Navigator
            </Link>
            <nav aria-label="Site">
              <Link href="/sources" prefetch={false}>
                Method<span className="header__long"> and sources</span>
              </Link>
            </nav>
          </div>
        </header>
        <div className="banner" role="region" aria-label="Disclaimer">
          <p className="banner__inner">
            <strong>Not medical advice.</strong> {content.disclaimers.banner}
          </p>
        </div>
        <main id="main" className="main" tabIndex={-1}>
          <ServiceWorkerUpdate />
          {children}
        </main>
        <footer className="footer">
          <div className="footer__inner">
            <p>
              Content version {content.version}, reviewed {content.reviewedOn}. {content.reviewStatus}
            </p>
            <p>{content.disclaimers.privacy}</p>
            <nav aria-label="Footer">
              <Link href="/sources" prefetch={false}>
                Method, sources and limitations
              </Link>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
