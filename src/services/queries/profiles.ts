/** Reads of connector profiles for the graph: by name (batched) and as filtered pages. */
import type { RequestReaders } from '../loaders.js';
import {
  type ConnectorModel,
  type ConnectorProfileModel,
  connectorModel,
  profileModel,
} from '../models.js';
import type { Page, ProfileFilter } from '../reader/index.js';

export async function profileByName(
  { loaders }: RequestReaders,
  name: string | undefined,
): Promise<ConnectorProfileModel | null> {
  if (!name) return null;
  const profile = await loaders.profile.load(name);
  return profile ? profileModel(profile) : null;
}

/** Profiles by name, in order, null where one does not exist (Relay `nodes`). */
export async function profilesByNames(
  { loaders }: RequestReaders,
  names: readonly string[],
): Promise<(ConnectorProfileModel | null)[]> {
  const profiles = await loaders.profile.loadMany(names);
  return profiles.map((p) => (p && !(p instanceof Error) ? profileModel(p) : null));
}

/**
 * One page of the profiles that match `filter`. Each is primed in the request's loader, so
 * linked fields that ask for a listed profile by name make no second call.
 */
export async function profilesPage(
  { reader, loaders }: RequestReaders,
  filter: ProfileFilter,
  nextToken: string | undefined,
  maxResults: number,
): Promise<Page<ConnectorProfileModel>> {
  const page = await reader.profiles.page(filter, nextToken, maxResults);
  const items = page.items.map(profileModel);
  for (const p of items) loaders.profile.prime(p.connectorProfileName, p);
  return { items, nextToken: page.nextToken };
}

export function connectorOfProfile(profile: ConnectorProfileModel): ConnectorModel | null {
  return profile.connectorType
    ? connectorModel(profile.connectorType, profile.connectorLabel)
    : null;
}
