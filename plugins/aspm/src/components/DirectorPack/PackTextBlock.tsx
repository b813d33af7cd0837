import { PackText } from '@aspm/plugin-aspm-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/** Short paragraphs: the board's themes, progress and constraints. */
export const PackTextBlock = (props: { block: PackText }) => {
  const { block } = props;
  return (
    <Box>
      {block.title && (
        <Typography variant="h6" component="h4" gutterBottom>
          {block.title}
        </Typography>
      )}
      {block.items.length ? (
        <ul style={{ marginTop: 0, paddingLeft: 20 }}>
          {block.items.map(item => (
            <li key={item.title}>
              <Typography variant="body1">
                <strong>{item.title}.</strong> {item.text}
              </Typography>
            </li>
          ))}
        </ul>
      ) : (
        <Typography variant="body2" color="textSecondary">
          {block.emptyText}
        </Typography>
      )}
    </Box>
  );
};
