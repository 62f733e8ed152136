'use client';

/**
 * Offline after one visit: registers the service worker (out/sw.js, built by scripts/postbuild.mjs;
 * production builds only). When a new version has been published, it waits; this notice says so and
 * reloads into it when the clinician chooses. Saved answers then follow the usual rules: kept if the
 * questionnaire version is the same, otherwise discarded with a message.
 */
import { useEffect, useState } from 'react';

export function ServiceWorkerUpdate() {
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);

  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    const sw = navigator.serviceWorker;
    let registration: ServiceWorkerRegistration | undefined;
    const offerIfWaiting = (worker: ServiceWorker | null) => {
      // No controller: this is the first install, not an update.
      if (worker?.state === 'installed' && sw.controller) setWaiting(worker);
    };
    const checkForUpdate = () => {
      if (document.visibilityState === 'visible') registration?.update().catch(() => {});
    };
    const register = () => {
      sw.register('/sw.js')
        .then((reg) => {
          registration = reg;
          offerIfWaiting(reg.waiting);
          reg.addEventListener('updatefound', () => {
            const next = reg.installing;
            next?.addEventListener('statechange', () => offerIfWaiting(next));
          });
        })
        .catch(() => {
          // No offline copy (private window, blocked storage): the app still works online.
        });
    };
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
    document.addEventListener('visibilitychange', checkForUpdate);
    return () => {
      window.removeEventListener('load', register);
      document.removeEventListener('visibilitychange', checkForUpdate);
    };
  }, []);

  if (!waiting) return null;
  return (
    <div className="panel panel--info" role="status">
      <p>
        A new version of Myoclonus Navigator has been published. Reload to use it: answers saved in this tab are kept
        if the questionnaire itself has not changed.
      </p>
      <button
        type="button"
        className="button"
        onClick={() => {
          navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
          waiting.postMessage({ type: 'SKIP_WAITING' });
        }}
      >
        Reload to update
      </button>
    </div>
  );
}
