import { AspmException } from '@aspm/plugin-aspm-common';
import Link from '@material-ui/core/Link';

/** The compensating control of an exception, with its link; "None" without. */
export const CompensatingControl = (props: {
  control?: AspmException['compensatingControl'];
}) => {
  const { control } = props;
  if (!control) return <>None</>;
  return (
    <>
      {control.text}
      {control.link && (
        <>
          {' '}
          <Link
            href={control.link}
            target="_blank"
            rel="noopener noreferrer"
            aria-label="Documentation of the compensating control (new tab)"
          >
            (documentation)
          </Link>
        </>
      )}
    </>
  );
};
