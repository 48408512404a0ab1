/** "Inside the network": the first-layer weights, the drawing layer by layer, and the Epoch replay. */
export default {
  heading: 'Inside the network',
  megabytes: '{{value}} MB',
  weights: {
    heading: 'First-layer weights',
    explain:
      'Each tile is one unit of the first hidden layer: its 784 weights laid out as the 28×28 image they multiply. Ink on a blue pixel adds to the unit, ink on a red one takes away, so a tile shows the strokes its unit looks for. They start as random noise, and training adds strokes to it slowly: “Change since the start” shows those alone.',
    explainOutput:
      'This network has no hidden layer, so each tile is one digit’s output unit: its 784 weights laid out as the 28×28 image they multiply. Ink on a blue pixel counts for that digit, ink on a red one against it.',
    none: 'Appears when a run starts or a saved model is loaded.',
    label_one: 'First-layer weights: {{count}} unit, one 28×28 tile',
    label_other: 'First-layer weights: {{count}} units, one 28×28 tile each',
    labelChange_one: 'Change of the first-layer weights since the start: {{count}} unit, one 28×28 tile',
    labelChange_other: 'Change of the first-layer weights since the start: {{count}} units, one 28×28 tile each',
    view: 'Show',
    viewWeights: 'The weights',
    viewChange: 'Change since the start',
    explainChange:
      'Each tile now shows how far training has moved its unit’s weights from their random start: the part it has learned, which the starting noise hides in the weights themselves.',
    summary:
      'From {{min}} (unit {{minUnit}}) to {{max}} (unit {{maxUnit}}). Units with the largest positive values: {{positive}}; with the largest negative values: {{negative}}.',
    scale: 'Colour scale',
    scaleShared: 'One scale for all tiles',
    scaleTile: 'Each tile its own scale',
    legendShared: 'Red −{{bound}}, white 0, blue +{{bound}}, the same for every tile.',
    legendTile:
      'Red down to minus, blue up to plus each tile’s own largest weight: every pattern at full contrast, but faint units look as strong as the rest.',
    initial: 'The initial weights, before training',
    live_one: 'After {{epoch}} epoch, live',
    live_other: 'After {{epoch}} epochs, live',
    loaded: 'The loaded model’s weights',
    replay: 'After epoch {{epoch}} (replay)',
    unit: 'Unit {{unit}}: weights from {{min}} to {{max}}',
    hover: 'Point at a tile to see its unit and range.',
  },
  drawing: {
    heading: 'Your drawing, layer by layer',
    empty: 'Draw a digit on the pad to see what each layer makes of it and which pixels pushed the answer.',
    noModel: 'There is no network to look into yet: train one, or load a saved model.',
    waiting: 'Looking…',
    saliencyCaption: 'Which pixels pushed the answer {{digit}}',
    saliencyLabel:
      'Your drawing with the saliency for the digit {{digit}} over it. Strongest push up at row {{upRow}}, column {{upColumn}}; strongest push down at row {{downRow}}, column {{downColumn}}.',
    saliencyExplain:
      'The gradient of log p({{digit}}) with respect to each input pixel: blue where more ink would make the network surer it is a {{digit}}, red where more ink would make it less sure. Deeper colour, stronger push.',
    layer_one: 'Hidden layer {{index}} · {{units}} unit · {{active}} active',
    layer_other: 'Hidden layer {{index}} · {{units}} units · {{active}} active',
    layerLabel: 'Hidden layer {{index}}: {{active}} of {{units}} units active; the strongest: {{top}}.',
    unitValue: 'unit {{unit}} ({{value}})',
    output: 'Output · probability of each digit',
    outputLabel: 'Output probabilities: {{list}}.',
    digitValue: '{{digit}}: {{percent}}',
    stripsExplain:
      'Each cell is one unit, coloured by how strongly it responds to your drawing (blue up to the layer’s strongest; a ReLU unit at 0 is white: silent). The output cells are the ten digits’ probabilities.',
    replay: 'With the weights after epoch {{epoch}}.',
    replayNearest: 'With the weights after epoch {{epoch}}, the nearest kept before epoch {{asked}}.',
  },
  replay: {
    label: 'Epoch',
    heading: 'Replay the training',
    value: 'Epoch {{epoch}} of {{latest}}',
    live: 'the latest, live',
    replaying: 'replay',
    back: 'Back to the latest epoch',
    explain:
      'Drag to see the confusion matrix, the ROC curves, the accuracy by digit, the first-layer weights and your drawing’s prediction as they were after each epoch.',
    memory: 'The weights after every epoch are kept for the replay: {{perEpoch}} an epoch, {{cap}} at most.',
    thinned:
      'To stay within {{cap}} ({{perEpoch}} an epoch), the weights of one epoch in {{stride}} are kept (epochs {{list}}); the weights and your drawing show the nearest kept epoch before the one chosen. The evaluations are kept for every epoch.',
    tooLarge:
      'One epoch’s weights ({{perEpoch}}) are more than the replay’s {{cap}}: the evaluations replay, the weights and your drawing show the latest epoch.',
  },
} as const;
