/** A network as the page names it, in the page's language: "784 → 128 → 64 → 10 · 109,386 parameters". */
import { i18n } from '../i18n/index.ts';
import type { Architecture } from '../model/architecture.ts';
import { describe, paramCount } from '../model/architecture.ts';
import { count } from './format.ts';

export function networkText(arch: Architecture): string {
  const n = paramCount(arch);
  return i18n.t('models.network', { sizes: describe(arch), count: n, n: count(n) });
}
