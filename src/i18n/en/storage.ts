/** What the page says when the browser's storage fails: what failed, why, and what still works (app/storage/failure.ts). */
export default {
  problem: '{{failed}}: {{cause}}. {{still}}',
  cause: {
    unavailable: 'this browser does not let the lab store anything (private mode, or storage turned off?)',
    quota: 'the browser’s storage for this site is full',
    other: 'the browser’s storage failed ({{detail}})',
    otherSilent: 'the browser’s storage failed without saying why',
  },
  failed: {
    'list-models': 'Saved models cannot be listed',
    'save-model': 'The model was not saved',
    'load-model': 'The saved model cannot be read',
    'delete-model': 'The saved model was not removed',
    'keep-upload': 'The uploaded model is in use, but it was not kept in this browser',
    'list-runs': 'The run history cannot be read',
    'read-runs': 'The runs cannot be read',
    'save-runs': 'The runs were not kept in the history',
    'import-runs': 'The runs were not imported',
    'rename-run': 'The run was not renamed',
    'delete-run': 'The run was not deleted',
  },
  modelsStill: {
    unavailable: 'You can still train, draw, and download the network as a file.',
    quota: 'Delete saved models or runs you no longer need, or download the network as a file.',
    other: 'Try again; you can still download the network as a file.',
  },
  runsStill: {
    unavailable: 'Runs still train and show their curves, but are not kept.',
    quota: 'Delete runs or saved models you no longer need; runs still train meanwhile.',
    other: 'Try again; runs still train meanwhile.',
  },
  modelsNotKept:
    'Saving is unavailable in this browser (private mode, or storage turned off?): models can still be trained, uploaded from a file and downloaded as a file, but are not kept here.',
  runsNotKept:
    'Runs are not being kept: this browser does not let the lab store anything (private mode, or storage turned off?). Runs still train and show their curves, but none is listed here.',
} as const;
