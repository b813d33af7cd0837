import TextField from '@material-ui/core/TextField';
import { useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { parseListInput } from '../../utils/exceptions/parseListInput';

/**
 * A text field for a list filter ("a, b"), reported once typing pauses;
 * follows the filter when it is reset.
 */
export const ListTextFilter = (props: {
  id: string;
  label: string;
  placeholder?: string;
  value: string[];
  onChange: (values: string[]) => void;
}) => {
  const { id, label, placeholder, value, onChange } = props;
  const [text, setText] = useState(value.join(', '));
  const joined = value.join(',');

  useEffect(() => {
    setText(t =>
      parseListInput(t).join(',') === joined ? t : value.join(', '),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [joined]);

  useDebounce(
    () => {
      const values = parseListInput(text);
      if (values.join(',') !== joined) onChange(values);
    },
    400,
    [text],
  );

  return (
    <TextField
      id={id}
      label={label}
      placeholder={placeholder}
      value={text}
      onChange={e => setText(e.target.value)}
      InputLabelProps={{ shrink: true }}
    />
  );
};
