/** Present mode: the one-screen dashboard for a projector, and its way in and out. */
export default {
  button: 'Present',
  buttonHint: 'One screen for a projector (P); Esc or this button leaves it',
  /** Where the settings present mode leaves out (all but learning rate, momentum and epochs) are folded. */
  moreSettings: 'More settings',
} as const;
