import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n/index.ts';
import { parseDay } from '../../lib/days.ts';
import { formatDate } from '../../lib/format.ts';

interface DateInputProps {
  id: string;
  /** For a form read through FormData: a hidden field of this name carries the day as yyyy-mm-dd. */
  name?: string;
  /** The day (yyyy-mm-dd), when the parent holds it; '' for none. */
  value?: string;
  defaultValue?: string;
  min?: string;
  max?: string;
  required?: boolean;
  /** Called with each real day inside min–max that is typed or picked. */
  onChange?: (day: string) => void;
}

/**
 * A day written dd/mm/yyyy whatever the browser's language. `<input type="date">` shows its value in
 * the browser's own format, so an English Chrome (common in offices) showed 11/25/2026 beside figures
 * dated 25/11/2026. The day is typed here (yyyy-mm-dd is accepted too) or picked on the browser's
 * calendar, opened from the button; a day that is not real or out of range is marked and, in a form,
 * stops the submission with the browser's own message.
 */
export function DateInput({ id, name, value, defaultValue, min, max, required, onChange }: DateInputProps) {
  const initial = value ?? defaultValue ?? '';
  const [text, setText] = useState(initial ? formatDate(initial) : '');
  const input = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);

  const problem = (typed: string): string | null => {
    if (typed.trim() === '') return required ? t.date.required : null;
    const parsed = parseDay(typed);
    if (!parsed) return t.date.invalid;
    if ((min && parsed < min) || (max && parsed > max))
      return t.date.outOfRange(min ? formatDate(min) : null, max ? formatDate(max) : null);
    return null;
  };
  const wrong = problem(text);
  /** The day the field holds: the text's, when it is a real day in range; none otherwise. */
  const day = wrong ? '' : (parseDay(text) ?? '');

  // A day set from outside (the URL, the day the server calls today, arriving after the first render)
  // replaces what is shown, unless someone is typing in the field: their typing wins.
  const outside = useRef(value);
  useEffect(() => {
    if (value === undefined || value === outside.current) return;
    outside.current = value;
    if (value === day || document.activeElement === input.current) return;
    setText(value ? formatDate(value) : '');
  }, [value, day]);

  useEffect(() => {
    input.current?.setCustomValidity(wrong ?? '');
  }, [wrong]);

  const accept = (typed: string) => {
    setText(typed);
    const parsed = parseDay(typed);
    if (parsed && !problem(typed) && parsed !== day) onChange?.(parsed);
  };

  return (
    <span className="date-input">
      <input
        ref={input}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t.date.placeholder}
        value={text}
        required={required}
        aria-invalid={wrong !== null && text !== ''}
        onChange={(event) => accept(event.target.value)}
        // Once left, a day typed as 3/6/2021 or 2021-06-03 is shown as 03/06/2021; a field emptied
        // while the parent holds a day (the page's figures are still for it) shows that day again.
        onBlur={() => {
          if (text.trim() === '' && value) setText(formatDate(value));
          else if (day) setText(formatDate(day));
        }}
      />
      <button
        type="button"
        className="date-input__calendar"
        aria-label={t.date.openCalendar}
        title={t.date.openCalendar}
        onClick={() => picker.current?.showPicker?.()}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
          <path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor" />
        </svg>
      </button>
      <input
        ref={picker}
        className="date-input__picker"
        type="date"
        tabIndex={-1}
        aria-hidden="true"
        value={day}
        min={min}
        max={max}
        onChange={(event) => {
          if (event.target.value) accept(formatDate(event.target.value));
        }}
      />
      {name && <input type="hidden" name={name} value={day} />}
      {wrong && text !== '' && (
        <span className="field-error" role="alert">
          {wrong}
        </span>
      )}
    </span>
  );
}
