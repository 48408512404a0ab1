/** The page address as a link: Copy link, and the notices about what an address asked for in vain (app/link/). */
export default {
  copy: 'Copy link',
  copied: 'Link copied',
  copyFailed: 'The browser did not let the page copy. The link is selected here: copy it with Ctrl+C (⌘C on a Mac).',
  field: 'Link to this configuration',
  notices: {
    label: 'Options in the page address',
    dismiss: 'Dismiss',
    /** {{option}} is the option as the address wrote it, "backend=foo"; {{why}} is one or two sentences. */
    ignored: 'Ignored {{option}}: {{why}}',
    unknown: 'This page has no option “{{name}}”. Its options are {{names}}.',
    repeated: '“{{name}}” is given more than once: the first one is used.',
    /** {{problem}}: the setting's own message, as the form gives it. */
    setting: '{{problem}} Using {{used}}.',
    decimalPoint: 'A link writes decimals with a point: {{value}}.',
    choice: 'Use {{choices}}.',
    range: 'Use a whole number from {{min}} to {{max}}.',
    flag: 'Use 1 (on) or 0 (off).',
    hideName: 'Ignored “{{name}}” in {{option}}: it is neither a panel ({{panels}}) nor a setting ({{settings}}).',
    raceList: '{{problem}} Using {{used}}.',
    or: '{{items}} or {{last}}',
    used: {
      backend: 'The page picks the fastest engine itself.',
      threads: 'A comparison trains on the threads the page picks.',
      lang: 'The page is in English.',
      trainLimit: 'Training uses every training image the settings ask for.',
      validation_one: '{{formatted}} image is held out for validation.',
      validation_other: '{{formatted}} images are held out for validation.',
      present: 'Present mode stays off.',
      faults: 'The fault hook stays off.',
      racemom: 'Every run uses the settings’ momentum.',
    },
  },
  values: {
    on: 'on',
    off: 'off',
    noLayers: 'no hidden layer',
  },
} as const;
