/** The shell: navigation, sign-in, the app-wide live feed, and the routes (hash based). */
import { useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { Link, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { readCredential, saveCredential } from './auth';
import { createDashboardClient, type SocketState } from './client';
import { LiveFeed } from './LiveFeed';
import { Connectors, Profiles } from './pages/Catalog';
import { Check } from './pages/Check';
import { Fleet } from './pages/Fleet';
import { FlowDetail } from './pages/FlowDetail';

function SignIn({
  credential,
  onChange,
}: {
  credential: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const [draft, setDraft] = useState('');
  if (credential) {
    return (
      <div className="signin">
        <span className="muted">Signed in (…{credential.slice(-4)})</span>
        <button type="button" onClick={() => onChange(undefined)}>
          Sign out
        </button>
      </div>
    );
  }
  return (
    <form
      className="signin"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.trim()) onChange(draft.trim());
      }}
    >
      <input
        type="password"
        aria-label="API key or token"
        placeholder="API key or JWT"
        autoComplete="off"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit">Sign in</button>
    </form>
  );
}

export function App() {
  const [credential, setCredential] = useState(readCredential);
  const [socket, setSocket] = useState<SocketState>('idle');
  // A new credential means a new client: a fresh cache and a WebSocket that sends it.
  const dashboard = useMemo(() => createDashboardClient(credential, setSocket), [credential]);
  useEffect(() => () => dashboard.dispose(), [dashboard]);
  const onCredential = (value: string | undefined) => {
    saveCredential(value);
    setCredential(value);
  };
  return (
    <Provider value={dashboard.client}>
      <Router hook={useHashLocation}>
        <header>
          <strong>appflow-gateway</strong>
          <nav>
            <Link href="/">Flows</Link>
            <Link href="/profiles">Connector profiles</Link>
            <Link href="/connectors">Connectors</Link>
            <Link href="/check">Check a definition</Link>
            <a href="/graphql">GraphiQL</a>
          </nav>
          <span
            className={`socket ${socket}`}
            title="Live updates (graphql-ws)"
            data-testid="socket"
          >
            {socket === 'connected' ? 'live' : socket === 'closed' ? 'offline' : ''}
          </span>
          <SignIn credential={credential} onChange={onCredential} />
        </header>
        <LiveFeed />
        <main>
          <Switch>
            <Route path="/">
              <Fleet />
            </Route>
            <Route path="/flows/:name">
              {(params: { name: string }) => (
                <FlowDetail key={params.name} flowName={decodeURIComponent(params.name)} />
              )}
            </Route>
            <Route path="/profiles">
              <Profiles />
            </Route>
            <Route path="/profiles/:name">
              {(params: { name: string }) => (
                <Profiles selected={decodeURIComponent(params.name)} />
              )}
            </Route>
            <Route path="/connectors">
              <Connectors />
            </Route>
            <Route path="/check">
              <Check />
            </Route>
            <Route>
              <p>
                Nothing here. <Link href="/">Back to the flows</Link>
              </p>
            </Route>
          </Switch>
        </main>
      </Router>
    </Provider>
  );
}
