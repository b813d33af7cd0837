import { CodeSnippet } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { AnnotationGuidance } from '../../utils/annotationGuidance';

/**
 * What is wrong (an error for an invalid value, a warning for a missing one)
 * and the YAML to fix it.
 */
export const Guidance = (props: {
  guidance: AnnotationGuidance;
  missingMessage: string;
}) => {
  const { guidance, missingMessage } = props;
  return (
    <Box mt={2} data-testid={`aspm-guidance-${guidance.topic}`}>
      {guidance.status === 'invalid' ? (
        <Alert severity="error">
          {guidance.problem ?? `${guidance.field} is invalid`}
        </Alert>
      ) : (
        <Alert severity="warning">{missingMessage}</Alert>
      )}
      <Typography variant="body2" component="p" style={{ margin: '8px 0' }}>
        {guidance.status === 'invalid' ? 'Fix' : 'Add'} this in the entity's{' '}
        <code>catalog-info.yaml</code>:
      </Typography>
      <CodeSnippet text={guidance.snippet} language="yaml" showCopyCodeButton />
    </Box>
  );
};
