/**
 * How the ten digits are told apart on the ROC chart. Colour alone fails for
 * ten classes (no palette keeps ten hues apart under every colour-vision
 * deficiency), so each digit also gets a dash pattern, chosen so that digits
 * with similar colours never share one.
 *
 * Colours: Okabe–Ito without its yellow (#F0E442 is nearly invisible on a
 * white chart), plus three dark tones from Paul Tol's "muted" set.
 */

export const DIGIT_COLOURS: readonly string[] = [
  '#000000', // 0 black (Okabe–Ito)
  '#E69F00', // 1 orange (Okabe–Ito)
  '#56B4E9', // 2 sky blue (Okabe–Ito)
  '#009E73', // 3 bluish green (Okabe–Ito)
  '#0072B2', // 4 blue (Okabe–Ito)
  '#D55E00', // 5 vermillion (Okabe–Ito)
  '#CC79A7', // 6 reddish purple (Okabe–Ito)
  '#882255', // 7 wine (Tol muted)
  '#999933', // 8 olive (Tol muted)
  '#332288', // 9 indigo (Tol muted)
];

/** SVG stroke-dasharray per digit, in px; '' = solid. */
export const DIGIT_DASHES: readonly string[] = [
  '', // 0 black
  '', // 1 orange
  '7 3', // 2 sky blue: dashed, unlike solid blue 4
  '2 2', // 3 bluish green
  '', // 4 blue
  '7 3', // 5 vermillion: dashed, unlike solid orange 1
  '', // 6 reddish purple
  '9 3 2 3', // 7 wine: dash-dot, unlike solid purple 6
  '2 2', // 8 olive
  '9 3 2 3', // 9 indigo: dash-dot, unlike solid black 0 and blue 4
];

/** The dashed grey of the chance diagonal, lighter than every digit's line. */
export const CHANCE_COLOUR = '#8a929c';
