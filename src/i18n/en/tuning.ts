/** The learning rate's slider, the schedule's preview and the line that states the optimizer's step size. */
export default {
  slider: 'Learning rate (log scale)',
  schedule: {
    /** The preview's accessible name; the numbers are formatted. */
    name: 'Learning rate over the run: from {{from}} to {{to}}',
    hint_one: 'Learning rate over {{n}} epoch (blue).',
    hint_other: 'Learning rate over {{n}} epochs (blue).',
    hintMomentum_one: 'Learning rate over {{n}} epoch (blue); momentum moves the other way (orange, dashed).',
    hintMomentum_other: 'Learning rate over {{n}} epochs (blue); momentum moves the other way (orange, dashed).',
    table: {
      caption: 'Learning rate at the start of each epoch',
      epoch: 'Epoch',
      learningRate: 'Learning rate',
      momentum: 'Momentum',
      /** The row after the last epoch's start: the run's last batch. */
      end: 'last batch',
    },
  },
  /** How big a step the chosen optimizer takes; the numbers are formatted. */
  step: {
    sgd: 'Effective step size lr / (1 − momentum) = {{step}}',
    nesterov: 'Effective step size lr / (1 − momentum) = {{step}} (Nesterov: the same long-run step, taken from a look-ahead)',
    adam: "Each weight moves about lr = {{lr}} per step, whatever the size of its gradient (Adam divides by the gradient's running RMS)",
    adamw: 'Each weight moves about lr = {{lr}} per step, and shrinks by lr · weight decay = {{decay}} of itself',
    rmspropMomentum: "Step per weight about lr / (1 − momentum) = {{step}}, in units of the gradient's running RMS",
    rmsprop: "Each weight moves about lr = {{lr}} per step, in units of its gradient's running RMS",
    adagrad: 'Steps start near lr = {{lr}} per weight and shrink as the squared gradients add up',
  },
} as const;
