/** Reads of connector profiles for the graph: by name (batched) and as filtered pages. */
import { loadModel, loadModels, type RequestReaders } from '../services/loaders.js';
import {
  type ConnectorModel,
  type ConnectorProfileModel,
  connectorModel,
  profileModel,
} from '../services/models.js';
import type { Page, ProfileFilter } from '../services/reader/index.js';

export const profileByName = async (r: RequestReaders, name: string | undefined) =>
  name ? loadModel(r.loaders.profile, name, profileModel) : null;

/** Profiles by name, in order, null where one does not exist (Relay `nodes`). */
export const profilesByNames = (r: RequestReaders, names: readonly string[]) =>
  loadModels(r.loaders.profile, names, profileModel);

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
