import Button from '@material-ui/core/Button';
import { Drilldown } from '../../utils/scorecard/drilldown';
import { DetailsDialog } from '../shared';
import { DrilldownEntities } from './DrilldownEntities';
import { DrilldownExceptions } from './DrilldownExceptions';
import { DrilldownFindings } from './DrilldownFindings';
import { DrilldownMetricItems } from './DrilldownMetricItems';
import { DrilldownReleases } from './DrilldownReleases';

type ListDrilldown = Exclude<
  Drilldown,
  { kind: 'finding' } | { kind: 'exception' } | { kind: 'release' }
>;

const Body = (props: { drilldown: ListDrilldown }) => {
  const d = props.drilldown;
  switch (d.kind) {
    case 'findings':
      return <DrilldownFindings ids={d.ids} />;
    case 'findingsQuery':
      return <DrilldownFindings request={d.request} />;
    case 'exceptions':
      return <DrilldownExceptions ids={d.ids} />;
    case 'releases':
      return <DrilldownReleases request={d.request} />;
    case 'metric':
      return <DrilldownMetricItems metricId={d.metricId} scope={d.scope} />;
    case 'entities':
    default:
      return <DrilldownEntities entityRefs={d.entityRefs} note={d.note} />;
  }
};

/** The list behind a number, in a dialog over the tab. */
export const DrilldownDialog = (props: {
  drilldown: ListDrilldown;
  onClose: () => void;
}) => (
  <DetailsDialog
    titleId="aspm-drilldown-title"
    title={props.drilldown.title}
    closeLabel="Close list"
    onClose={props.onClose}
    actions={
      <Button onClick={props.onClose} color="primary">
        Close
      </Button>
    }
  >
    <Body drilldown={props.drilldown} />
  </DetailsDialog>
);

export type { ListDrilldown };
