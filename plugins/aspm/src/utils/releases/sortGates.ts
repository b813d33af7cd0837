import { GATE_TYPES, ReleaseGate } from '@aspm/plugin-aspm-common';

const rank = (type: string) => {
  const i = (GATE_TYPES as readonly string[]).indexOf(type);
  return i === -1 ? GATE_TYPES.length : i;
};

/** Gate results by type (in the order of `GATE_TYPES`), then by attempt. */
export function sortGates(gates: ReleaseGate[]): ReleaseGate[] {
  return [...gates].sort(
    (a, b) =>
      rank(a.type) - rank(b.type) ||
      a.type.localeCompare(b.type) ||
      a.attempt - b.attempt,
  );
}
