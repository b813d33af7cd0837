/** The "expiring within" choices: a week to a quarter, and the policy's threshold. */
export function expiringWithinOptions(expiringSoonDays?: number): number[] {
  const days = new Set([7, 14, 30, 60, 90]);
  if (expiringSoonDays !== undefined && expiringSoonDays > 0) {
    days.add(expiringSoonDays);
  }
  return [...days].sort((a, b) => a - b);
}
