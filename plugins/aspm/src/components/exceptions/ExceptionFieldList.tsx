import { AspmExceptionDetails, Tier } from '@aspm/plugin-aspm-common';
import { ReactNode } from 'react';
import { actorLabel } from '../../utils/exceptions/actorLabel';
import { exceptionCategoryLabel } from '../../utils/exceptions/exceptionCategoryLabel';
import { exceptionScopeLabel } from '../../utils/exceptions/exceptionScopeLabel';
import { requestedExpiryOf } from '../../utils/exceptions/requestedExpiryOf';
import { formatDate, formatDateTime, tierLabel } from '../../utils/format';
import { EntityLink, FieldList } from '../shared';
import { CompensatingControl } from './CompensatingControl';
import { ExceptionExpiry } from './ExceptionExpiry';
import { ExceptionSourceBadge } from './ExceptionSourceBadge';
import { ExceptionStatusChip } from './ExceptionStatusChip';

/** Every field of an exception as label/value pairs; unset decisions left out. */
export const ExceptionFieldList = (props: {
  exception: AspmExceptionDetails;
  expiringSoonDays: number;
}) => {
  const { exception: e, expiringSoonDays } = props;
  const fields: Array<[string, ReactNode]> = [];
  const add = (label: string, value: ReactNode, when = true) => {
    if (when) fields.push([label, value]);
  };
  const asked = requestedExpiryOf(e);

  add('Status', <ExceptionStatusChip status={e.status} />);
  add('Entity', <EntityLink entityRef={e.entityRef} />);
  add('Scope', exceptionScopeLabel(e.scope));
  add('Category', exceptionCategoryLabel(e.category));
  add(
    'Source',
    <>
      <ExceptionSourceBadge source={e.source} />
      {e.externalId && <code> {e.externalId}</code>}
    </>,
  );
  add('Requested by', actorLabel(e.requestedBy));
  add('Requested at', formatDateTime(e.requestedAt));
  add('Expiry asked for', formatDate(asked), Boolean(asked));
  add(
    'Expires',
    <ExceptionExpiry exception={e} expiringSoonDays={expiringSoonDays} />,
  );
  add('Review date', e.reviewAt ? formatDate(e.reviewAt) : 'None');
  add(
    'Compensating control',
    <CompensatingControl control={e.compensatingControl} />,
  );
  add('Decided by', actorLabel(e.decidedBy ?? ''), Boolean(e.decidedBy));
  add('Decided at', formatDateTime(e.decidedAt), Boolean(e.decidedAt));
  add('Decision note', e.decisionNote, Boolean(e.decisionNote));
  add('Renewals', String(e.renewals));
  add('Covered findings', String(e.coveredFindings));
  add('Owning team', <EntityLink entityRef={e.team} />);
  add('Business unit', <EntityLink entityRef={e.businessUnit} />);
  add('Tier', tierLabel(e.tier as Tier | undefined));
  return <FieldList fields={fields} />;
};
