import { MetricDirection, MetricStatus } from '@aspm/plugin-aspm-common';
import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { statusLabel } from '../../utils/packs/formatPackValue';

/** A metric's status against its target, with the status icon. */
export const MetricStatusText = (props: { status: MetricStatus | string }) => {
  const label = statusLabel(props.status);
  if (props.status === 'met') return <StatusOK>{label}</StatusOK>;
  if (props.status === 'not-met') return <StatusError>{label}</StatusError>;
  return <StatusWarning>{label}</StatusWarning>;
};

const ARROWS: Record<MetricDirection, string> = {
  improving: '▲ improving',
  flat: '▶ flat',
  worsening: '▼ worsening',
};

/** A metric's direction against the previous period, in words. */
export const DirectionText = (props: { direction?: MetricDirection }) =>
  props.direction ? <span>{ARROWS[props.direction]}</span> : <span>—</span>;
