/*
 * DEMO ONLY. The demo portal's sign-in choices. Signing in as a demo user goes
 * through the backend's `aspmDemo` provider, which believes whatever name the
 * browser sends: anyone can be anyone. See docs/demo-users.md.
 */

/** The backend's demo provider (packages/backend/src/demoUsersAuthModule.ts). */
export const DEMO_PROVIDER_ID = 'aspmDemo';

/** The header that names the catalog User to sign in as. */
export const DEMO_USER_HEADER = 'x-aspm-demo-user';

/** A User of examples/org.yaml offered on the sign-in page. */
export interface DemoUser {
  /** The catalog User's name (`user:default/<name>`). */
  name: string;
  displayName: string;
  /** Short role, part of the button's accessible name. */
  role: string;
  /** The group the role is about (also part of the accessible name). */
  group: string;
  /** What this user can do in the demo. */
  description: string;
}

/** The users on the picker; any other catalog User can be typed in. */
export const DEMO_USERS: DemoUser[] = [
  {
    name: 'alice',
    displayName: 'Alice Ng',
    role: 'engineer',
    group: 'team-checkout',
    description:
      'Product engineer in Checkout (Payments): owns refunds-worker, her team owns payments-api and checkout-web. Can request exceptions; cannot approve them.',
  },
  {
    name: 'bob',
    displayName: 'Bob Ortiz',
    role: 'engineer',
    group: 'team-ledger',
    description:
      'Product engineer in Ledger (Payments; ledger-service, card-vault): a second requester. Can request exceptions; cannot approve them.',
  },
  {
    name: 'niaj',
    displayName: 'Niaj Haddad',
    role: 'security engineer',
    group: 'security',
    description:
      'Product Security: approves, rejects, renews and revokes exceptions (never one they requested themselves).',
  },
  {
    name: 'rosa',
    displayName: 'Rosa Martins',
    role: 'director',
    group: 'directors',
    description:
      'Director: runs the monthly security review at /aspm; edits the director packs (narrative, decisions, strategic asks).',
  },
];

/** The accessible name of a user's sign-in button. */
export function signInLabel(user: DemoUser): string {
  return `Sign in as ${user.displayName} (${user.role}, ${user.group})`;
}

/** What the sign-in page remembers, so that a page reload keeps the session. */
export type DemoSignInChoice =
  | { provider: 'guest' }
  | { provider: typeof DEMO_PROVIDER_ID; user: string };

/** localStorage key of the remembered choice; sign-out removes it. */
export const SIGN_IN_STORAGE_KEY = '@aspm/demo-sign-in';

const USER_NAME = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/i;

/** Whether a typed name can be a catalog User name (the backend checks it exists). */
export function isValidUserName(name: string): boolean {
  return name.length <= 63 && USER_NAME.test(name);
}

export function readSignInChoice(): DemoSignInChoice | undefined {
  try {
    const raw = window.localStorage.getItem(SIGN_IN_STORAGE_KEY);
    if (!raw) return undefined;
    const value = JSON.parse(raw);
    if (value?.provider === 'guest') return { provider: 'guest' };
    if (
      value?.provider === DEMO_PROVIDER_ID &&
      typeof value.user === 'string' &&
      isValidUserName(value.user)
    ) {
      return { provider: DEMO_PROVIDER_ID, user: value.user };
    }
  } catch {
    // unreadable: sign in again
  }
  return undefined;
}

export function storeSignInChoice(choice: DemoSignInChoice): void {
  try {
    window.localStorage.setItem(SIGN_IN_STORAGE_KEY, JSON.stringify(choice));
  } catch {
    // private mode or full storage: the session just won't survive a reload
  }
}

export function clearSignInChoice(): void {
  try {
    window.localStorage.removeItem(SIGN_IN_STORAGE_KEY);
  } catch {
    // nothing to clear
  }
}
