import knexFactory from 'knex';

/** Whether a PostgreSQL server answers at `url` (within 3 s). */
export async function pgAnswers(url: string): Promise<boolean> {
  const k = knexFactory({
    client: 'pg',
    connection: url,
    pool: { min: 0, max: 1 },
    acquireConnectionTimeout: 3000,
  });
  try {
    await k.raw('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await k.destroy();
  }
}
