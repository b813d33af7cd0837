/*
 * The demo portal's backend: catalog, guest and demo-user sign-in,
 * permissions, scheduler, and the ASPM plugin family.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

// auth: guest sign-in for local use (see app-config.yaml auth.providers.guest)
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// DEMO ONLY: sign in as any catalog User by name (header x-aspm-demo-user).
// Mounted only when auth.providers.aspmDemo is configured (app-config.yaml,
// never app-config.production.yaml); see docs/demo-users.md.
backend.add(import('./demoUsersAuthModule'));

// catalog, with ASPM annotation validation
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@aspm/plugin-catalog-backend-module-aspm'));

// permissions, with the demo policy
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissionPolicyModule'));

// ASPM
backend.add(import('@aspm/plugin-aspm-backend'));

// The ASPM actions (and any other plugin's listed in
// backend.actions.pluginSources) as MCP tools at /api/mcp-actions/v1.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
