/**
 * Registers the service worker that vite-plugin-pwa builds (sw.js: Workbox,
 * precaching the app shell, not the data) and reports how far it got. Only
 * in the production build: on the dev server it would keep modules that
 * change at every edit. A newer version waits (no skipWaiting) until the
 * person applies it: a reload in the middle of a training run would lose
 * the run.
 */
import { Workbox } from 'workbox-window';
import type { ShellState } from '../store/offlineSlice.ts';

export interface ShellReport {
  shell(state: ShellState): void;
  /** A newer version is installed and waits; `apply` activates it and reloads the page. */
  update(apply: () => void): void;
}

/**
 * `defer` decides when the registration itself happens (start.ts: once the
 * data has loaded); the dev server and a browser without service workers are
 * reported at once.
 */
export function registerServiceWorker(report: ShellReport, defer: (register: () => void) => void): void {
  if (!import.meta.env.PROD) {
    report.shell('dev');
    return;
  }
  if (!window.isSecureContext || !('serviceWorker' in navigator)) {
    report.shell('unsupported');
    return;
  }
  report.shell('installing');
  defer(() => install(report));
}

function install(report: ShellReport): void {
  // Relative to the page, like every other file of the build (base './'): the lab works from any folder.
  const wb = new Workbox(new URL('sw.js', document.baseURI).href);
  let ready = false;
  // Resolves once a service worker for this page is active: every precached file is in its cache.
  navigator.serviceWorker.ready.then(() => {
    ready = true;
    report.shell('ready');
  });
  wb.addEventListener('redundant', () => {
    if (!ready) report.shell('failed');
  });
  wb.addEventListener('waiting', () =>
    report.update(() => {
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    }),
  );
  // Once a version is active the shell is kept, whatever later goes wrong (an update check with no network).
  wb.register().catch(() => {
    if (!ready) report.shell('failed');
  });
}
