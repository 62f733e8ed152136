// @vitest-environment jsdom
/**
 * The error pages a clinician sees when something breaks: app/error.tsx (any page) and
 * app/global-error.tsx (the root layout itself). Each says what happened, that nothing was sent,
 * and offers a way on — never a blank screen.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, test, vi } from 'vitest';
import ErrorPage from '../../app/error';
import GlobalError from '../../app/global-error';
import { STORAGE_KEY } from '../../machines/exchange/persistence';

const fakeError = Object.assign(new Error('boom: answers could not be read'), { digest: 'abc123' });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  window.sessionStorage.clear();
});

describe('the page error boundary (app/error.tsx)', () => {
  test('says that something went wrong on this page, as an alert', () => {
    render(<ErrorPage />);
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/something went wrong/i);
  });

  test('says that nothing entered was sent anywhere', () => {
    render(<ErrorPage />);
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing you entered was sent anywhere, and your answers are still kept in this tab.');
  });

  test('"Try again" reloads the page (a re-render would not fetch again a part that failed to load)', async () => {
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    render(<ErrorPage />);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  test('offers no one-press way to clear the answers: no Start again, and a plain link to the start page (which has Start again with Undo)', () => {
    render(<ErrorPage />);
    expect(screen.queryByRole('button', { name: 'Start again' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to the start page' })).toHaveAttribute('href', '/');
  });

  test('keeps the saved answers, byte for byte, through showing the page and pressing every button on it', async () => {
    const saved = '{"contentVersion":"x","answers":{"G1":"positive_jerks"}}';
    window.sessionStorage.setItem(STORAGE_KEY, saved);
    vi.stubGlobal('location', { ...window.location, reload: vi.fn() });
    render(<ErrorPage />);
    for (const button of screen.getAllByRole('button')) await userEvent.click(button);
    expect(window.sessionStorage.getItem(STORAGE_KEY)).toBe(saved);
  });
});

describe('the root error boundary (app/global-error.tsx)', () => {
  // It renders its own <html> and <body>, which cannot be mounted inside a test container; the
  // server markup is what the browser receives, and its body is mounted to try the button.
  const markup = () => renderToStaticMarkup(<GlobalError error={fakeError} reset={() => {}} />);

  type TElement = ReactElement<{ children: ReactNode }>;
  function mountBody(reset: () => void) {
    const html = GlobalError({ error: fakeError, reset }) as TElement;
    const body = html.props.children as TElement;
    return render(<>{body.props.children}</>);
  }

  test('is a whole HTML document in British English', () => {
    expect(markup()).toMatch(/^<html lang="en-GB">(<head><\/head>)?<body>/);
  });

  test('says that something went wrong', () => {
    expect(markup()).toContain('<h1>Sorry, something went wrong</h1>');
  });

  test('says that nothing entered was sent anywhere', () => {
    expect(markup()).toContain('Nothing you entered was sent anywhere.');
  });

  test('keeps the "Not medical advice" line', () => {
    expect(markup()).toContain('<strong>Not medical advice.</strong>');
  });

  test('does not show the error message or its digest', () => {
    expect(markup()).not.toContain('boom');
    expect(markup()).not.toContain('abc123');
  });

  test('"Try again" calls reset once', async () => {
    const reset = vi.fn();
    mountBody(reset);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(reset).toHaveBeenCalledTimes(1);
  });

  test('offers a plain link back to the start page', () => {
    mountBody(() => {});
    expect(screen.getByRole('link', { name: 'Go to the start page' })).toHaveAttribute('href', '/');
  });
});
