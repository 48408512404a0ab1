/**
 * The boundaries' fallbacks, rendered on the server in Node. Server rendering
 * does not run error boundaries (React retries on the client), so the catch
 * itself is driven through the class's own methods here, and end to end in
 * e2e/robustness.e2e.ts.
 */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Boundary, ItemFailure, PanelFailure } from './PanelBoundary.tsx';

const noop = () => {};
const fallback = (error: Error, retry: () => void) => (
  <PanelFailure title="Saved models" error={error} retry={retry} recover={{ label: 'Remove this saved model', run: noop }} />
);

/** A Boundary driven by hand: setState applies at once, as React would after a render. */
function drive(children: ReactNode) {
  const b = new Boundary({ children, fallback });
  b.setState = ((update: (s: typeof b.state) => Partial<typeof b.state>) => Object.assign(b.state, update(b.state))) as typeof b.setState;
  return { b, html: () => renderToStaticMarkup(<>{b.render()}</>) };
}

describe('Boundary', () => {
  it('renders its children until they throw, then the fallback; Try again mounts them afresh', () => {
    const { b, html } = drive(<p>the panel</p>);
    expect(html()).toBe('<p>the panel</p>');

    Object.assign(b.state, Boundary.getDerivedStateFromError(new TypeError("Cannot read properties of undefined (reading 'toFixed')")));
    expect(html()).toContain('This panel failed: Cannot read properties of undefined (reading &#x27;toFixed&#x27;). The rest of the page still works.');
    expect(html()).not.toContain('the panel');

    b.retry();
    expect(b.state).toEqual({ error: null, attempt: 1 });
    expect(html()).toBe('<p>the panel</p>');
  });

  it('takes anything thrown, not only Errors', () => {
    expect(Boundary.getDerivedStateFromError('a string')).toEqual({ error: new Error('a string') });
  });
});

describe('PanelFailure', () => {
  it('is a region named like the panel, with an alert, Try again and the panel’s own way out', () => {
    const html = renderToStaticMarkup(fallback(new Error('boom.'), noop));
    expect(html).toContain('<section class="panel panel--failed" aria-label="Saved models"><h2>Saved models</h2>');
    expect(html).toContain('<p role="alert" class="message message--error">This panel failed: boom. The rest of the page still works.</p>');
    expect(html).toMatch(/<button type="button">Try again<\/button><button type="button">Remove this saved model<\/button>/);
  });

  it('offers only Try again when the panel has no way out of its own, and cuts a long reason short', () => {
    const html = renderToStaticMarkup(<PanelFailure title="Loss" error={new Error('x'.repeat(100_000))} retry={noop} />);
    expect(html.match(/<button/g)).toHaveLength(1);
    expect(html.length).toBeLessThan(600);
  });

  it('keeps a production React error to its number', () => {
    const react = new Error(
      'Minified React error #31; visit https://react.dev/errors/31?args[]=object%20with%20keys%20%7B%7D for the full message or use the non-minified dev environment for full errors and additional helpful warnings.',
    );
    expect(renderToStaticMarkup(<PanelFailure title="Loss" error={react} retry={noop} />)).toContain('This panel failed: Minified React error #31. The rest');
  });

  it('names an error without a message', () => {
    expect(renderToStaticMarkup(<PanelFailure title="Loss" error={new Error('')} retry={noop} />)).toContain('This panel failed: an unexpected error.');
  });
});

describe('ItemFailure', () => {
  it('says which item failed, and offers to remove it', () => {
    const html = renderToStaticMarkup(
      <ItemFailure what="The saved model 4" error={new Error('bad')} recover={{ label: 'Remove this saved model', run: noop }} />,
    );
    expect(html).toBe(
      '<li class="item--failed"><span role="alert" class="message message--error">The saved model 4 cannot be shown: bad.</span><button type="button">Remove this saved model</button></li>',
    );
  });
});
