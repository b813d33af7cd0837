import { DatabaseService } from '@backstage/backend-plugin-api';
import { DatabaseAspmStore } from './DatabaseAspmStore';
import { DatabaseFindingsStore } from './DatabaseFindingsStore';

/** Migrates the plugin's database (unless told not to) and builds its stores. */
export async function createStores(options: { database: DatabaseService }) {
  const store = await DatabaseAspmStore.create(options);
  const findings = new DatabaseFindingsStore(
    await options.database.getClient(),
  );
  return { store, findings };
}
