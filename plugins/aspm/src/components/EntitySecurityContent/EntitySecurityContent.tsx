import { AspmEntity, AspmRepository } from '@aspm/plugin-aspm-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  useAspmEntity,
  useEntityScorecard,
  useExceptionDialogs,
} from '../../hooks';
import {
  ANNOTATION_EXAMPLES,
  AnnotationGuidance,
  GuidanceTopic,
  annotationGuidance,
} from '../../utils/annotationGuidance';
import {
  NO_VALUE,
  exposureLabel,
  formatDateTime,
  tierLabel,
} from '../../utils/format';
import {
  EntityLink,
  FieldList,
  OwnerResolutionChip,
  SeverityChip,
} from '../shared';

import { ReleaseEvidenceCard } from '../EntityDelivery/ReleaseEvidenceCard';
import { SecretRotationCard } from '../EntityDelivery/SecretRotationCard';
import { SecurityGatesCard } from '../EntityDelivery/SecurityGatesCard';
import { EntityExceptions } from '../EntityExceptions';
import { EntityFindings, RecentIngestionsCard } from '../EntityFindings';
import { ExceptionDetailsDialog, ExceptionRequestDialog } from '../exceptions';
import {
  ActionsCard,
  AgingCard,
  ControlsCard,
  DrilldownProvider,
  ExceptionsSummary,
  MetricsCard,
  RiskWeightExplanation,
  ScorecardSection,
  TopRisksCard,
} from '../scorecard';
import { Guidance } from './Guidance';
import { errorMessage, isNotFoundError } from '../../utils/errors';
import { shortEntityRef } from '../../utils/entityRefs';

const MISSING_MESSAGES: Record<GuidanceTopic, string> = {
  tier: 'Untiered: without a tier this entity counts as a gap, and findings cannot be prioritised by business criticality.',
  exposure:
    'Exposure unknown: say whether the entity is reachable from the internet.',
  businessUnit: 'No business unit.',
  owner: 'No owner: every entity needs an accountable team in spec.owner.',
  repository:
    'No repository: security findings cannot be mapped to this entity without it.',
};

const GuidanceFor = (props: {
  topic: GuidanceTopic;
  guidance: AnnotationGuidance[];
}) => {
  const item = props.guidance.find(g => g.topic === props.topic);
  return item ? (
    <Guidance guidance={item} missingMessage={MISSING_MESSAGES[props.topic]} />
  ) : null;
};

const Value = (props: { ok: boolean; text: string }) =>
  props.ok ? (
    <>{props.text}</>
  ) : (
    <SeverityChip severity="warning" label={props.text} />
  );

const RepositoryValue = (props: { repository?: AspmRepository }) => {
  const { repository } = props;
  if (!repository) return <Value ok={false} text="Missing" />;
  if (!repository.url) return <>{repository.slug ?? NO_VALUE}</>;
  return <Link to={repository.url}>{repository.slug ?? repository.url}</Link>;
};

/** Annotations the other cards do not cover (e.g. defectdojo.org/product-id). */
const COVERED_ANNOTATIONS: string[] = [
  ANNOTATION_EXAMPLES.tier.key,
  ANNOTATION_EXAMPLES.exposure.key,
  ANNOTATION_EXAMPLES.businessUnit.key,
];

/** "Component", "System", ... */
const kindLabel = (entity: AspmEntity) =>
  entity.kind.charAt(0).toLocaleUpperCase('en-US') + entity.kind.slice(1);

/** Whether an entity ships releases of its own (gates, evidence, secrets). */
const isComponent = (entity: AspmEntity) =>
  entity.kind.toLocaleLowerCase('en-US') === 'component';

/**
 * The cards of the Security tab, for an entity the ASPM store knows, in
 * the order of the scorecard: 1 the entity and its owner, 2 deployment
 * criticality with the risk weight it implies, 3 top risks (and every
 * finding), 4 exceptions, 5 release gate trend, 6 critical/high aging, 7
 * control adoption, 8 metrics, 9 the next 30 days' actions; then release
 * evidence, secret rotation and the recent ingestions. Sections 2-9 come
 * from one scorecard request; every number opens the list behind it.
 */
