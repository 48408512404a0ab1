/** Words many parts of the page share: number formats, units, "not available", the language switcher. */
export default {
  notAvailable: 'not available',
  /** A percentage: {{value}} is already formatted ("93.1"). */
  percent: '{{value}}%',
  seconds: '{{value}} s',
  minutesSeconds: '{{m}} min {{s}} s',
  hoursMinutes: '{{h}} h {{m}} min',
  thousands: '{{value}}k',
  withReason: '{{lead}}: {{reason}}.',
  sentence: '{{lead}}.',
  /** Joins a list: "a, b and c". */
  listAnd: '{{items}} and {{last}}',
  language: 'Language',
} as const;
