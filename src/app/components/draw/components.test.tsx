/**
 * The panels' markup, rendered on the server in Node (no DOM needed): the
 * names and texts people and end-to-end tests find them by. Canvas painting
 * runs in effects, which server rendering skips.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { DigitPreview } from './DigitPreview.tsx';
import { DrawingPad, traceStroke } from './DrawingPad.tsx';
import { ProbabilityBars } from './ProbabilityBars.tsx';

describe('ProbabilityBars', () => {
  it('invites a drawing before any prediction', () => {
    const html = renderToStaticMarkup(<ProbabilityBars prediction={null} />);
    expect(html).toContain('role="status"');
    expect(html).toContain('Draw a digit to see what the network thinks.');
    expect(html).not.toContain('Probabilities by digit');
  });

  it('says so when there is no network to ask', () => {
    const html = renderToStaticMarkup(<ProbabilityBars prediction={{ requestId: 1, probs: null, noModel: true }} />);
    expect(html).toContain('There is no network to ask yet: train one, or load a saved model.');
  });

  it('names the top digit and gives every bar an accessible text', () => {
    const probs = new Float32Array(10).fill(0.07 / 9);
    probs[7] = 0.93;
    const html = renderToStaticMarkup(<ProbabilityBars prediction={{ requestId: 2, probs }} />);
    expect(html).toMatch(/role="status"[^>]*>Prediction: 7 \(93%\)</);
    expect(html).toContain('aria-label="Probabilities by digit"');
    for (let d = 0; d < 10; d++) expect(html).toContain(`${d}: ${d === 7 ? 93 : 1}%`);
    expect(html.match(/draw-bars__row--top/g)).toHaveLength(1);
  });
});

describe('DrawingPad', () => {
  it('is a focusable canvas named "Draw a digit" with a hint and real buttons', () => {
    const noop = () => {};
    const html = renderToStaticMarkup(<DrawingPad strokes={[]} onStroke={noop} onUndo={noop} onClear={noop} />);
    expect(html).toMatch(/<canvas[^>]*aria-label="Draw a digit"/);
    expect(html).toMatch(/<canvas[^>]*tabindex="0"/);
    const hint = /aria-describedby="([^"]+)"/.exec(html)![1];
    expect(html).toContain(`id="${hint}"`);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Undo stroke<\/button>/);
    expect(html).toMatch(/<button type="button">Clear<\/button>/);
  });

  it('enables Undo once there is a stroke', () => {
    const noop = () => {};
    const html = renderToStaticMarkup(<DrawingPad strokes={[[{ x: 0.5, y: 0.5 }]]} onStroke={noop} onUndo={noop} onClear={noop} />);
    expect(html).toMatch(/<button type="button">Undo stroke<\/button>/);
  });

  it('enables Undo for a step that is not a stroke (a loaded sample replaced an empty pad), and shows what it is given under its buttons', () => {
    const noop = () => {};
    const html = renderToStaticMarkup(
      <DrawingPad strokes={[]} canUndo onStroke={noop} onUndo={noop} onClear={noop}>
        <p>more ways</p>
      </DrawingPad>,
    );
    expect(html).toMatch(/<button type="button">Undo stroke<\/button>/);
    expect(html).toMatch(/Clear<\/button><\/div><p>more ways<\/p>/);
  });

  it('traces a one-point stroke as a dot and longer ones as a polyline', () => {
    const ctx = { beginPath: vi.fn(), moveTo: vi.fn(), lineTo: vi.fn(), stroke: vi.fn(), arc: vi.fn(), fill: vi.fn() };
    traceStroke(ctx, [{ x: 0.5, y: 0.5 }], 0.08);
    expect(ctx.arc).toHaveBeenCalledWith(0.5, 0.5, 0.04, 0, 2 * Math.PI);
    expect(ctx.fill).toHaveBeenCalledOnce();
    traceStroke(
      ctx,
      [
        { x: 0, y: 0 },
        { x: 1, y: 0 },
        { x: 1, y: 1 },
      ],
      0.08,
    );
    expect(ctx.lineTo).toHaveBeenCalledTimes(2);
    expect(ctx.stroke).toHaveBeenCalledOnce();
  });
});

describe('DigitPreview', () => {
  it('shows the 28×28 input and offers the steps', () => {
    const html = renderToStaticMarkup(
      <DigitPreview
        strokes={[
          [
            { x: 0.3, y: 0.3 },
            { x: 0.3, y: 0.7 },
          ],
        ]}
      />,
    );
    expect(html).toMatch(/<canvas width="28" height="28"[^>]*aria-label="The 28×28 image the network receives"/);
    expect(html).toContain('draw-image--pixelated');
    expect(html).toContain('Show preprocessing steps');
  });
});
