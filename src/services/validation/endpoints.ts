/**
 * The ends of a flow against the account and AppFlow's connector catalog: connector profiles
 * exist and are of the connector type used; custom connectors are registered; the connector
 * can be a source / destination (`canUseAsSource`, `canUseAsDestination`), the destination is
 * one the source supports (`supportedDestinationConnectors`), the trigger type
 * (`supportedTriggerTypes`) and write operation (`supportedWriteOperations`) are supported.
 * Every read is a cached catalog read (DescribeConnectorProfiles, DescribeConnectors,
 * DescribeConnector).
 */
import type { ConnectorConfiguration, ConnectorProfile } from '@aws-sdk/client-appflow';
import { PROFILELESS_TYPES } from '../../model/connector-facts.js';
import { connectorMemberFor } from '../../model/connectors.js';
import {
  asList,
  asObj,
  type CheckContext,
  didYouMean,
  type FieldError,
  hint,
  type Path,
  problem,
} from './support.js';

/** One end of the flow, once its profile and connector are known. */
export interface ResolvedEndpoint {
  connectorType: string;
  connectorProfileName?: string;
  profile?: ConnectorProfile;
  configuration?: ConnectorConfiguration;
}

type Role = 'source' | 'destination';

/**
 * The account's first 100 connector profiles (one cached DescribeConnectorProfiles page, kept
 * until any profile changes): most accounts have fewer, so a name missing from it is missing
 * without a lookup of its own (a lookup of a name that does not exist is never cached).
 */
function profileList(ctx: CheckContext) {
  return ctx.reader.profiles.page({}, undefined, 100);
}

async function findProfile(ctx: CheckContext, name: string): Promise<ConnectorProfile | null> {
  const page = await profileList(ctx);
  const listed = page.items.find((p) => p.connectorProfileName === name);
  if (listed || !page.nextToken) return listed ?? null;
  return (await ctx.reader.profiles.byNames([name]))[0] ?? null;
}

async function profileNames(ctx: CheckContext, connectorType: string): Promise<string[]> {
  const page = await profileList(ctx).catch(() => ({ items: [] as ConnectorProfile[] }));
  return page.items
    .filter((p) => p.connectorType === connectorType)
    .map((p) => p.connectorProfileName!)
    .filter(Boolean);
}

/** The profile, the connector and the role of one end; problems go to `out`. */
export async function resolveEndpoint(
  ctx: CheckContext,
  role: Role,
  config: Record<string, unknown> | undefined,
  path: Path,
  out: FieldError[],
): Promise<ResolvedEndpoint | undefined> {
  const connectorType = config?.connectorType;
  if (typeof connectorType !== 'string') return undefined;
  const name = config?.connectorProfileName as string | undefined;
  const end: ResolvedEndpoint = { connectorType, connectorProfileName: name };
  if (!name) {
    if (!PROFILELESS_TYPES.has(connectorType)) {
      out.push(
        problem(
          [...path, 'connectorProfileName'],
          'PROFILE_REQUIRED',
          `Connector type ${connectorType} needs a connector profile: set connectorProfileName (createConnectorProfile makes one).`,
          await profileNames(ctx, connectorType).then((n) => n.slice(0, 3)),
        ),
      );
      return undefined;
    }
  } else {
    const profile = await findProfile(ctx, name);
    if (!profile) {
      const suggestions = didYouMean(name, await profileNames(ctx, connectorType));
      out.push(
        problem(
          [...path, 'connectorProfileName'],
          'PROFILE_NOT_FOUND',
          `There is no connector profile named "${name}".${hint(suggestions)}`,
          suggestions,
        ),
      );
      return undefined;
    }
    if (profile.connectorType !== connectorType) {
      out.push(
        problem(
          [...path, 'connectorProfileName'],
          'PROFILE_TYPE_MISMATCH',
          `Connector profile "${name}" is of type ${profile.connectorType}, not ${connectorType}: use a ${connectorType} profile or set connectorType to ${profile.connectorType}.`,
        ),
      );
      return undefined;
    }
    end.profile = profile;
  }
  if (connectorType === 'CustomConnector') {
    const label = end.profile?.connectorLabel;
    const configuration = label ? await ctx.reader.connectors.custom(label) : null;
    if (!configuration) {
      out.push(
        problem(
          [...path, 'connectorProfileName'],
          'CONNECTOR_NOT_REGISTERED',
          `The custom connector${label ? ` "${label}"` : ''} of this profile is not registered (registerConnector).`,
        ),
      );
      return undefined;
    }
    end.configuration = configuration;
  } else {
    end.configuration = (await ctx.reader.connectors.byTypes([connectorType]))[0] ?? undefined;
  }
  const capable =
    role === 'source' ? end.configuration?.canUseAsSource : end.configuration?.canUseAsDestination;
  if (end.configuration && capable !== true) {
    out.push(
      problem(
        [...path, 'connectorType'],
        role === 'source' ? 'CANNOT_BE_SOURCE' : 'CANNOT_BE_DESTINATION',
        `Connector type ${connectorType} cannot be used as a ${role} (DescribeConnectors: ${
          role === 'source' ? 'canUseAsSource' : 'canUseAsDestination'
        } is false).`,
      ),
    );
    return undefined;
  }
  return end;
}

