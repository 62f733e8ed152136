// @vitest-environment jsdom
/**
 * The notice a clinician sees when a new version has been published while the app is open (or was
 * installed offline): it says so and reloads into it only when asked. A first install says nothing.
 */
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ServiceWorkerUpdate } from './sw-update';

type TFakeWorker = EventTarget & { state: string; postMessage: ReturnType<typeof vi.fn> };

function fakeWorker(state: string): TFakeWorker {
  return Object.assign(new EventTarget(), { state, postMessage: vi.fn() });
}

/** A browser with a service worker registration: `controller` set once a version controls the page. */
function fakeBrowser({ controlled, waiting }: { controlled: boolean; waiting: TFakeWorker | null }) {
  const registration = Object.assign(new EventTarget(), { waiting, installing: null as TFakeWorker | null, update: vi.fn(() => Promise.resolve()) });
  const container = Object.assign(new EventTarget(), {
    controller: controlled ? fakeWorker('activated') : null,
    register: vi.fn(() => Promise.resolve(registration)),
  });
  Object.defineProperty(navigator, 'serviceWorker', { value: container, configurable: true });
  return { registration, container };
}

beforeEach(() => {
  vi.stubEnv('NODE_ENV', 'production');
});

afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
  Reflect.deleteProperty(navigator, 'serviceWorker');
});

const notice = () => screen.queryByRole('status');

describe('the new-version notice', () => {
  test('registers the service worker and says nothing on a first install', async () => {
    const { container } = fakeBrowser({ controlled: false, waiting: null });
    render(<ServiceWorkerUpdate />);
    await act(async () => {});
    expect(container.register).toHaveBeenCalledWith('/sw.js');
    expect(notice()).not.toBeInTheDocument();
  });

  test('says a new version is waiting and, when asked, lets it take over', async () => {
    const waiting = fakeWorker('installed');
    fakeBrowser({ controlled: true, waiting });
    render(<ServiceWorkerUpdate />);
    expect(await screen.findByRole('status')).toHaveTextContent('A new version of Myoclonus Navigator has been published');
    expect(waiting.postMessage).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Reload to update' }));
    expect(waiting.postMessage).toHaveBeenCalledWith({ type: 'SKIP_WAITING' });
  });

  test('says so when a new version finishes installing while the page is open', async () => {
    const { registration } = fakeBrowser({ controlled: true, waiting: null });
    render(<ServiceWorkerUpdate />);
    await act(async () => {});
    expect(notice()).not.toBeInTheDocument();
    const next = fakeWorker('installing');
    registration.installing = next;
    act(() => {
      registration.dispatchEvent(new Event('updatefound'));
      next.state = 'installed';
      next.dispatchEvent(new Event('statechange'));
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Reload to use it');
  });
});
