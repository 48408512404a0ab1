/** Where the run stands: the backend, the progress bar, the latest epoch's figures; and how a network is named. */
export default {
  phases: {
    'loading-data': 'Loading MNIST…',
    compiling: 'Preparing the GPU…',
    training: 'Training',
    paused: 'Paused',
    evaluating: 'Evaluating…',
    testing: 'Evaluating on the test set…',
    done: 'Done',
  },
  interrupted: 'Interrupted',
  backend: 'Backend:',
  stopping: 'Stopping the previous run…',
  /** {{network}} is network_*; the numbers are already formatted. */
  intro:
    'Press Train to start. The preset is the ANN_MNIST notebook: {{network}}, SGD with learning rate {{learningRate}} and momentum {{momentum}}, batch {{batch}}.',
  /** A network: {{layers}} its widths ("784 → 128 → 64 → 10"), {{params}} its parameter count, formatted. */
  network_one: '{{layers}} · {{params}} parameter',
  network_other: '{{layers}} · {{params}} parameters',
  progressName: 'Training progress',
  epochOf: 'Epoch {{epoch}} of {{epochs}}',
  epochBatch: 'Epoch {{epoch}} of {{epochs}} · batch {{batch}} of {{batches}}',
  /** The progress bar's value as read out: {{percent}} is formatted ("42.5%"). */
  progressValue: '{{percent}} · {{where}}',
  speed: '{{rate}} samples/s',
  finished: 'finished',
  eta: 'about {{duration}} left',
  images: '{{train}} training / {{validation}} validation images',
  epochSummary: 'Epoch {{epoch}}/{{epochs}} · train loss {{trainLoss}} · validation loss {{validationLoss}} · validation accuracy {{accuracy}}',
  testSummary_one: 'Test accuracy {{accuracy}} · test loss {{loss}} on the official {{n}} test image',
  testSummary_other: 'Test accuracy {{accuracy}} · test loss {{loss}} on the official {{n}} test images',
} as const;
