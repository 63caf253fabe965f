/**
 * Tags of flows and connector profiles (TagResource, UntagResource, ListTagsForResource).
 * TagResource's documentation: a resource has at most 50 tags.
 */
import { notFound, validationError } from '../exceptions.js';

export interface Taggable {
  tags: Record<string, string>;
}

const MAX_TAGS = 50;

export class TagsModel {
  constructor(
    private readonly resources: (arn: string) => Taggable | undefined,
    private readonly touch: () => void,
  ) {}

  private get(arn: string): Taggable {
    const r = this.resources(arn);
    if (!r) throw notFound(`Resource ${arn} does not exist`);
    return r;
  }

  tagResource(input: { resourceArn: string; tags: Record<string, string> }) {
    const r = this.get(input.resourceArn);
    const merged = { ...r.tags, ...input.tags };
    if (Object.keys(merged).length > MAX_TAGS) {
      throw validationError(`A resource can have at most ${MAX_TAGS} tags`);
    }
    r.tags = merged;
    this.touch();
    return {};
  }

  untagResource(input: { resourceArn: string; tagKeys: string[] }) {
    const r = this.get(input.resourceArn);
    const rest = { ...r.tags };
    for (const k of input.tagKeys) delete rest[k];
    r.tags = rest;
    this.touch();
    return {};
  }

  listTagsForResource(input: { resourceArn: string }) {
    return { tags: { ...this.get(input.resourceArn).tags } };
  }
}
