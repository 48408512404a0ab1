/** The evaluation panels: which evaluation, accuracy, per-digit accuracy, ROC curves, confusion matrix and its gallery. */
export default {
  notYet: 'Appears after the first epoch.',
  /** Which evaluation a panel shows. */
  shown: {
    test: 'Test set (final)',
    validation: 'Validation',
    validationEpoch: 'Validation, epoch {{epoch}}',
  },
  /** The sets, inside a sentence ("1,000 validation images"). */
  sets: { test: 'test', validation: 'validation' },
  /** An AUC that has no value (no images of the digit, or a diverged run). */
  aucUndefined: 'undefined',
  switch: {
    legend: 'Evaluation shown below',
    validation: 'Latest validation epoch',
    test: 'Test set',
    testHint: 'available when a run ends',
  },
  accuracy: {
    heading: 'Accuracy',
    explain:
      'Accuracy is the share of images whose most probable digit is the right one. The validation images check progress after every epoch; the test images are kept apart and used once, at the end, for an honest final score.',
    /** The chart's accessible name, with every number it shows: {{points}} joins pointEpoch and pointTest. */
    name: 'Validation accuracy by epoch: {{points}}',
    pointEpoch: 'epoch {{epoch}} {{accuracy}}',
    pointTest: 'test {{accuracy}}',
    epochAxis: 'Epoch',
    accuracyAxis: 'Accuracy (%)',
    tooltipEpoch: 'epoch {{epoch}}',
    validationSeries: 'Validation accuracy (per epoch)',
    testSeries: 'Test accuracy (final): {{accuracy}}',
    testMark: 'test',
  },
  perClass: {
    heading: 'Accuracy by digit',
    digit: 'Digit',
    accuracy: 'Accuracy',
    correct: 'Correct',
    noImages: 'no images',
    lowest: 'lowest',
    correctOf: '{{correct}} of {{total}}',
    explain:
      'Of all the images of a digit, the share the network got right (its recall). A digit well below the others is one the network mixes up: find its row in the confusion matrix to see with what.',
  },
  roc: {
    heading: 'ROC curves',
    logAxis: 'Logarithmic false-positive axis',
    explain:
      "Each curve pits one digit against the other nine: the share of that digit's images the network finds (true-positive rate) against the share of other images it wrongly takes for it (false-positive rate), as its confidence threshold is lowered. AUC is the area under the curve, 1 for perfect and 0.5 for guessing (the dashed line); on MNIST all ten hug the top-left corner, so the logarithmic axis spreads out the small false-positive rates where the digits differ.",
    noCurves: "No ROC curves for this evaluation: the network's outputs were not numbers (the run diverged).",
    /** The chart's accessible name: which digits are drawn, and the x axis's scale. */
    name: 'ROC chart of digits {{digits}}; {{scale}} x scale',
    noneShown: '(none shown)',
    scaleLog: 'log',
    scaleLinear: 'linear',
    fprAxis: 'False-positive rate',
    fprAxisLog: 'False-positive rate (log scale)',
    tprAxis: 'True-positive rate',
    chance: 'Chance',
    digit: 'Digit {{digit}}',
    logNote: 'A logarithmic axis has no 0, so points with no false positives (a rate of 0) are drawn at {{floor}}, on the left edge.',
    legendHint: 'Press a digit to hide or show its curve.',
    legendName: 'AUC by digit',
    legendEntry: 'Digit {{digit}}: AUC {{auc}}',
    macro: 'Macro AUC {{auc}}',
    /** The curves' numbers for a screen reader: each digit's AUC and the share of its images found at a few false-positive rates. */
    table: {
      caption: 'ROC curves by digit: AUC, and the true-positive rate reached at each false-positive rate',
      digit: 'Digit',
      auc: 'AUC',
      tprAt: 'True-positive rate at {{fpr}} false positives',
    },
  },
  confusion: {
    heading: 'Confusion matrix',
    modeLegend: 'Confusion matrix values',
    counts: 'Counts',
    recall: 'Row-normalised (recall)',
    explain:
      'Each row holds the images of one true digit, split by what the network predicted: the blue diagonal counts the right answers, every orange cell off it a kind of mistake (row 4, column 9: fours taken for nines). Press a mistake to see its images.',
    /** The table's caption: "1,000 validation images · Validation, epoch 3". */
    caption_one: '{{n}} {{set}} image · {{shown}}',
    caption_other: '{{n}} {{set}} images · {{shown}}',
    rowShare: ' · % of each row',
    predicted: 'Predicted digit',
    true: 'True digit',
    /** A cell's accessible name; {{images}} is images_*. */
    cell: '{{digit}} predicted as {{predicted}}: {{images}}',
    cellShare: '{{digit}} predicted as {{predicted}}: {{images}} ({{share}} of the {{digit}}s)',
    showThem: '{{cell}}: show them',
    images_one: '{{n}} image',
    images_other: '{{n}} images',
    scales: 'Colour scales',
    correctScale: 'Correct (diagonal)',
    mistakeScale: 'Mistakes (off the diagonal)',
  },
  gallery: {
    title: {
      test: 'Test images of {{digit}} predicted as {{predicted}}',
      validation: 'Validation images of {{digit}} predicted as {{predicted}}',
    },
    close: 'Close',
    loading: 'Loading…',
    showing: 'Showing {{shown}} of {{images}}',
    confidentFirst: ', the most confident predictions first',
    under: '. Under each image: the probability the network gave {{predicted}}.',
    underMistake: '. Under each image: the probability the network gave {{predicted}}, then {{digit}}.',
    empty: 'This cell has no images in the latest evaluation.',
    image: 'Image {{index}}: {{predicted}} at {{pPredicted}}, {{digit}} at {{pTrue}}',
  },
} as const;
