/** The settings form's frame and its buttons (each setting's own words are in settings.ts). */
export default {
  heading: 'Settings',
  network: 'Network:',
  liveNote: 'changes to the live settings apply from the next batch',
  train: 'Train',
  pause: 'Pause',
  resume: 'Resume',
  stop: 'Stop',
  reset: 'Reset',
  resetSettings: 'Reset to the notebook’s settings',
} as const;
