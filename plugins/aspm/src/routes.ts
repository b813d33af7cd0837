import { createRouteRef } from '@backstage/core-plugin-api';

/** The ASPM org page. @public */
export const rootRouteRef = createRouteRef({ id: 'aspm' });
