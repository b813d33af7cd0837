import { Finding } from '@aspm/plugin-aspm-common';
import { ReactNode, useCallback, useState } from 'react';
import { Drilldown } from '../../utils/scorecard/drilldown';
import { ExceptionDetailsDialog } from '../exceptions';
import { DrilldownContext } from './DrilldownContext';
import { DrilldownDialog, ListDrilldown } from './DrilldownDialog';
import { FindingByIdDialog } from './FindingByIdDialog';
import { ReleaseByIdDialog } from './ReleaseByIdDialog';

type ItemDrilldown = Extract<
  Drilldown,
  { kind: 'finding' } | { kind: 'exception' } | { kind: 'release' }
>;

const isItem = (d: Drilldown): d is ItemDrilldown =>
  d.kind === 'finding' || d.kind === 'exception' || d.kind === 'release';

/**
 * Lets every number below it open the list behind it (a dialog over the
 * tab) and every item its details (on top of the list). Exceptions open in
 * the tab's own exception dialogs when `onOpenException` is given, so a
 * decision there reloads the tab.
 */
export const DrilldownProvider = (props: {
  children: ReactNode;
  onOpenException?: (id: number) => void;
  onRequestException?: (finding: Finding) => void;
  onExceptionChanged?: () => void;
}) => {
  const { onOpenException } = props;
  const [list, setList] = useState<ListDrilldown>();
  const [item, setItem] = useState<ItemDrilldown>();
  const open = useCallback(
    (d: Drilldown) => {
      if (!isItem(d)) {
        setList(d);
      } else if (d.kind === 'exception' && onOpenException) {
        setList(undefined);
        onOpenException(d.id);
      } else {
        setItem(d);
      }
    },
    [onOpenException],
  );
  const closeItem = () => setItem(undefined);
  return (
    <DrilldownContext.Provider value={open}>
      {props.children}
      {list && (
        <DrilldownDialog drilldown={list} onClose={() => setList(undefined)} />
      )}
      {item?.kind === 'finding' && (
        <FindingByIdDialog
          key={item.id}
          id={item.id}
          onClose={closeItem}
          onOpenException={
            onOpenException &&
            (id => {
              setList(undefined);
              onOpenException(id);
            })
          }
          onRequestException={
            props.onRequestException &&
            (finding => {
              setList(undefined);
              props.onRequestException!(finding);
            })
          }
        />
      )}
      {item?.kind === 'release' && (
        <ReleaseByIdDialog key={item.id} id={item.id} onClose={closeItem} />
      )}
      {item?.kind === 'exception' && (
        <ExceptionDetailsDialog
          key={item.id}
          id={item.id}
          onClose={closeItem}
          onChanged={props.onExceptionChanged}
        />
      )}
    </DrilldownContext.Provider>
  );
};
