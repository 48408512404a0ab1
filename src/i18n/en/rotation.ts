/** "Accuracy by rotation" (its chart and table) and the drawing pad's "Try rotations". */
export default {
  heading: 'Accuracy by rotation',
  intro:
    'Test accuracy on the official test images turned by each angle. A network trained on upright digits reads tilted ones worse; training with rotation (Augmentation, in Settings) buys much of it back, for about a point upright.',
  chart_one: 'Accuracy by rotation chart: {{count}} line',
  chart_other: 'Accuracy by rotation chart: {{count}} lines',
  axisAngle: 'Rotation (degrees)',
  axisAccuracy: 'Test accuracy (%)',
  run: 'Run',
  angle: '{{value}}°',
  lines: {
    run: 'This run ({{what}})',
    noAugmentation: 'no augmentation',
    model: 'Model “{{name}}”',
    history: '{{name}} (history)',
  },
  measuring: 'Measuring accuracy by rotation (the test set turned seven ways)…',
  empty: 'Train a run, or load a saved model, to see how its accuracy holds up when the digits are turned. Tick runs in the history to compare them here.',
  measure: 'Measure accuracy by rotation',
  problems: {
    'no-model': 'There is no network to measure: train one, or load a saved model.',
    busy: 'The worker was busy; press the button again once training is done.',
    failed: 'Measuring failed; press the button to try again.',
  },
  try: {
    show: 'Try rotations',
    hide: 'Hide rotations',
    label: 'Your drawing, turned',
    image: 'Your drawing turned by {{angle}}°',
    answer: '{{digit}} ({{p}})',
    noModel: 'There is no network to ask yet: train one, or load a saved model.',
    empty: 'Draw a digit to see it turned.',
    waiting: 'Predicting…',
  },
} as const;
