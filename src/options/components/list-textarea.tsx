/**
 * A textarea for a list of words or phrases, one per line. Keeps the reader's raw text (with the
 * empty line they just started) while reporting the parsed list upwards; takes a new value from
 * outside (reset, import) only when it differs from what the text already says.
 */
import { useEffect, useState } from 'preact/hooks';
import { parseLines } from '../lens-edit';

interface Props {
  id: string;
  value: string[];
  onChange(list: string[]): void;
  rows?: number;
  describedBy?: string;
  invalid?: boolean;
}

export function ListTextarea({ id, value, onChange, rows = 4, describedBy, invalid }: Props) {
  const [text, setText] = useState(value.join('\n'));
  useEffect(() => {
    if (parseLines(text).join('\n') !== value.join('\n')) setText(value.join('\n'));
    // Only an outside change of `value` should rewrite the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value.join('\n')]);
  return (
    <textarea
      id={id}
      rows={rows}
      value={text}
      spellcheck={false}
      aria-describedby={describedBy}
      aria-invalid={invalid ? 'true' : undefined}
      onInput={(e) => {
        const next = (e.currentTarget as HTMLTextAreaElement).value;
        setText(next);
        onChange(parseLines(next));
      }}
    />
  );
}
