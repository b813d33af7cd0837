/*
 * DEMO ONLY. A sign-in page that lets the visitor pick who they are: a few
 * users of the demo org (through the backend's `aspmDemo` provider, which
 * believes the name it is sent), any other catalog User by name, or Guest.
 * The choice is kept in localStorage so that a page reload keeps the session;
 * signing out forgets it and shows this page again. See docs/demo-users.md.
 */
import { FormEvent, useCallback, useMemo, useState, useEffect } from 'react';
import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
} from '@backstage/core-components';
import {
  configApiRef,
  IdentityApi,
  ProfileInfo,
  useApi,
} from '@backstage/frontend-plugin-api';
import type { SignInPageProps } from '@backstage/plugin-app-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  clearSignInChoice,
  DEMO_PROVIDER_ID,
  DEMO_USER_HEADER,
  DEMO_USERS,
  DemoSignInChoice,
  isValidUserName,
  readSignInChoice,
  signInLabel,
  storeSignInChoice,
} from './demoUsers';

/** The deprecated parts some identities still have (and the app may call). */
type LegacyIdentityApi = IdentityApi & {
  getUserId?(): string;
  getIdToken?(): Promise<string | undefined>;
  getProfile?(): ProfileInfo;
};

/**
 * The signed-in identity, whose sign-out also forgets the remembered choice
 * (the app then reloads at its base path, which shows the picker again).
 */
export class DemoSessionIdentity implements LegacyIdentityApi {
  constructor(private readonly inner: LegacyIdentityApi) {}

  getProfileInfo() {
    return this.inner.getProfileInfo();
  }

  getBackstageIdentity() {
    return this.inner.getBackstageIdentity();
  }

  getCredentials() {
    return this.inner.getCredentials();
  }

  getUserId(): string {
    if (!this.inner.getUserId) {
      throw new Error('IdentityApi does not implement getUserId');
    }
    return this.inner.getUserId();
  }

  async getIdToken(): Promise<string | undefined> {
    if (!this.inner.getIdToken) {
      throw new Error('IdentityApi does not implement getIdToken');
    }
    return this.inner.getIdToken();
  }

  getProfile(): ProfileInfo {
    if (!this.inner.getProfile) {
      throw new Error('IdentityApi does not implement getProfile');
    }
    return this.inner.getProfile();
  }

  async signOut(): Promise<void> {
    clearSignInChoice();
    await this.inner.signOut();
  }
}

/** Hands a failed sign-in back to the page (rendered by ProxiedSignInPage). */
function ReportError(props: { error?: Error; onError(error: Error): void }) {
  const { error, onError } = props;
  useEffect(() => {
    onError(error ?? new Error('Sign-in failed'));
  }, [error, onError]);
  return null;
}

const listStyle = { listStyle: 'none', padding: 0 };

/** The backend's reason when there is one ("… is not a User in the catalog"). */
function describeError(error: Error): string {
  const cause = (error as Error & { cause?: unknown }).cause;
  if (error.name === 'ResponseError' && cause instanceof Error) {
    return `${cause.message} (${error.message})`;
  }
  return error.message;
}

