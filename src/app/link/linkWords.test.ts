/** The address notices as the page words them (linkWords.ts), in English and Brazilian Portuguese. */
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/index.ts';
import { PRESET } from '../../shared/settings.ts';
import { readAddress } from './address.ts';
import { noticeText } from './linkWords.ts';

afterEach(() => void i18n.changeLanguage('en'));

const words = (search: string) => readAddress(search, PRESET).notices.map(noticeText);

describe('address notices', () => {
  it('name the option, say why, and say what was used instead', () => {
    expect(words('?backend=foo&lr=abc&validation=5&present=maybe')).toEqual([
      'Ignored backend=foo: Use simd, webgl, wasm or cpu. The page picks the fastest engine itself.',
      'Ignored lr=abc: The learning rate must be a number, like 0.01. Using 0.01.',
      'Ignored validation=5: Use a whole number from 100 to 30,000. 10,000 images are held out for validation.',
      'Ignored present=maybe: Use 1 (on) or 0 (off). Present mode stays off.',
    ]);
  });

  it('word the value kept as the form would: a choice by name, layers as a list', () => {
    expect(words('?opt=sgdd&layers=9999&nesterov=yes')).toEqual([
      'Ignored opt=sgdd: Choose one of: SGD (the notebook), Adam, AdamW (decoupled weight decay), RMSprop, Adagrad. Using SGD.',
      'Ignored layers=9999: A hidden layer has 1 to 1024 units (you wrote 9999). Using 128, 64.',
      'Ignored nesterov=yes: Nesterov momentum is on (true) or off (false). Using off.',
    ]);
  });

  it('tell a link’s decimal comma from the form’s: a link always writes a point', () => {
    expect(words('?lr=0,05')).toEqual(['Ignored lr=0,05: A link writes decimals with a point: 0.05. Using 0.01.']);
  });

  it('list the options an unknown one might have meant, and the names hide= knows', () => {
    const [unknown, hide] = words('?learning=0.1&hide=charts');
    expect(unknown).toMatch(
      /^Ignored learning=0\.1: This page has no option “learning”\. Its options are opt, lr, mom, .*, trainLimit, backend, threads, validation, faults\.$/,
    );
    expect(hide).toMatch(/^Ignored “charts” in hide: it is neither a panel \(settings, training, loss, .*\) nor a setting \(opt, lr, mom, .*\)\.$/);
  });

  it('word a refused race list with the race form’s own problem', () => {
    expect(words('?race=0.1')).toEqual(['Ignored race=0.1: A race needs at least 2 learning rates to compare; add another. Using 0.001, 0.01, 0.1, 1.']);
  });

  it('cut a long value short', () => {
    expect(words(`?foo=${'x'.repeat(100)}`)[0]).toContain(`foo=${'x'.repeat(40)}…:`);
  });

  it('read in Brazilian Portuguese, numbers with a decimal comma', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(words('?backend=foo&lr=abc&race=0.1')).toEqual([
      'backend=foo foi ignorado: Use simd, webgl, wasm ou cpu. A página escolhe sozinha o motor mais rápido.',
      'lr=abc foi ignorado: Taxa de aprendizado: digite um número, como 0,01. Valor usado: 0,01.',
      'race=0.1 foi ignorado: Uma corrida precisa de pelo menos 2 taxas de aprendizado para comparar; acrescente outra. Valores usados: 0,001; 0,01; 0,1; 1.',
    ]);
  });
});
