import { DatabaseMetricsStore } from './DatabaseMetricsStore';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { DatabaseAspmStore } from './DatabaseAspmStore';
import { DatabaseFindingsStore } from './DatabaseFindingsStore';
import { DatabaseExceptionsStore } from './DatabaseExceptionsStore';
import { DatabaseReleasesStore } from './DatabaseReleasesStore';
import { DatabaseSnapshotStore } from './DatabaseSnapshotStore';
import { DatabaseSignalsStore } from './DatabaseSignalsStore';
import { DatabasePackStore } from './DatabasePackStore';

/** Migrates the plugin's database (unless told not to) and builds its stores. */
export async function createStores(options: { database: DatabaseService }) {
  const store = await DatabaseAspmStore.create(options);
  const client = await options.database.getClient();
  const findings = new DatabaseFindingsStore(client);
  const exceptions = new DatabaseExceptionsStore(client);
  const releases = new DatabaseReleasesStore(client);
  const snapshots = new DatabaseSnapshotStore(client);
  const signals = new DatabaseSignalsStore(client);
  const metrics = new DatabaseMetricsStore(client, signals);
  const packs = new DatabasePackStore(client);
  return {
    store,
    findings,
    exceptions,
    releases,
    metrics,
    snapshots,
    signals,
    packs,
  };
}
