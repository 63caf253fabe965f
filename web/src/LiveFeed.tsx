/**
 * The app-wide flowRunEvents subscription. It renders nothing: Graphcache writes each event's
 * flow and run into the cache (and its updater links the flow's last run), so every view
 * showing that flow re-renders with the new status.
 */
import { useSubscription } from 'urql';
import { FleetRunEventsDocument } from './gql/graphql';

export function LiveFeed() {
  useSubscription({ query: FleetRunEventsDocument, variables: { filter: null } });
  return null;
}
