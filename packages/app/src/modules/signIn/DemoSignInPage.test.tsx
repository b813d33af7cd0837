import { IdentityApi } from '@backstage/frontend-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { DemoSignInPage } from './DemoSignInPage';
import { SIGN_IN_STORAGE_KEY } from './demoUsers';

const BACKEND = 'http://localhost:7007';

function token() {
  const payload = btoa(
    JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600 }),
  );
  return `header.${payload}.signature`;
}

function session(userEntityRef: string, groups: string[] = []) {
  return {
    profile: { displayName: userEntityRef },
    backstageIdentity: {
      token: token(),
      identity: {
        type: 'user',
        userEntityRef,
        ownershipEntityRefs: [userEntityRef, ...groups],
      },
    },
  };
}

function ok(body: unknown) {
  return { ok: true, status: 200, json: async () => body };
}

function refused(status: number, name: string, message: string) {
  const text = JSON.stringify({
    error: { name, message },
    request: { method: 'GET', url: '/refresh' },
    response: { statusCode: status },
  });
  return {
    ok: false,
    status,
    statusText: 'Forbidden',
    headers: { get: () => 'application/json; charset=utf-8' },
    text: async () => text,
    json: async () => JSON.parse(text),
  };
}

const fetchMock = jest.fn();
const realFetch = global.fetch;

beforeEach(() => {
  window.localStorage.clear();
  fetchMock.mockReset();
  global.fetch = fetchMock as unknown as typeof fetch;
});

afterAll(() => {
  global.fetch = realFetch;
});

/** The header a refresh call sent, by call index. */
function sentUser(call: number): string | null {
  return new Headers(fetchMock.mock.calls[call][1].headers).get(
    'x-aspm-demo-user',
  );
}

async function renderPage() {
  const onSignInSuccess = jest.fn<void, [IdentityApi]>();
  renderInTestApp(<DemoSignInPage onSignInSuccess={onSignInSuccess} />, {
    apis: [mockApis.discovery({ baseUrl: BACKEND })],
    config: { app: { title: 'ASPM demo portal' } },
  });
  return onSignInSuccess;
}

describe('DemoSignInPage', () => {
  it('offers the demo users, with their name and role, and Guest', async () => {
    await renderPage();
    expect(
      await screen.findByRole('button', {
        name: 'Sign in as Alice Ng (engineer, team-checkout)',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Sign in as Niaj Haddad (security engineer, security)',
      }),
    ).toBeInTheDocument();
    // The only button whose name says "enter" (the e2e tests rely on it).
    expect(screen.getAllByRole('button', { name: /enter/i })).toHaveLength(1);
    expect(screen.getByRole('button', { name: /enter/i })).toHaveAccessibleName(
      'Enter as Guest (guest, in no group)',
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('signs in as the chosen user through the demo provider and remembers it', async () => {
    fetchMock.mockResolvedValue(
      ok(session('user:default/alice', ['group:default/team-checkout'])),
    );
    const onSignInSuccess = await renderPage();
    fireEvent.click(
      await screen.findByRole('button', { name: /^Sign in as Alice Ng/ }),
    );
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(fetchMock.mock.calls[0][0]).toBe(
      `${BACKEND}/api/auth/aspmDemo/refresh`,
    );
    expect(sentUser(0)).toBe('alice');
    const identity = onSignInSuccess.mock.calls[0][0];
    expect(await identity.getBackstageIdentity()).toEqual({
      type: 'user',
      userEntityRef: 'user:default/alice',
      ownershipEntityRefs: [
        'user:default/alice',
        'group:default/team-checkout',
      ],
    });
    expect(
      JSON.parse(window.localStorage.getItem(SIGN_IN_STORAGE_KEY)!),
    ).toEqual({ provider: 'aspmDemo', user: 'alice' });

    // Signing out forgets the choice, so the next page load shows the picker.
    await identity.signOut();
    expect(window.localStorage.getItem(SIGN_IN_STORAGE_KEY)).toBeNull();
  });

  it('signs in again without asking after a reload', async () => {
    window.localStorage.setItem(
      SIGN_IN_STORAGE_KEY,
      JSON.stringify({ provider: 'aspmDemo', user: 'niaj' }),
    );
    fetchMock.mockResolvedValue(
      ok(session('user:default/niaj', ['group:default/security'])),
    );
    const onSignInSuccess = await renderPage();
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(sentUser(0)).toBe('niaj');
    expect(screen.queryByRole('button', { name: /^Sign in as/ })).toBeNull();
  });

  it('signs in as Guest through the guest provider', async () => {
    fetchMock.mockResolvedValue(ok(session('user:development/guest')));
    const onSignInSuccess = await renderPage();
    fireEvent.click(await screen.findByRole('button', { name: /enter/i }));
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(fetchMock.mock.calls[0][0]).toBe(
      `${BACKEND}/api/auth/guest/refresh`,
    );
    expect(sentUser(0)).toBeNull();
    expect(
      JSON.parse(window.localStorage.getItem(SIGN_IN_STORAGE_KEY)!),
    ).toEqual({ provider: 'guest' });
  });

  it('signs in as another catalog user typed by name', async () => {
    fetchMock.mockResolvedValue(ok(session('user:default/olivia')));
    const onSignInSuccess = await renderPage();
    fireEvent.change(await screen.findByLabelText(/other catalog user/i), {
      target: { value: 'olivia' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in as olivia' }));
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(sentUser(0)).toBe('olivia');
  });

  it('shows a refused sign-in and offers the picker again', async () => {
    window.localStorage.setItem(
      SIGN_IN_STORAGE_KEY,
      JSON.stringify({ provider: 'aspmDemo', user: 'nobody' }),
    );
    fetchMock.mockResolvedValue(
      refused(
        403,
        'NotAllowedError',
        '"nobody" is not a User in the catalog; the demo sign-in only accepts catalog users',
      ),
    );
    const onSignInSuccess = await renderPage();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Sign-in failed: "nobody" is not a User in the catalog; the demo sign-in only accepts catalog users (Request failed with 403 Forbidden)',
    );
    expect(
      screen.getByRole('button', { name: /^Sign in as Alice Ng/ }),
    ).toBeInTheDocument();
    expect(window.localStorage.getItem(SIGN_IN_STORAGE_KEY)).toBeNull();
    expect(onSignInSuccess).not.toHaveBeenCalled();
  });
});
