/** The learning-rate range test panel. */
export default {
  heading: 'Find a learning rate',
  run: 'Run the range test',
  stop: 'Stop the range test',
  explain:
    'The range test trains from the same starting weights while the learning rate grows from 10⁻⁶ to 10, one batch at a time. Too small and the loss does not move; in the right range it falls fast; too large and it explodes. A good learning rate sits where the loss is still falling steeply, before the bottom. Your trained model is not touched.',
  /** The chart's accessible name; the e2e tests read its count. */
  name_one: 'Range test: loss against learning rate, {{n}} point',
  name_other: 'Range test: loss against learning rate, {{n}} points',
  lrAxis: 'Learning rate (log scale)',
  lossAxis: 'Smoothed loss',
  series: 'Smoothed loss',
  tooltipLr: 'lr {{value}}',
  suggestedMark: 'suggested',
  steepestMark: 'steepest',
  sweeping: 'Sweeping… {{n}} of up to {{max}} batches',
  suggestion: "Suggested learning rate: <b>{{valley}}</b> (valley rule, fast.ai's default) · steepest descent at {{steepest}}. ",
  use: 'Use this learning rate',
  /** The chart's numbers for a screen reader: the smoothed loss near each power of ten. */
  table: {
    caption: 'Smoothed loss at each power of ten of the learning rate',
    learningRate: 'Learning rate',
    loss: 'Smoothed loss',
  },
} as const;
