/**
 * A text input for numbers: decimal keyboard, no autocomplete or spell check,
 * and described by its error (`${id}-error`, when there is one) and its hint
 * (`${id}-hint`), which the caller renders under that id.
 */
interface Props {
  id: string;
  value: string;
  error?: string;
  disabled?: boolean;
  placeholder?: string;
  onChange(text: string): void;
}

export function DecimalInput({ id, value, error, disabled, placeholder, onChange }: Props) {
  return (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      value={value}
      disabled={disabled}
      placeholder={placeholder}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
