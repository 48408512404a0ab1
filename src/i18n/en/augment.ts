/** Augmentation beyond its settings' own words (settings.ts): the preview beside them, and how a run is named by its augmentation. */
export default {
  preview: {
    heading: 'What training sees',
    /** The grid's accessible name. */
    label: 'Augmentation preview',
    caption: 'The first 16 training images of epoch 1, as this run will see them: every change above redraws them.',
    image: 'Training image {{n}}: a {{digit}}',
    loading: 'Reading the training images…',
    failed: 'The training images could not be read, so there is nothing to preview yet.',
    invalid: 'Fix the settings marked above to see the preview.',
  },
  /** A run's name in a comparison, by what sets its augmentation apart. */
  names: {
    rotation: 'rotation ±{{value}}°',
    noRotation: 'no rotation',
    shift: 'shift ±{{value}} px',
    noShift: 'no shift',
    scale: 'scale ±{{value}}%',
    noScale: 'no scaling',
    alpha: 'elastic α = {{value}}',
    sigma: 'elastic σ = {{value}}',
  },
} as const;
