/** The page's frame: its tagline, the panels' names, and what a panel or a stored record that fails shows. */
export default {
  tagline: 'Watch a small network learn handwritten digits, and see what the learning rate changes.',
  /** Each panel's name, by its id in app/panels.ts (the backend line is a panel of its own). */
  panels: {
    offline: 'Offline',
    backend: 'Backend',
    settings: 'Settings',
    training: 'Training',
    loss: 'Loss',
    range: 'Find a learning rate',
    race: 'Race learning rates',
    history: 'Run history',
    evaluation: 'Evaluation',
    draw: 'Draw a digit',
    models: 'Saved models',
  },
  failure: {
    panel: 'This panel failed',
    rest: 'The rest of the page still works.',
    tryAgain: 'Try again',
    /** {{what}} is the item as its list names it: "The saved model 4". */
    item: '{{what}} cannot be shown',
    unexpected: 'an unexpected error',
  },
  /** Stored records that failed their schema; {{reason}} is the schema's own words. */
  damaged: {
    model: {
      list: 'Damaged saved models',
      nameless: 'A saved model',
      remove: 'Remove damaged {{name}}',
      removeNameless: 'Remove damaged saved model',
    },
    run: {
      list: 'Damaged runs',
      nameless: 'A run',
      remove: 'Remove damaged {{name}}',
      removeNameless: 'Remove damaged run',
    },
    named: '“{{name}}”',
    isDamaged: 'is damaged and cannot be used: {{reason}}.',
    removeButton: 'Remove',
  },
} as const;
