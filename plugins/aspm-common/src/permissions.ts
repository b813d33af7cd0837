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

/** Every permission the ASPM plugins define. @public */
export const aspmPermissions = [aspmReadPermission, aspmCatalogSyncPermission];
