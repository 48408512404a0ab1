/** A formatted figure; where it is not available, a dash that is read out and hovered as "not available". */
import { NOT_AVAILABLE, NOT_AVAILABLE_LABEL } from '../format.ts';

export function Figure({ text }: { text: string }) {
  if (text !== NOT_AVAILABLE) return <>{text}</>;
  return (
    <span title={NOT_AVAILABLE_LABEL}>
      <span aria-hidden="true">{NOT_AVAILABLE}</span>
      <span className="sr-only">{NOT_AVAILABLE_LABEL}</span>
    </span>
  );
}
