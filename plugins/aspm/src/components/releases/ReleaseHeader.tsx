import { AspmRelease } from '@aspm/plugin-aspm-common';
import Link from '@material-ui/core/Link';
import { actorLabel } from '../../utils/exceptions/actorLabel';
import { NO_VALUE, formatDateTime } from '../../utils/format';
import { shortDigest } from '../../utils/releases/shortDigest';
import { FieldList } from '../shared';
import { ReleaseOutcomeChip } from './ReleaseOutcomeChip';

/**
 * What a release is: version, environment, when, the artifact (its digest
 * shortened, in full on hover), the pipeline run, the approver and the gate
 * verdict.
 */
export const ReleaseHeader = (props: { release: AspmRelease }) => {
  const { release } = props;
  return (
    <FieldList
      fields={[
        ['Version', release.version],
        ['Environment', release.environment],
        [
          'Released',
          <time dateTime={release.releasedAt}>
            {formatDateTime(release.releasedAt)}
          </time>,
        ],
        ['Gates', <ReleaseOutcomeChip outcome={release.outcome} />],
        [
          'Artifact',
          release.artifactDigest ? (
            <code title={release.artifactDigest}>
              {shortDigest(release.artifactDigest)}
            </code>
          ) : (
            'No digest posted'
          ),
        ],
        [
          'Pipeline',
          release.pipelineUrl ? (
            <Link
              href={release.pipelineUrl}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={`Pipeline run of ${release.version} (new tab)`}
            >
              Pipeline run
            </Link>
          ) : (
            NO_VALUE
          ),
        ],
        [
          'Approved by',
          release.approvedBy ? actorLabel(release.approvedBy) : 'Nobody named',
        ],
        ['Posted by', actorLabel(release.postedBy)],
      ]}
    />
  );
};
