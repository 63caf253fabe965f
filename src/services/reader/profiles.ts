/** Connector profiles (DescribeConnectorProfiles): by name, and as filtered lists. */
import {
  type ConnectorProfile,
  DescribeConnectorProfilesCommand,
  paginateDescribeConnectorProfiles,
} from '@aws-sdk/client-appflow';
import { callAppflow } from '../../appflow/errors.js';
import { maxPageSize } from '../../model/model.js';
import { allPages, cachePolicy, chunks, type Page, type ReaderDeps } from './support.js';

/** DescribeConnectorProfiles' largest page. */
const PAGE = maxPageSize('DescribeConnectorProfiles');

/** DescribeConnectorProfiles' filters (all optional). */
export interface ProfileFilter {
  connectorType?: ConnectorProfile['connectorType'];
  connectorLabel?: string;
  /** At most 100. */
  names?: string[];
}

/** Every cached page of every profile list: forgotten together when any profile changes. */
const LISTS = 'profiles';

/** The account's profiles as listed whole (up to a bound). */
export interface ProfileListing {
  items: ConnectorProfile[];
  /** Every profile of the account is in `items` (the listing ended before the bound). */
  complete: boolean;
}

export class ProfileReader {
  constructor(private readonly deps: ReaderDeps) {}

  /** By name (<= 100 names a call), each name cached on its own. */
  byNames(names: readonly string[]): Promise<(ConnectorProfile | null)[]> {
    const { cache, client, ttls } = this.deps;
    return cache.getMany('profile', names, cachePolicy(ttls.profilesTtl), async (batch) => {
      const found = new Map<string, ConnectorProfile | null>(batch.map((n) => [n, null]));
      for (const connectorProfileNames of chunks(batch, 100)) {
        const pages = paginateDescribeConnectorProfiles(
          { client, pageSize: 100 },
          { connectorProfileNames },
        );
        for (const page of await allPages('DescribeConnectorProfiles', pages)) {
          for (const p of page.connectorProfileDetails ?? []) found.set(p.connectorProfileName!, p);
        }
      }
      return found;
    });
  }

  /**
   * The account's profiles listed whole while there are at most `max` (pages of 100, so at
   * most ceil(max / 100) calls), cached until any profile changes: a flows list whose rows
   * show profiles reads this at its first step, beside ListFlows, instead of waiting for
   * DescribeFlow's profile names (src/resolvers/flow-follow-ups.ts). Past `max` the listing
   * stops: what it read is still used, other names are described by name.
   */
  listed(max: number): Promise<ProfileListing> {
    const { cache, client, ttls } = this.deps;
    return cache.getInGroup(
      LISTS,
      JSON.stringify(['listed', max]),
      cachePolicy(ttls.profilesTtl),
      async () => {
        const items: ConnectorProfile[] = [];
        let nextToken: string | undefined;
        do {
          const page = await callAppflow('DescribeConnectorProfiles', () =>
            client.send(
              new DescribeConnectorProfilesCommand({
                maxResults: Math.min(PAGE, max - items.length),
                nextToken,
              }),
            ),
          );
          items.push(...(page.connectorProfileDetails ?? []));
          nextToken = page.nextToken;
        } while (nextToken && items.length < max);
        return { items, complete: !nextToken };
      },
    );
  }

  /** One page of the profiles that match `filter`, cached until any profile changes. */
  page(
    filter: ProfileFilter,
    nextToken: string | undefined,
    maxResults: number,
  ): Promise<Page<ConnectorProfile>> {
    const { cache, client, ttls } = this.deps;
    const id = JSON.stringify([
      filter.connectorType ?? null,
      filter.connectorLabel ?? null,
      filter.names ?? null,
      nextToken ?? null,
      maxResults,
    ]);
    return cache.getInGroup(LISTS, id, cachePolicy(ttls.profilesTtl), async () => {
      const page = await callAppflow('DescribeConnectorProfiles', () =>
        client.send(
          new DescribeConnectorProfilesCommand({
            connectorType: filter.connectorType,
            connectorLabel: filter.connectorLabel,
            connectorProfileNames: filter.names,
            maxResults,
            nextToken,
          }),
        ),
      );
      return { items: page.connectorProfileDetails ?? [], nextToken: page.nextToken };
    });
  }

  /** Forget every cached list of profiles (one may have been made outside the gateway). */
  invalidateLists(): Promise<void> {
    return this.deps.cache.invalidateGroups(LISTS);
  }

  /** Forget a profile a mutation changed, and every list it may be in. */
  async invalidate(name: string): Promise<void> {
    await Promise.all([
      this.deps.cache.invalidate(`profile:${name}`),
      this.deps.cache.invalidateGroups(LISTS),
    ]);
  }
}
