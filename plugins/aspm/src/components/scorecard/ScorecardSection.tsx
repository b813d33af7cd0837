import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { ReactElement } from 'react';
import { errorMessage } from '../../utils/errors';

/**
 * A section fed by the scorecard request: its card with a progress bar
 * while the scorecard loads, the error when it failed, else the section.
 */
export function ScorecardSection<T>(props: {
  title: string;
  state: { loading: boolean; error?: Error; value?: T };
  children: (value: T) => ReactElement;
}) {
  const { loading, error, value } = props.state;
  if (value) return props.children(value);
  return (
    <InfoCard title={props.title}>
      {loading && <Progress />}
      {error && (
        <ResponseErrorPanel error={error} title={errorMessage(error)} />
      )}
    </InfoCard>
  );
}
