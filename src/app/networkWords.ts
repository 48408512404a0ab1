/**
 * How the page names a network, in its language: "784 → 128 → 64 → 10 ·
 * 109,386 parameters" / "… · 109.386 parâmetros". model/architecture.ts
 * gives the widths and the count; the words are the page's.
 */
import { type Architecture, describe, paramCount } from '../model/architecture.ts';
import { i18n } from '../i18n/index.ts';
import { count } from './format.ts';

export function networkText(arch: Architecture): string {
  const params = paramCount(arch);
  return i18n.t('status.network', { count: params, layers: describe(arch), params: count(params) });
}