export const EntitySecurityCards = (props: { entity: AspmEntity }) => {
  const { entity } = props;
  const guidance = annotationGuidance(entity);
  const repository = entity.repository;
  const otherProblems = (entity.annotationProblems ?? []).filter(
    p => !COVERED_ANNOTATIONS.includes(p.annotation),
  );
  const dialogs = useExceptionDialogs();
  const scorecard = useEntityScorecard(entity.entityRef, dialogs.revision);
  const component = isComponent(entity);
  return (
    <DrilldownProvider
      onOpenException={dialogs.openDetails}
      onRequestException={dialogs.openRequestForFinding}
      onExceptionChanged={dialogs.changed}
    >
      <Grid container spacing={3} alignItems="stretch">
        <Grid item xs={12} md={6}>
          <InfoCard title="Ownership">
            <FieldList
              fields={[
                [
                  kindLabel(entity),
                  <>
                    {entity.title ?? entity.name}{' '}
                    <Typography variant="caption" color="textSecondary">
                      {entity.entityRef}
                    </Typography>
                  </>,
                ],
                [
                  'Owner',
                  entity.ownerRef ? (
                    <EntityLink
                      entityRef={entity.ownerRef}
                      plain={
                        entity.ownerResolution === 'dangling' ||
                        entity.ownerResolution === 'missing'
                      }
                    >
                      {entity.ownerRef}
                    </EntityLink>
                  ) : (
                    NO_VALUE
                  ),
                ],
                [
                  'Resolution',
                  <OwnerResolutionChip resolution={entity.ownerResolution} />,
                ],
                ['Why', entity.ownerResolutionReason || NO_VALUE],
                ['Owning team', <EntityLink entityRef={entity.owningTeam} />],
                [
                  'Business unit',
                  <EntityLink entityRef={entity.businessUnit} />,
                ],
                ['System', <EntityLink entityRef={entity.system} />],
                ['Domain', <EntityLink entityRef={entity.domain} />],
              ]}
            />
            <GuidanceFor topic="owner" guidance={guidance} />
            <GuidanceFor topic="businessUnit" guidance={guidance} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={6}>
          <InfoCard title="Deployment criticality">
            <FieldList
              fields={[
                [
                  'Tier',
                  <Value
                    ok={!!entity.tier}
                    text={tierLabel(entity.tier, { long: true })}
                  />,
                ],
                [
                  'Exposure',
                  <Value
                    ok={!!entity.exposure}
                    text={exposureLabel(entity.exposure)}
                  />,
                ],
              ]}
            />
            <GuidanceFor topic="tier" guidance={guidance} />
            <GuidanceFor topic="exposure" guidance={guidance} />
            <Box mt={2}>
              {scorecard.value ? (
                <RiskWeightExplanation
                  criticality={scorecard.value.criticality}
                />
              ) : (
                scorecard.loading && <Progress />
              )}
            </Box>
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={6}>
          <InfoCard title="Repository">
            <FieldList
              fields={[
                ['Repository', <RepositoryValue repository={repository} />],
                ...(repository
                  ? ([
                      ['From annotation', <code>{repository.source}</code>],
                    ] as Array<[string, JSX.Element]>)
                  : []),
              ]}
            />
            <GuidanceFor topic="repository" guidance={guidance} />
          </InfoCard>
        </Grid>
        {otherProblems.length > 0 && (
          <Grid item xs={12} md={6}>
            <InfoCard title="Other annotation problems">
              {otherProblems.map(p => (
                <Box key={p.annotation} mb={1}>
                  <Alert severity="error">{p.message}</Alert>
                </Box>
              ))}
            </InfoCard>
          </Grid>
        )}
        <Grid item xs={12}>
          <Typography variant="caption" color="textSecondary">
            Synced from the catalog {formatDateTime(entity.lastSyncedAt)}.
          </Typography>
        </Grid>
        <Grid item xs={12}>
          <ScorecardSection title="Current top risks" state={scorecard}>
            {card => (
              <TopRisksCard
                topRisks={card.topRisks}
                showEntity={!component}
                all={{
                  kind: 'findingsQuery',
                  title: `Open findings of ${shortEntityRef(entity.entityRef)}`,
                  request: {
                    entityRef: card.entityRefs.slice(0, 100),
                    state: ['open'],
                  },
                }}
              />
            )}
          </ScorecardSection>
        </Grid>
        <Grid item xs={12}>
          <EntityFindings
            entityRef={entity.entityRef}
            revision={dialogs.revision}
            onOpenException={dialogs.openDetails}
            onRequestException={dialogs.openRequestForFinding}
          />
        </Grid>
        <Grid item xs={12}>
          <EntityExceptions
            entityRef={entity.entityRef}
            revision={dialogs.revision}
            onOpen={dialogs.openDetails}
            onRequest={dialogs.openRequest}
            summary={
              scorecard.value && (
                <ExceptionsSummary exceptions={scorecard.value.exceptions} />
              )
            }
          />
        </Grid>
        {component && (
          <Grid item xs={12}>
            <SecurityGatesCard entityRef={entity.entityRef} />
          </Grid>
        )}
        <Grid item xs={12}>
          <ScorecardSection
            title="Critical and high finding aging"
            state={scorecard}
          >
            {card => <AgingCard aging={card.aging} />}
          </ScorecardSection>
        </Grid>
        <Grid item xs={12}>
          <ScorecardSection title="Control adoption" state={scorecard}>
            {card => (
              <ControlsCard
                controls={card.controls}
                single={card.entityRefs.length === 1}
              />
            )}
          </ScorecardSection>
        </Grid>
        <Grid item xs={12}>
          <ScorecardSection title="Metrics against target" state={scorecard}>
            {card => (
              <MetricsCard metrics={card.metrics} scope={card.entityRef} />
            )}
          </ScorecardSection>
        </Grid>
        <Grid item xs={12}>
          <ScorecardSection title="Next 30 days" state={scorecard}>
            {card => (
              <ActionsCard actions={card.actions} showEntity={!component} />
            )}
          </ScorecardSection>
        </Grid>
        {component && (
          <>
            <Grid item xs={12}>
              <ReleaseEvidenceCard entityRef={entity.entityRef} />
            </Grid>
            <Grid item xs={12}>
              <SecretRotationCard entityRef={entity.entityRef} />
            </Grid>
          </>
        )}
        <Grid item xs={12}>
          <RecentIngestionsCard entityRef={entity.entityRef} />
        </Grid>
        {dialogs.detailsId !== undefined && (
          <ExceptionDetailsDialog
            key={dialogs.detailsId}
            id={dialogs.detailsId}
            onClose={dialogs.closeDetails}
            onChanged={dialogs.changed}
          />
        )}
        {dialogs.requestPrefill && (
          <ExceptionRequestDialog
            entityRef={entity.entityRef}
            tier={entity.tier}
            prefill={dialogs.requestPrefill}
            onClose={dialogs.closeRequest}
            onCreated={e => dialogs.created(e.id)}
          />
        )}
      </Grid>
    </DrilldownProvider>
  );
};

/** The Security tab of Components and Systems. */
export const EntitySecurityContent = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAspmEntity(entityRef);

  if (loading) return <Progress />;
  if (error) {
    if (isNotFoundError(error)) {
      return (
        <EmptyState
          missing="data"
          title="The ASPM store has not seen this entity yet"
          description={
            <>
              The catalog sync copies catalog entities into the ASPM store every
              few minutes, so a newly registered entity shows up here shortly.
              Platform teams can run the sync now with{' '}
              <code>POST /api/aspm/catalog-sync</code>.
            </>
          }
        />
      );
    }
    return <ResponseErrorPanel error={error} title={errorMessage(error)} />;
  }
  if (!value) return null;
  if (value.goneAt) {
    return (
      <>
        <Alert severity="info">
          This entity left the catalog on {formatDateTime(value.goneAt)}; it no
          longer counts in any report.
        </Alert>
        <EntitySecurityCards entity={value} />
      </>
    );
  }
  return <EntitySecurityCards entity={value} />;
};
