import { TeamScorecard } from '@aspm/plugin-aspm-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useGateTrend, useTeamScorecard } from '../../hooks';
import { shortEntityRef } from '../../utils/entityRefs';
import { errorMessage, isNotFoundError } from '../../utils/errors';
import { formatDateTime } from '../../utils/format';
import { GATE_TREND_WEEKS } from '../EntityDelivery/SecurityGatesCard';
import { GateTrendChart } from '../releases';
import {
  ActionsCard,
  AgingCard,
  ControlsCard,
  DrilldownProvider,
  ExceptionsSummary,
  MetricsCard,
  TopRisksCard,
} from '../scorecard';
import { EntityLink, FieldList } from '../shared';
import { ServicesTable } from './ServicesTable';

/** 5. The weekly gate outcomes of the team's release candidates. */
const TeamGateTrend = (props: { teams: string[] }) => {
  const { value, loading, error } = useGateTrend({
    team: props.teams,
    weeks: GATE_TREND_WEEKS,
  });
  let body;
  if (loading) body = <Progress />;
  else if (error) {
    body = <ResponseErrorPanel error={error} title={errorMessage(error)} />;
  } else if (value) body = <GateTrendChart trend={value} />;
  return (
    <InfoCard
      title="Release gate outcomes"
      subheader={`Gate outcomes of the team's release candidates per week over the last ${GATE_TREND_WEEKS} weeks: passed first time, passed after a re-run, or blocked.`}
    >
      {body}
    </InfoCard>
  );
};

/** The sections of a team scorecard. */
const TeamScorecardCards = (props: { card: TeamScorecard }) => {
  const { card } = props;
  const { identity } = card;
  const name = identity.title ?? shortEntityRef(identity.groupRef);
  const subTeams = identity.teams.filter(t => t !== identity.groupRef);
  return (
    <DrilldownProvider>
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <InfoCard title="Team">
            <FieldList
              fields={[
                ['Team', name],
                [
                  'Business unit',
                  <EntityLink entityRef={identity.businessUnit} />,
                ],
                [
                  'Sub-teams',
                  subTeams.length ? (
                    <>
                      {subTeams.map((t, i) => (
                        <span key={t}>
                          {i > 0 && ', '}
                          <EntityLink entityRef={t} />
                        </span>
                      ))}
                    </>
                  ) : (
                    'None'
                  ),
                ],
                ['Services', String(card.services.length)],
              ]}
            />
            <Typography variant="caption" color="textSecondary">
              Taken {formatDateTime(card.time.asOf)}; metrics over the window
              from {formatDateTime(card.time.from)}.
            </Typography>
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={6}>
          <InfoCard
            title="Exceptions"
            subheader="Accepted risks on the team's services now."
          >
            <ExceptionsSummary exceptions={card.exceptions} />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          {card.services.length === 0 ? (
            <InfoCard title="Services">
              <EmptyState
                missing="data"
                title="This team owns no components"
                description={
                  <>
                    Components count for a team when their{' '}
                    <code>spec.owner</code> is the team, one of its sub-teams,
                    or a member of one.
                  </>
                }
              />
            </InfoCard>
          ) : (
            <ServicesTable
              services={card.services}
              windowFrom={card.time.from}
            />
          )}
        </Grid>
        <Grid item xs={12}>
          <TopRisksCard
            topRisks={card.topRisks}
            showEntity
            all={{
              kind: 'findingsQuery',
              title: `Open findings of ${name}`,
              request: { team: identity.teams.slice(0, 100), state: ['open'] },
            }}
          />
        </Grid>
        <Grid item xs={12}>
          <TeamGateTrend teams={identity.teams.slice(0, 100)} />
        </Grid>
        <Grid item xs={12}>
          <AgingCard aging={card.aging} />
        </Grid>
        <Grid item xs={12}>
          <ControlsCard controls={card.controls} single={false} />
        </Grid>
        <Grid item xs={12}>
          <MetricsCard
            metrics={card.metrics}
            scope={card.groupRef}
            team={{ businessUnit: card.businessUnit?.groupRef }}
          />
        </Grid>
        {card.programMetrics && card.programMetrics.length > 0 && (
          <Grid item xs={12}>
            <MetricsCard
              title="Program signals against target"
              metrics={card.programMetrics}
              scope={card.groupRef}
              team={{ businessUnit: card.businessUnit?.groupRef }}
            />
          </Grid>
        )}
        <Grid item xs={12}>
          <ActionsCard actions={card.actions} showEntity />
        </Grid>
      </Grid>
    </DrilldownProvider>
  );
};

/**
 * The Security tab of Group pages: the scorecard sections rolled up over
 * the Components the team and its sub-teams own, a per-service table, and
 * the team's metrics against target with trends and the business unit's
 * median. One request for the scorecard, one for the gate trend.
 */
export const GroupAspmContent = () => {
  const { entity } = useEntity();
  const groupRef = stringifyEntityRef(entity);
  const { value, loading, error } = useTeamScorecard(groupRef);
  if (loading) return <Progress />;
  if (error) {
    if (isNotFoundError(error)) {
      return (
        <EmptyState
          missing="data"
          title="The ASPM store has not seen this group yet"
          description={
            <>
              The catalog sync copies Groups and their members into the ASPM
              store every few minutes. Platform teams can run it now with{' '}
              <code>POST /api/aspm/catalog-sync</code>.
            </>
          }
        />
      );
    }
    return <ResponseErrorPanel error={error} title={errorMessage(error)} />;
  }
  return value ? <TeamScorecardCards card={value} /> : null;
};
