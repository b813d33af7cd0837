import { CodeSnippet, EmptyState } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ingestCurlCommand } from '../../utils/findings';

/** No findings yet: how to push a scan, or where pull sources come from. */
export const FindingsEmptyState = (props: { entityRef: string }) => {
  const configApi = useApi(configApiRef);
  const backendBaseUrl =
    configApi.getOptionalString('backend.baseUrl') ?? window.location.origin;
  return (
    <EmptyState
      missing="data"
      title="No findings for this entity yet"
      description={
        <>
          Push the results of a scanner (SARIF, or the JSON of Trivy, Grype,
          Gitleaks, Semgrep, npm audit, OSV-Scanner or Snyk) to the ingest
          endpoint from CI. Where the GitHub or DefectDojo source is configured,
          findings are also pulled on a schedule: GitHub alerts of the
          repository in <code>github.com/project-slug</code>, and the DefectDojo
          product in <code>defectdojo.org/product-id</code>.
        </>
      }
      action={
        <Box maxWidth={900}>
          <Typography variant="body1" component="p" gutterBottom>
            To push a scan for this entity:
          </Typography>
          <CodeSnippet
            text={ingestCurlCommand(backendBaseUrl, props.entityRef)}
            language="sh"
            showCopyCodeButton
          />
        </Box>
      }
    />
  );
};
