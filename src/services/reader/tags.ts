/** Tags of flows and connector profiles (ListTagsForResource). */
import { ListTagsForResourceCommand } from '@aws-sdk/client-appflow';
import { callAppflow } from '../../appflow/errors.js';
import { cachePolicy, type ReaderDeps } from './support.js';

/** Every cached tag map: forgotten together when tags, flows or profiles change. */
const TAGS = 'tags';

export class TagReader {
  constructor(private readonly deps: ReaderDeps) {}

  /** The tags of a flow or connector profile by ARN. */
  of(resourceArn: string): Promise<Record<string, string>> {
    // Read one at a time, never in herds: no stale window.
    const policy = cachePolicy(this.deps.ttls.profilesTtl, 0);
    return this.deps.cache.getInGroup(TAGS, resourceArn, policy, async () => {
      const answer = await callAppflow('ListTagsForResource', () =>
        this.deps.client.send(new ListTagsForResourceCommand({ resourceArn })),
      );
      return answer.tags ?? {};
    });
  }

  /**
   * Forget every tag map: after TagResource/UntagResource, and after a flow or profile is
   * created or deleted (an ARN may name a new resource). Mutations only know names, not ARNs.
   */
  invalidate(): Promise<void> {
    return this.deps.cache.invalidateGroups(TAGS);
  }
}
