/** The learning-rate race: its form, its problems. */
export default {
  form: {
    ratesLabel: 'Learning rates to race',
    preset: 'Preset: {{list}}',
    ratesHint:
      '{{min}} to {{max}} values, separated by commas or spaces. Epochs, batch size, seed, initial weights and schedule come from Settings; momentum too, unless given per run below.',
    momentaLabel: 'Momentum per run',
    momentaPlaceholder: 'Settings: {{value}}',
    momentaHint:
      'Optional. Empty: every run uses Settings’ momentum. One value: that momentum for every run. Otherwise one value per learning rate, in the same order; a learning rate may then race twice with two momenta (0.01 with 0 and with 0.9 shows what momentum adds).',
    start: 'Start race',
    fixSettings: 'Fix the settings first.',
    busy: 'A run or range test is using the trainer: stop it first.',
  },
  problems: {
    empty: 'Enter {{min}} to {{max}} learning rates, separated by commas or spaces, like {{example}}.',
    item: '“{{item}}”: {{problem}}',
    tooFew: 'A race needs at least {{min}} learning rates to compare; add another.',
    tooMany: 'A race takes at most {{max}} learning rates (you entered {{given}}): each one trains its own network.',
    momentaCount: '{{rates}} learning rates but {{momenta}} momenta: give one momentum, or one per learning rate.',
    repeatedRates_one: '{{items}} appears more than once: each learning rate races once, unless Momentum per run gives each its own momentum.',
    repeatedRates_other: '{{items}} appear more than once: each learning rate races once, unless Momentum per run gives each its own momentum.',
    pair: 'lr “{{rate}}” with μ “{{momentum}}”',
    repeatedPairs_one: '{{pairs}} appears more than once: each pair of learning rate and momentum races once.',
    repeatedPairs_other: '{{pairs}} appear more than once: each pair of learning rate and momentum races once.',
  },
} as const;
