/**
 * Responses decoded by the vendored model, whatever the pinned SDK knows.
 *
 * The SDK decodes a response through its own output schema and drops members it does not know
 * (a new DescribeFlow member, a new connector's properties). For each operation, once, the
 * model's output shape is walked together with the SDK's output schema; when the model has
 * members the SDK lacks, that operation's responses are decoded with the schema built from the
 * model (model-schema.ts) by the SDK's own codec: new members arrive like known ones (epoch
 * seconds as Dates, nested structures, lists, maps, connector unions, `locationName`s,
 * header and status-code members). The request side is the SDK's schema completed by
 * model-wire.ts. When the SDK knows every member (every operation of the model today), nothing
 * changes and nothing is buffered: the cost is one map lookup per call (bench/model-wire.ts).
 */
import type { AppflowClient } from '@aws-sdk/client-appflow';
import { getSmithyContext } from '@smithy/core/transport';
import type { DeserializeMiddleware } from '@smithy/types';
import { model } from '../model/model.js';
import { membersTheSdkLacks, operationSchema, type StaticSchema } from './model-schema.js';

/** Per operation: the schema to decode its responses with (null: the SDK's own will do). */
const decoders = new Map<string, StaticSchema | null>();

/** The model's output members the SDK's schema of `operation` lacks (dotted paths). */
export function outputMembersTheSdkLacks(sdkOperation: StaticSchema): string[] {
  const name = sdkOperation[2] as string;
  const output = model.operations[name]?.output?.shape;
  if (!output) return [];
  const sdkOutput = typeof sdkOperation[5] === 'function' ? sdkOperation[5]() : sdkOperation[5];
  return membersTheSdkLacks(output, sdkOutput);
}

function decoderFor(sdkOperation: StaticSchema): StaticSchema | null {
  const [kind, namespace, name, traits, sdkInput] = sdkOperation;
  let decoder = decoders.get(name);
  if (decoder === undefined) {
    const op = model.operations[name];
    decoder =
      op && outputMembersTheSdkLacks(sdkOperation).length > 0
        ? // What the SDK serialized stays its own; the output is the model's.
          [kind, namespace, name, traits, sdkInput, operationSchema(name, op)[5]]
        : null;
    decoders.set(name, decoder);
  }
  return decoder;
}

/** Install on a client (once): runs just before the SDK's deserializer reads the schema. */
export function decodeResponsesByTheModel(client: AppflowClient): void {
  const useModelSchema: DeserializeMiddleware<object, object> = (next, context) => async (args) => {
    const smithy = getSmithyContext(context) as { operationSchema?: StaticSchema };
    const sdkOperation = smithy.operationSchema;
    if (Array.isArray(sdkOperation) && sdkOperation[0] === 9) {
      const decoder = decoderFor(sdkOperation);
      if (decoder) smithy.operationSchema = decoder;
    }
    return next(args);
  };
  client.middlewareStack.addRelativeTo(useModelSchema as never, {
    relation: 'before',
    toMiddleware: 'deserializerMiddleware',
    name: 'appflowGatewayModelResponses',
  });
}
