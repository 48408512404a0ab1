/**
 * Error boundaries: a part of the page that throws while rendering shows
 * what failed and a way out, and the rest of the page keeps working. Without
 * one, a single bad value (a saved model whose figures are an object) blanks
 * the whole page, and every reload does it again.
 *
 * React catches render errors only in a class component with
 * getDerivedStateFromError; `Boundary` is that, with the fallback as a render
 * prop, so a panel and a list item can each fail in their own markup.
 */
import { Component, Fragment } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/index.ts';
import { withReason } from '../format.ts';
import type { PanelId } from '../panels.ts';
import { useLab } from '../store/index.ts';

/** A specific way out that a part can offer, beside "Try again": "Remove this saved model". */
export interface Recovery {
  label: string;
  run(): void | Promise<void>;
}

interface BoundaryProps {
  children: ReactNode;
  /** Shown instead of the children once they have thrown; `retry` mounts them afresh. */
  fallback(error: Error, retry: () => void): ReactNode;
}

interface BoundaryState {
  error: Error | null;
  /** Bumped by retry: a new key mounts the children afresh, dropping whatever state broke them. */
  attempt: number;
}

export class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  retry = (): void => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));

  override render(): ReactNode {
    const { error, attempt } = this.state;
    return error ? this.props.fallback(error, this.retry) : <Fragment key={attempt}>{this.props.children}</Fragment>;
  }
}

/**
 * The error's own words, short: it is shown to a student, and may hold
 * anything. A production build's React errors are a number and a long
 * address ("Minified React error #31; visit https://react.dev/…"): the number is kept.
 */
export function failureReason(error: Error): string {
  const m = error.message.replace(/; visit https:\/\/react\.dev\/\S*.*$/s, '').trim();
  return m.length > 200 ? `${m.slice(0, 200)}…` : m || i18n.t('app.failure.unexpected');
}

function recoverThenRetry(recover: Recovery, retry: () => void): void {
  void Promise.resolve()
    .then(() => recover.run())
    .finally(retry);
}

/** What a failed panel shows: its title, what failed, Try again, and the panel's own way out if it has one. */
export function PanelFailure({ title, error, retry, recover }: { title: string; error: Error; retry(): void; recover?: Recovery }) {
  const { t } = useTranslation();
  return (
    <section className="panel panel--failed" aria-label={title}>
      <h2>{title}</h2>
      <p role="alert" className="message message--error">
        {withReason(t('app.failure.panel'), failureReason(error))} {t('app.failure.rest')}
      </p>
      <div className="panel__actions">
        <button type="button" onClick={retry}>
          {t('app.failure.tryAgain')}
        </button>
        {recover ? (
          <button type="button" onClick={() => recoverThenRetry(recover, retry)}>
            {recover.label}
          </button>
        ) : null}
      </div>
    </section>
  );
}

/** Wraps one panel of the page; a panel an instructor's link hides (`hide=race`) is not rendered at all. */
export function PanelBoundary({ title, panel, recover, children }: { title: string; panel?: PanelId; recover?: Recovery; children: ReactNode }) {
  const hidden = useLab((s) => panel !== undefined && s.hiddenPanels.includes(panel));
  if (hidden) return null;
  return <Boundary fallback={(error, retry) => <PanelFailure title={title} error={error} retry={retry} recover={recover} />}>{children}</Boundary>;
}

/** What a failed list item shows: what it is, what failed, and its way out. */
export function ItemFailure({ what, error, recover }: { what: string; error: Error; recover: Recovery }) {
  const { t } = useTranslation();
  return (
    <li className="item--failed">
      <span role="alert" className="message message--error">
        {withReason(t('app.failure.item', { what }), failureReason(error))}
      </span>
      <button type="button" onClick={() => void recover.run()}>
        {recover.label}
      </button>
    </li>
  );
}
