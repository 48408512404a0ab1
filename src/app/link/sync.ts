/**
 * The page address and the store, kept in step. At start the address sets
 * the lab up (settings, comparison, race lists, present mode, what is
 * hidden) and what it asked for in vain becomes notices; from then on,
 * every change to what a link carries rewrites the address with
 * history.replaceState, at most once a second (throttle.ts), so the address
 * bar is always a link to what the student sees. No router: the page has
 * one view, and the address only describes it.
 */
import { currentLanguage, i18n } from '../../i18n/index.ts';
import { RACE_PRESET } from '../components/race/parseRates.ts';
import { listText } from '../components/race/raceWords.ts';
import { readOptions } from '../format.ts';
import { readPageOptions, startingSettings } from '../pageOptions.ts';
import { type LabState, useLab } from '../store/index.ts';
import { DEFAULT_COMPARE } from '../store/draftsSlice.ts';
import { type LinkDefaults, type LinkState, readAddress, writeAddress } from './address.ts';
import { compareLines, raceFromForm, settingsFromForm } from './fromForm.ts';
import { throttle } from './throttle.ts';

/** Safari allows 100 replaceState calls in 30 s; one a second leaves room for anything else on the page. */
const ADDRESS_INTERVAL_MS = 1000;

/** The link as of the last change: a field that does not parse right now keeps its value from here (its settings and race lists), and the page options are read from it. */
let link: LinkState | null = null;
let defaults: LinkDefaults | null = null;

/** The link for the store as it is now (`previous` fills in what the student is halfway through typing). */
function linkOf(s: LabState, previous: LinkState): LinkState {
  const options = readOptions();
  return {
    settings: settingsFromForm(s.settingsText, options, previous.settings),
    compare: compareLines(s.compareText),
    race: raceFromForm(s.raceRatesText, s.raceMomentaText, options, previous.race),
    language: currentLanguage(),
    present: s.present,
    hidden: { panels: s.hiddenPanels, fields: s.hiddenFields },
    page: previous.page,
  };
}

/** The address's query for the lab as it is now ('' for the notebook's defaults). */
function currentSearch(): string {
  if (!link || !defaults) return location.search;
  link = linkOf(useLab.getState(), link);
  return writeAddress(link, defaults);
}

const addressOf = (search: string) => `${location.pathname}${search}${location.hash}`;

const writeAddressBar = throttle((search: string) => {
  if (search !== location.search) history.replaceState(history.state, '', addressOf(search));
}, ADDRESS_INTERVAL_MS);

/** A link to the lab as it is now, for Copy link; the address bar catches up at once. */
export function currentLink(): string {
  const search = currentSearch();
  writeAddressBar(search);
  writeAddressBar.flush();
  return `${location.origin}${addressOf(search)}`;
}

/** Reads the address into the store, then keeps the address up to date. Call once, before the first render. */
export function startAddressSync(): void {
  // A refused setting keeps the value the page starts with, which `trainLimit` may set: read the page options first.
  const base = startingSettings(readPageOptions(location.search));
  const read = readAddress(location.search, base);
  const s = useLab.getState();
  if (Object.keys(read.settings).length) s.applySettings({ ...base, ...read.settings });
  if (read.compare) s.setCompareText(read.compare.join('\n'));
  if (read.race.rates) s.setRaceRatesText(listText(read.race.rates));
  if (read.race.momenta) s.setRaceMomentaText(listText(read.race.momenta));
  if (read.present !== undefined) s.setPresent(read.present);
  s.setHidden(read.hidden.panels, read.hidden.fields);
  s.setLinkNotices(read.notices);

  defaults = { settings: base, compare: compareLines(DEFAULT_COMPARE), race: { rates: RACE_PRESET, momenta: [] }, language: 'en' };
  link = {
    settings: { ...base, ...read.settings },
    compare: [],
    race: { rates: read.race.rates ?? RACE_PRESET, momenta: read.race.momenta ?? [] },
    language: currentLanguage(),
    present: false,
    hidden: read.hidden,
    page: read.page,
  };

  const update = () => writeAddressBar(currentSearch());
  useLab.subscribe((now, before) => {
    if (
      now.settingsText !== before.settingsText ||
      now.compareText !== before.compareText ||
      now.raceRatesText !== before.raceRatesText ||
      now.raceMomentaText !== before.raceMomentaText ||
      now.present !== before.present ||
      now.hiddenPanels !== before.hiddenPanels ||
      now.hiddenFields !== before.hiddenFields
    )
      update();
  });
  i18n.on('languageChanged', update);
  // The address in its own words from the start: options it could not use are gone from it (the notices name them).
  update();
}
