/**
 * The app-wide flowRunEvents subscription. It renders nothing while it works: Graphcache
 * writes each event's flow and run into the cache (and its updater links the flow's last
 * run), so every view showing that flow re-renders with the new status. When the gateway ends
 * the stream with an error (e.g. AppFlow refused access), the error is shown as returned.
 */
import { useSubscription } from 'urql';
import { RequestError } from './components/errors';
import { FleetRunEventsDocument } from './gql/graphql';

export function LiveFeed() {
  const [{ error }] = useSubscription({
    query: FleetRunEventsDocument,
    variables: { filter: null },
  });
  if (!error) return null;
  return (
    <div className="live-error" data-testid="live-error">
      Live updates stopped: <RequestError error={error} />
    </div>
  );
}
