import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ReactNode } from 'react';
import { NO_VALUE } from '../../utils/format';
import { shortEntityRef, tryParseEntityRef } from '../../utils/entityRefs';

/**
 * A link to an entity's catalog page, or the plain ref when it is not a
 * valid ref (or when `plain` is set, e.g. for a dangling owner).
 */
export const EntityLink = (props: {
  entityRef?: string;
  children?: ReactNode;
  plain?: boolean;
}) => {
  const { entityRef, children, plain } = props;
  if (!entityRef) return <>{NO_VALUE}</>;
  const label = children ?? shortEntityRef(entityRef);
  if (plain || !tryParseEntityRef(entityRef)) {
    return <span title={entityRef}>{children ?? entityRef}</span>;
  }
  return (
    <EntityRefLink entityRef={entityRef} title={entityRef}>
      {label}
    </EntityRefLink>
  );
};
