import { createHash } from 'node:crypto';
import { Knex } from 'knex';

/**
 * Holds, until the transaction ends, a lock on each of the given keys, so two
 * writers of the same key (two replicas receiving the same upload at once)
 * take turns: the second sees what the first committed instead of reading
 * the same "before" and writing twice.
 *
 * On PostgreSQL these are transaction-scoped advisory locks, taken in one
 * sorted order so overlapping key sets cannot deadlock. SQLite needs none:
 * it has one writer at a time, and a transaction here holds the only
 * connection.
 */
export async function lockKeys(
  tx: Knex.Transaction,
  namespace: string,
  keys: string[],
): Promise<void> {
  const client = String(tx.client.config.client);
  if (client !== 'pg' && client !== 'postgres' && client !== 'postgresql') {
    return;
  }
  const ids = [
    ...new Set(keys.map(key => advisoryLockId(`${namespace}\u0000${key}`))),
  ].sort();
  for (const id of ids) {
    await tx.raw('select pg_advisory_xact_lock(?::bigint)', [id]);
  }
}

/** A signed 64-bit id for a key, as a decimal string (bigint range). */
export function advisoryLockId(key: string): string {
  const digest = createHash('sha256').update(key).digest();
  return digest.readBigInt64BE(0).toString();
}
