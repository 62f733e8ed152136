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
import ErrorPage from '../app/error';
import GlobalError from '../app/global-error';
import { STORAGE_KEY } from '../machines/persistence';

const fakeError = Object.assign(new Error('boom: answers could not be read'), { digest: 'abc123' });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  window.sessionStorage.clear();
});

describe('the page error boundary (app/error.tsx)', () => {
  test('says that something went wrong on this page, as an alert', () => {
    render(<ErrorPage error={fakeError} reset={() => {}} />);
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/something went wrong/i);
  });

  test('says that nothing entered was sent anywhere', () => {
    render(<ErrorPage error={fakeError} reset={() => {}} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing you entered was sent anywhere.');
  });

  test('does not show the error message or its digest to the clinician', () => {
    render(<ErrorPage error={fakeError} reset={() => {}} />);
    expect(document.body).not.toHaveTextContent('boom');
    expect(document.body).not.toHaveTextContent('abc123');
  });

  test('"Try again" calls reset once', async () => {
    const reset = vi.fn();
    render(<ErrorPage error={fakeError} reset={reset} />);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(reset).toHaveBeenCalledTimes(1);
  });

  test('"Start again" clears this tab’s saved answers and reloads the start page', async () => {
    window.sessionStorage.setItem(STORAGE_KEY, '{"contentVersion":"x"}');
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    const reset = vi.fn();
    render(<ErrorPage error={fakeError} reset={reset} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start again' }));
    expect(window.sessionStorage.getItem(STORAGE_KEY)).toBeNull();
    expect(assign).toHaveBeenCalledWith('/');
    expect(reset).not.toHaveBeenCalled();
  });

  test('"Start again" still goes to the start page when storage is unavailable', async () => {
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    render(<ErrorPage error={fakeError} reset={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start again' }));
    expect(assign).toHaveBeenCalledWith('/');
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
