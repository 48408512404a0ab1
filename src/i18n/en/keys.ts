/** Keyboard shortcuts, their help dialog, and the drawing pad's keyboard alternatives. */
export default {
  helpButton: 'Keyboard shortcuts',
  help: {
    title: 'Keyboard shortcuts',
    intro: 'These keys work anywhere on the page except while you type in a field.',
    close: 'Close',
    keyColumn: 'Key',
    actionColumn: 'What it does',
  },
  /** Key names as printed on the keys. */
  keyNames: {
    space: 'Space',
    escape: 'Esc',
  },
  actions: {
    trainPause: 'Train, Pause or Resume',
    stop: 'Stop the run (outside present mode)',
    leavePresent: 'Leave present mode',
    reset: 'Reset: drop the trained network',
    clearPad: 'Clear the drawing pad',
    focusLearningRate: 'Go to the learning rate',
    present: 'Present mode on or off',
    help: 'This list of shortcuts',
  },
  samples: {
    legend: 'Load a sample',
    hint: 'A handwritten digit from the MNIST test set; press again for another one.',
    button: 'Load a sample {{digit}}',
    loading: 'The sample digits are still loading; try again in a moment.',
    unavailable: 'No sample digits: the MNIST files could not be loaded.',
    loaded: 'Sample {{digit}} loaded: test image {{index}}.',
  },
} as const;
