/**
 * How the ten digits are told apart on the ROC chart. Colour alone fails for
 * ten classes (no palette keeps ten hues apart under every colour-vision
 * deficiency), so each digit also gets a dash pattern: two digits share a
 * pattern only where their colours stay far apart under protanopia,
 * deuteranopia and tritanopia alike (palette.test.ts simulates them).
 *
 * Colours: Okabe–Ito and Paul Tol's "muted" and "medium-contrast" sets, each
 * at least 3:1 against the white chart (WCAG's minimum for the lines of a
 * graph). That leaves out Okabe–Ito's yellow, orange and sky blue (1.5–2.3:1),
 * replaced by Tol's dark yellow and light blue.
 */

export const DIGIT_COLOURS: readonly string[] = [
  '#000000', // 0 black (Okabe–Ito)
  '#997700', // 1 dark yellow (Tol medium-contrast)
  '#6699CC', // 2 light blue (Tol medium-contrast)
  '#009E73', // 3 bluish green (Okabe–Ito)
  '#0072B2', // 4 blue (Okabe–Ito)
  '#D55E00', // 5 vermillion (Okabe–Ito)
  '#CC79A7', // 6 reddish purple (Okabe–Ito)
  '#882255', // 7 wine (Tol muted)
  '#999933', // 8 olive (Tol muted)
  '#332288', // 9 indigo (Tol muted)
];

/** SVG stroke-dasharray patterns, in px; '' = solid. */
export const DASHES = {
  solid: '',
  dashed: '7 3',
  dotted: '2 2',
  dashDot: '9 3 2 3',
  longDash: '14 4',
  dashDotDot: '9 3 2 3 2 3',
} as const;

/** Each digit's pattern: pairs whose colours are far apart under every deficiency (blue and vermillion, black and green, …). */
export const DIGIT_DASHES: readonly string[] = [
  DASHES.longDash, // 0 black, with bluish green 3
  DASHES.dashed, // 1 dark yellow, with light blue 2
  DASHES.dashed, // 2 light blue
  DASHES.longDash, // 3 bluish green
  DASHES.solid, // 4 blue, with vermillion 5
  DASHES.solid, // 5 vermillion
  DASHES.dashDot, // 6 reddish purple, with indigo 9
  DASHES.dotted, // 7 wine, with olive 8
  DASHES.dotted, // 8 olive
  DASHES.dashDot, // 9 indigo
];

/** The dashed grey of the chance diagonal, lighter than every digit's line yet 3:1 against white. */
export const CHANCE_COLOUR = '#8a929c';