/** Destination, trigger type and write operation against what the connectors support. */
export function capabilityProblems(
  ctx: CheckContext,
  source: ResolvedEndpoint | undefined,
  destinations: (ResolvedEndpoint | undefined)[],
): FieldError[] {
  const out: FieldError[] = [];
  const list = (ctx.request.destinationFlowConfigList as Record<string, unknown>[]) ?? [];
  if (list.length > 1) {
    out.push(
      problem(
        ['destinationFlowConfigList'],
        'MULTIPLE_DESTINATIONS',
        `A flow has one destination: AppFlow does not support flows to several destinations at once (${list.length} given).`,
      ),
    );
  }
  const sourceConfig = source?.configuration;
  destinations.forEach((d, i) => {
    if (!d?.configuration) return;
    const base = ['destinationFlowConfigList', i];
    if (sourceConfig && source) {
      const supported = asList(sourceConfig.supportedDestinationConnectors);
      if (!supported.includes(d.connectorType)) {
        out.push(
          problem(
            [...base, 'connectorType'],
            'DESTINATION_NOT_SUPPORTED',
            `Source connector ${source.connectorType} cannot write to ${d.connectorType}. Its supported destinations: ${supported.join(', ') || 'none'}.`,
            didYouMean(d.connectorType, supported),
          ),
        );
      }
    }
    const member = connectorMemberFor('DestinationConnectorProperties', d.connectorType);
    const props = asObj(asObj(list[i]?.destinationConnectorProperties)?.[member ?? '']);
    const write = props?.writeOperationType;
    const writes = asList(d.configuration.supportedWriteOperations);
    if (typeof write === 'string' && !writes.includes(write)) {
      out.push(
        problem(
          [...base, 'destinationConnectorProperties', member!, 'writeOperationType'],
          'WRITE_OPERATION_NOT_SUPPORTED',
          `Destination connector ${d.connectorType} does not support the ${write} write operation. Supported: ${writes.join(', ') || 'none'}.`,
        ),
      );
    }
  });
  const trigger = asObj(ctx.request.triggerConfig)?.triggerType;
  if (sourceConfig && source && typeof trigger === 'string') {
    const triggers = asList(sourceConfig.supportedTriggerTypes);
    if (!triggers.includes(trigger)) {
      out.push(
        problem(
          ['triggerConfig', 'triggerType'],
          'TRIGGER_NOT_SUPPORTED',
          `Source connector ${source.connectorType} does not support ${trigger} flows. Supported trigger types: ${triggers.join(', ') || 'none'}.`,
        ),
      );
    }
  }
  return out;
}