function DemoUserPicker(props: {
  error?: Error;
  onChoose(choice: DemoSignInChoice): void;
}) {
  const { error, onChoose } = props;
  const configApi = useApi(configApiRef);
  const [otherName, setOtherName] = useState('');
  const other = otherName.trim();
  const otherValid = isValidUserName(other);

  const submitOther = (event: FormEvent) => {
    event.preventDefault();
    if (otherValid) onChoose({ provider: DEMO_PROVIDER_ID, user: other });
  };

  return (
    <Page themeId="home">
      <Header
        title={configApi.getOptionalString('app.title') ?? 'Backstage'}
        subtitle="Demo sign-in: pick who you are"
      />
      <Content>
        <Typography variant="body1" paragraph>
          <strong>Demo only: anyone can sign in as anyone here.</strong> Pick a
          user of the demo org to see the portal as them, for example request an
          exception as Alice and approve it as Niaj. Your choice is kept until
          you sign out (Settings, then Sign out).
        </Typography>
        {error && (
          <Typography role="alert" color="error" paragraph>
            Sign-in failed: {describeError(error)}
          </Typography>
        )}
        <Grid
          container
          spacing={2}
          component="ul"
          aria-label="Demo users"
          style={listStyle}
        >
          {DEMO_USERS.map(user => (
            <Grid item component="li" xs={12} sm={6} md={3} key={user.name}>
              <InfoCard
                title={user.displayName}
                subheader={`${user.role}, ${user.group}`}
                variant="fullHeight"
                actions={
                  <Button
                    color="primary"
                    variant="outlined"
                    aria-label={signInLabel(user)}
                    data-demo-user={user.name}
                    onClick={() =>
                      onChoose({ provider: DEMO_PROVIDER_ID, user: user.name })
                    }
                  >
                    Sign in
                  </Button>
                }
              >
                <Typography variant="body2">{user.description}</Typography>
              </InfoCard>
            </Grid>
          ))}
          <Grid item component="li" xs={12} sm={6} md={3}>
            <InfoCard
              title="Guest"
              subheader="no catalog user"
              variant="fullHeight"
              actions={
                <Button
                  color="primary"
                  variant="outlined"
                  aria-label="Enter as Guest (guest, in no group)"
                  data-demo-user="guest"
                  onClick={() => onChoose({ provider: 'guest' })}
                >
                  Enter
                </Button>
              }
            >
              <Typography variant="body2">
                user:development/guest, in no group. Can browse and request
                exceptions; cannot approve them.
              </Typography>
            </InfoCard>
          </Grid>
        </Grid>
        <form onSubmit={submitOther} aria-label="Sign in as another user">
          <Grid container spacing={2} alignItems="flex-end">
            <Grid item>
              <TextField
                id="aspm-demo-other-user"
                label="Other catalog user"
                helperText="The name of any User in the catalog, e.g. olivia"
                value={otherName}
                onChange={e => setOtherName(e.target.value)}
                inputProps={{ autoComplete: 'off', spellCheck: false }}
              />
            </Grid>
            <Grid item>
              <Button
                type="submit"
                variant="outlined"
                disabled={!otherValid}
                aria-label={
                  otherValid ? `Sign in as ${other}` : 'Sign in as this user'
                }
              >
                Sign in
              </Button>
            </Grid>
          </Grid>
        </form>
      </Content>
    </Page>
  );
}

/** The demo portal's sign-in page (see the top of this file). */
export function DemoSignInPage(props: SignInPageProps) {
  const { onSignInSuccess } = props;
  const [choice, setChoice] = useState(readSignInChoice);
  const [error, setError] = useState<Error>();

  const handleSuccess = useCallback(
    (identity: IdentityApi) => {
      if (choice) storeSignInChoice(choice);
      onSignInSuccess(new DemoSessionIdentity(identity));
    },
    [choice, onSignInSuccess],
  );

  const handleError = useCallback((e: Error) => {
    clearSignInChoice();
    setError(e);
    setChoice(undefined);
  }, []);

  const ErrorComponent = useMemo(
    () =>
      ({ error: e }: { error?: Error }) =>
        <ReportError error={e} onError={handleError} />,
    [handleError],
  );

  // Sent on the first sign-in and on every token refresh after it.
  const headers = useMemo(
    () =>
      choice?.provider === DEMO_PROVIDER_ID
        ? () => ({ [DEMO_USER_HEADER]: choice.user })
        : undefined,
    [choice],
  );

  if (choice) {
    return (
      <ProxiedSignInPage
        key={JSON.stringify(choice)}
        provider={choice.provider}
        headers={headers}
        onSignInSuccess={handleSuccess}
        ErrorComponent={ErrorComponent}
      />
    );
  }
  return (
    <DemoUserPicker
      error={error}
      onChoose={c => {
        setError(undefined);
        setChoice(c);
      }}
    />
  );
}
