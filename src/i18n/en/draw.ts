/** "Draw a digit": the pad, what the network sees, and its answer. */
export default {
  heading: 'Draw a digit',
  why: 'The network has only seen MNIST digits, each cropped, scaled to fit a 20×20 box and centred by its mass in 28×28, so your drawing goes through the same steps first; without them a digit drawn small or off-centre looks like nothing it has learned.',
  pad: {
    /** The pad's accessible name: the one element so named (e2e finds it by this). */
    name: 'Draw a digit',
    hint: 'Draw with a mouse, finger or pen. On the pad, Backspace undoes the last stroke and Delete clears.',
    undo: 'Undo stroke',
    clear: 'Clear',
  },
  preview: {
    input: 'The 28×28 image the network receives',
    caption: 'What the network sees (28×28)',
    showSteps: 'Show preprocessing steps',
    steps: 'Preprocessing steps',
    drawFirst: 'Draw something to see the steps.',
    drawn: '1. What you drew',
    drawnImage: 'Your strokes as a {{size}}×{{size}} image',
    cropped: '2. Cropped to the ink',
    croppedImage: "The ink's bounding box, {{w}}×{{h}}",
    scaled: '3. Scaled to fit 20×20 (aspect kept)',
    scaledImage: 'Scaled to fit a 20×20 box',
    centred: '4. Centred by mass in 28×28',
    centredImage: 'Centred by mass in 28×28',
  },
  bars: {
    invite: 'Draw a digit to see what the network thinks.',
    noModel: 'There is no network to ask yet: train one, or load a saved model.',
    predicting: 'Predicting…',
    /** The answer: {{percent}} is formatted ("93%"). */
    prediction: 'Prediction: {{digit}} ({{percent}})',
    name: 'Probabilities by digit',
    /** One bar as a screen reader reads it. */
    bar: '{{digit}}: {{percent}}',
  },
} as const;
