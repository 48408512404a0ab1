/**
 * Starts what makes the lab work offline: the service worker for the page,
 * once the data has loaded (afterData.ts says why), and, once the page and
 * the data are both kept, one request that the browser keep them. The data
 * itself is kept by the training worker (data/dataStore.ts), which reports
 * it as 'data-offline'.
 */
import { useLab } from '../store/index.ts';
import { afterDataSettles } from './afterData.ts';
import { askToKeep } from './persist.ts';
import { registerServiceWorker } from './serviceWorker.ts';
import { offlineStatus } from './status.ts';

/** The service worker is registered by then even if the worker never says how the data went. */
const REGISTER_AT_LATEST_MS = 15_000;

export function startOffline(): void {
  const { setOffline } = useLab.getState();
  registerServiceWorker({ shell: (shell) => setOffline({ shell }), update: (update) => setOffline({ update }) }, (register) =>
    afterDataSettles(useLab, register, REGISTER_AT_LATEST_MS),
  );
  let asked = false;
  const askOnce = (s: ReturnType<typeof useLab.getState>) => {
    if (asked || offlineStatus(s.offline) !== 'available') return;
    asked = true;
    void askToKeep(navigator.storage).then((persist) => setOffline({ persist }));
  };
  askOnce(useLab.getState());
  useLab.subscribe(askOnce);
}
