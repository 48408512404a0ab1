/** Whether the lab works with no network (app/offline/), by status code. */
export default {
  status: {
    available: 'Available offline: the lab and its data are kept in this browser.',
    preparing: 'Downloading the lab and its data for offline use…',
    'no-service-worker': 'Not available offline: this browser cannot keep the page (it needs https or localhost).',
    'shell-failed': 'Not available offline: the page could not be kept (a download failed). It tries again on the next visit.',
    'data-no-store': 'Not available offline: this browser cannot keep the training data (it needs https or localhost).',
    'data-store-failed': 'Not available offline: the browser did not allow the space for the training data (11 MB).',
    'data-load-failed': 'Not available offline: the training data did not load.',
  },
  /** Said after "Available offline…", once the browser has answered whether it keeps the site's storage. */
  persist: {
    granted: 'The browser keeps it until you remove it.',
    denied: 'The browser may remove it if space runs low.',
    unsupported: 'The browser may remove it if space runs low.',
  },
  updateReady: 'A new version of the lab is ready.',
  updateApply: 'Reload to update',
} as const;
