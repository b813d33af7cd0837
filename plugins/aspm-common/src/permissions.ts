import { createPermission } from '@backstage/plugin-permission-common';

/** Read security posture data (entities, ownership, metrics). @public */
export const aspmReadPermission = createPermission({
  name: 'aspm.read',
  attributes: { action: 'read' },
});

/** Run the catalog sync on demand. @public */
export const aspmCatalogSyncPermission = createPermission({
  name: 'aspm.catalog.sync',
  attributes: { action: 'update' },
});

/** Push scanner output (POST /ingest). @public */
export const aspmFindingsIngestPermission = createPermission({
  name: 'aspm.findings.ingest',
  attributes: { action: 'create' },
});

/** Run an ingestion source now (POST /sources/:id/run). @public */
export const aspmSourcesRunPermission = createPermission({
  name: 'aspm.sources.run',
  attributes: { action: 'update' },
});

/** Request an exception (risk acceptance). @public */
export const aspmExceptionCreatePermission = createPermission({
  name: 'aspm.exception.create',
  attributes: { action: 'create' },
});

/**
 * Approve, reject, renew or revoke an exception. Never enough on its own to
 * approve one's own request: the router refuses that whatever the policy says.
 * @public
 */
export const aspmExceptionApprovePermission = createPermission({
  name: 'aspm.exception.approve',
  attributes: { action: 'update' },
});

/** Recompute daily metric snapshots from the event history. @public */
export const aspmSnapshotsRebuildPermission = createPermission({
  name: 'aspm.snapshots.rebuild',
  attributes: { action: 'update' },
});

/** Every permission the ASPM plugins define. @public */
/**
 * Post release candidates with their gates and evidence (CI pipelines, with
 * an external-access token). @public
 */
export const aspmReleaseCreatePermission = createPermission({
  name: 'aspm.release.create',
  attributes: { action: 'create' },
});

/** Record that a leaked secret was rotated. @public */
export const aspmSecretRotatePermission = createPermission({
  name: 'aspm.secret.rotate',
  attributes: { action: 'update' },
});

/**
 * Post program signals: security reviews, incident follow-up actions and
 * deployments (the tools that track them, CI pipelines). @public
 */
export const aspmSignalsCreatePermission = createPermission({
  name: 'aspm.signals.create',
  attributes: { action: 'create' },
});

/** Read director packs (GET /packs/:audience, asks, narrative revisions). @public */
export const aspmPackReadPermission = createPermission({
  name: 'aspm.pack.read',
  attributes: { action: 'read' },
});

/**
 * Edit a director pack: save its narrative and decisions, raise, edit and
 * close strategic asks, refresh a closed period's frozen numbers. @public
 */
export const aspmPackEditPermission = createPermission({
  name: 'aspm.pack.edit',
  attributes: { action: 'update' },
});

export const aspmPermissions = [
  aspmReadPermission,
  aspmCatalogSyncPermission,
  aspmFindingsIngestPermission,
  aspmSourcesRunPermission,
  aspmExceptionCreatePermission,
  aspmExceptionApprovePermission,
  aspmReleaseCreatePermission,
  aspmSecretRotatePermission,
  aspmSnapshotsRebuildPermission,
  aspmSignalsCreatePermission,
  aspmPackReadPermission,
  aspmPackEditPermission,
];
