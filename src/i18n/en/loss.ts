/** The live loss chart and the line under it. */
export default {
  heading: 'Loss',
  logScale: 'Log-scale loss',
  /** The chart's accessible name; the e2e tests read its counts. */
  name: 'Loss curves: {{training}}, {{validation}}',
  nameWithMarkers: 'Loss curves: {{training}}, {{validation}}, {{markers}}',
  trainingPoints_one: '{{n}} training point',
  trainingPoints_other: '{{n}} training points',
  validationPoints_one: '{{n}} validation point',
  validationPoints_other: '{{n}} validation points',
  markers_one: '{{n}} learning-rate change',
  markers_other: '{{n}} learning-rate changes',
  epochAxis: 'Epoch',
  lossAxis: 'Loss (NLL, nats)',
  tooltipEpoch: 'epoch {{epoch}}',
  trainingSeries: 'Training loss (per batch group)',
  validationSeries: 'Validation loss (per epoch)',
  /** A marker where the learning rate (and momentum) changed during the run. */
  marker: 'lr {{learningRate}}',
  markerMomentum: 'lr {{learningRate}}, μ {{momentum}}',
  lowest: 'lowest validation loss (epoch {{epoch}})',
  /** The line under the chart: the latest epoch's losses and the gap between them, nats. */
  gap: 'Epoch {{epoch}}: training loss {{trainLoss}} · validation loss {{validationLoss}} · gap <b>{{gap}}</b> nats',
  gapLowest: ' · lowest validation loss {{loss}} at epoch {{epoch}}',
  overfitting: ': the network is fitting the training images, not digits (overfitting)',
  /** The chart's numbers as a table, for screen readers. */
  table: {
    caption: 'Loss by epoch (nats)',
    epoch: 'Epoch',
    training: 'Training loss (epoch mean)',
    validation: 'Validation loss',
    changes: 'Learning-rate changes',
    change: 'epoch {{epoch}}: {{what}}',
  },
} as const;
