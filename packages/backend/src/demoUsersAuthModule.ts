/*
 * ============================================================================
 *  DEMO ONLY - NEVER ENABLE IN PRODUCTION.
 *
 *  This sign-in provider lets ANYONE be ANYONE: whoever can reach the backend
 *  gets a token for any User in the catalog by sending a header such as
 *  `x-aspm-demo-user: alice`. There is no password and no check of who is
 *  asking. It exists so that reviewers of the demo portal can request a
 *  security exception as one user and approve it as another.
 *
 *  It is off unless `auth.providers.aspmDemo` is present in the config
 *  (app-config.yaml has it, app-config.production.yaml must not), and even
 *  then it refuses to work outside NODE_ENV=development unless
 *  `auth.providers.aspmDemo.dangerouslyAllowOutsideDevelopment: true`.
 *  See docs/demo-users.md.
 * ============================================================================
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { UserEntity } from '@backstage/catalog-model';
import {
  AuthenticationError,
  InputError,
  NotAllowedError,
} from '@backstage/errors';
import {
  AuthResolverContext,
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
  createProxyAuthenticator,
  SignInResolver,
} from '@backstage/plugin-auth-node';

/** The provider id: `/api/auth/aspmDemo/refresh`, `auth.providers.aspmDemo`. */
export const DEMO_PROVIDER_ID = 'aspmDemo';

/** The request header naming the catalog User to sign in as. */
export const DEMO_USER_HEADER = 'x-aspm-demo-user';

/** What the authenticator extracts from a request. */
export interface DemoUserResult {
  /** The name of a User entity in the default namespace, e.g. `alice`. */
  userName: string;
}

/** The authenticator's state, from `auth.providers.aspmDemo`. */
export interface DemoUsersContext {
  /** Why the provider refuses every request, if it does. */
  disabledReason?: string;
}

// Catalog entity names: letters and digits, separated by - _ or ., at most 63.
const USER_NAME = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/i;

/**
 * Reads the user name from the `x-aspm-demo-user` header: 401 when missing,
 * 400 when it cannot be an entity name (a full ref such as `user:default/x`
 * is not accepted: only Users of the default namespace can be picked).
 */
export function readDemoUserName(headers: {
  [name: string]: string | string[] | undefined;
}): string {
  const raw = headers[DEMO_USER_HEADER];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!value) {
    throw new AuthenticationError(
      `Demo sign-in needs the ${DEMO_USER_HEADER} header with the name of a catalog User`,
    );
  }
  if (value.length > 63 || !USER_NAME.test(value)) {
    throw new InputError(
      `${DEMO_USER_HEADER} must be the name of a User entity (such as "alice")`,
    );
  }
  return value;
}

/** Decides, once at start, whether the provider may run in this process. */
export function demoUsersContext(
  config: { getOptionalBoolean(key: string): boolean | undefined },
  nodeEnv: string | undefined = process.env.NODE_ENV,
): DemoUsersContext {
  if (
    nodeEnv !== 'development' &&
    config.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') !== true
  ) {
    return {
      disabledReason: `The ${DEMO_PROVIDER_ID} demo sign-in lets anyone sign in as any user and only runs with NODE_ENV=development (or 'auth.providers.${DEMO_PROVIDER_ID}.dangerouslyAllowOutsideDevelopment: true')`,
    };
  }
  return {};
}

/** Finds the catalog User of that name, or refuses (403) a name that is none. */
async function findDemoUser(
  ctx: AuthResolverContext,
  userName: string,
): Promise<UserEntity> {
  try {
    const { entity } = await ctx.findCatalogUser({
      entityRef: { kind: 'User', namespace: 'default', name: userName },
    });
    return entity as UserEntity;
  } catch (error) {
    if ((error as Error)?.name === 'NotFoundError') {
      throw new NotAllowedError(
        `"${userName}" is not a User in the catalog; the demo sign-in only accepts catalog users`,
      );
    }
    throw error;
  }
}

/** Reads the user from the header; the profile comes from the catalog User. */
export const demoUsersAuthenticator = createProxyAuthenticator<
  DemoUsersContext,
  DemoUserResult,
  undefined
>({
  async defaultProfileTransform(result, ctx) {
    const user = await findDemoUser(ctx, result.userName);
    const profile = user.spec.profile ?? {};
    return {
      profile: {
        displayName:
          profile.displayName ?? user.metadata.title ?? user.metadata.name,
        ...(profile.email ? { email: profile.email } : {}),
        ...(profile.picture ? { picture: profile.picture } : {}),
      },
    };
  },
  initialize({ config }) {
    return demoUsersContext(config);
  },
  async authenticate({ req }, ctx) {
    if (ctx.disabledReason) {
      throw new NotAllowedError(ctx.disabledReason);
    }
    return { result: { userName: readDemoUserName(req.headers) } };
  },
});

/**
 * Signs in as the catalog User of that name, so the token carries the user's
 * ownership refs (the user and the groups it is a member of), which the
 * permission policy judges. Names that are not catalog Users are refused.
 */
export const signInAsDemoUser: SignInResolver<DemoUserResult> = async (
  { result },
  ctx,
) => {
  try {
    return await ctx.signInWithCatalogUser({
      entityRef: { kind: 'User', namespace: 'default', name: result.userName },
    });
  } catch (error) {
    if ((error as Error)?.name === 'NotFoundError') {
      throw new NotAllowedError(
        `"${result.userName}" is not a User in the catalog; the demo sign-in only accepts catalog users`,
      );
    }
    throw error;
  }
};

/**
 * DEMO ONLY: the `aspmDemo` sign-in provider (see the top of this file).
 * Registered always; the auth backend only mounts it when
 * `auth.providers.aspmDemo` is in the config.
 */
export default createBackendModule({
  pluginId: 'auth',
  moduleId: 'aspm-demo-users-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ providers, config, logger }) {
        if (config.has(`auth.providers.${DEMO_PROVIDER_ID}`)) {
          logger.warn(
            `DEMO ONLY: auth provider '${DEMO_PROVIDER_ID}' is enabled - anyone who can reach this backend can sign in as any catalog User (header ${DEMO_USER_HEADER}). Never enable it in production.`,
          );
        }
        providers.registerProvider({
          providerId: DEMO_PROVIDER_ID,
          factory: createProxyAuthProviderFactory({
            authenticator: demoUsersAuthenticator,
            signInResolver: signInAsDemoUser,
          }),
        });
      },
    });
  },
});
