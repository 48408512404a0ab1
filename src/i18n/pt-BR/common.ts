import type en from '../en/common.ts';
import type { Localised } from '../localised.ts';

const common: Localised<typeof en> = {
  notAvailable: 'indisponível',
  percent: '{{value}} %',
  seconds: '{{value}} s',
  minutesSeconds: '{{m}} min {{s}} s',
  hoursMinutes: '{{h}} h {{m}} min',
  thousands: '{{value}} mil',
  withReason: '{{lead}}: {{reason}}.',
  sentence: '{{lead}}.',
  listAnd: '{{items}} e {{last}}',
  language: 'Idioma',
};
export default common;
