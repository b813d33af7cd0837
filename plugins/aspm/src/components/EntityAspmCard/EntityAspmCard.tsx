import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { EntityScorecard } from '@aspm/plugin-aspm-common';
import { useAspmEntity, useEntityScorecard } from '../../hooks';
import { exposureLabel, tierLabel } from '../../utils/format';
import { worstScorecardStatus } from '../../utils/scorecard/scorecardStatus';
import { errorMessage, isNotFoundError } from '../../utils/errors';
import { FieldList, OwnerResolutionChip, SeverityChip } from '../shared';

const ALERT_SEVERITY = {
  ok: 'success',
  warning: 'warning',
  error: 'error',
} as const;

/** The scorecard's headline numbers: top risk, aging, the next days. */
const scorecardFields = (card: EntityScorecard): Array<[string, string]> => {
  const top = card.topRisks.items[0];
  const { open, pastSla } = card.aging;
  const overdue = card.actions.items.filter(a => a.overdue).length;
  return [
    [
      'Top risk',
      top
        ? `${top.title} (weight ${top.weight}${
            top.overdue ? ', past its SLA' : ''
          })`
        : 'No open findings',
    ],
    [
      'Open critical / high',
      `${open.critical.length} / ${open.high.length} (${
        pastSla.critical.length + pastSla.high.length
      } past SLA)`,
    ],
    [
      `Next ${card.actions.withinDays} days`,
      `${card.actions.items.length} actions, ${overdue} overdue`,
    ],
  ];
};

/**
 * Compact security posture card for an entity's overview tab: the worst
 * status (catalog problems and what the scorecard says is overdue or due),
 * tier, exposure, owner, and the scorecard's headline numbers.
 */
export const EntityAspmCard = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAspmEntity(entityRef);
  const scorecard = useEntityScorecard(entityRef);

  const deepLink = { title: 'View security details', link: 'security' };
  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = isNotFoundError(error) ? (
      <Typography variant="body2">
        The ASPM store has not seen this entity yet; the catalog sync runs every
        few minutes.
      </Typography>
    ) : (
      <ResponseErrorPanel error={error} title={errorMessage(error)} />
    );
  } else if (value) {
    const worst = worstScorecardStatus(value, scorecard.value);
    body = (
      <>
        {/* An "all is well" before the scorecard has answered would be a
            claim the card cannot make yet; catalog problems show at once. */}
        {(worst.severity !== 'ok' || !scorecard.loading) && (
          <Box mb={2}>
            <Alert severity={ALERT_SEVERITY[worst.severity]}>
              {worst.message}
            </Alert>
          </Box>
        )}
        <FieldList
          fields={[
            [
              'Tier',
              value.tier ? (
                tierLabel(value.tier, { long: true })
              ) : (
                <SeverityChip severity="warning" label="Untiered" />
              ),
            ],
            [
              'Exposure',
              value.exposure ? (
                exposureLabel(value.exposure)
              ) : (
                <SeverityChip severity="warning" label="Exposure unknown" />
              ),
            ],
            [
              'Owner',
              <OwnerResolutionChip
                resolution={value.ownerResolution}
                reason={value.ownerResolutionReason}
              />,
            ],
            ...(scorecard.value ? scorecardFields(scorecard.value) : []),
          ]}
        />
        {scorecard.loading && <Progress />}
        {scorecard.error && (
          <Typography variant="caption" color="error" component="p">
            The scorecard could not be loaded: {errorMessage(scorecard.error)}
          </Typography>
        )}
      </>
    );
  }

  return (
    <InfoCard title="Security posture" deepLink={deepLink}>
      {body}
    </InfoCard>
  );
};
