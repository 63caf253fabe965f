/**
 * Operations the pinned SDK lacks, from the model alone.
 *
 * `modelCommand('ListWidgets')` is a Command class built like the SDK's generated ones (the
 * same builder, endpoint plugin and service identity) on the operation's schema from the
 * vendored model (model-schema.ts). Sent with the gateway's AppflowClient, it goes through
 * everything an SDK command does: the call guards, adaptive limiter, retries, listeners, model
 * request completion, signing; the SDK's rest-json protocol builds the request from
 * `operations.*.http` (method, path, uri/querystring/header members, body from the input
 * shape) and decodes the answer by the output shape, errors included (`name` =
 * `x-amzn-errortype`, like the SDK's exceptions).
 */
import type { AppflowClient } from '@aws-sdk/client-appflow';
import { Command } from '@smithy/core/client';
import { getEndpointPlugin } from '@smithy/core/endpoints';
import type { MetadataBearer } from '@smithy/types';
import { operation } from '../model/model.js';
import { operationSchema } from './model-schema.js';

/** The SDK's endpoint parameters (every AppFlow command has these four). */
const commonParams = {
  UseFIPS: { type: 'builtInParams', name: 'useFipsEndpoint' },
  Endpoint: { type: 'builtInParams', name: 'endpoint' },
  Region: { type: 'builtInParams', name: 'region' },
  UseDualStack: { type: 'builtInParams', name: 'useDualstackEndpoint' },
} as const;

/** The service name in the SDK's commands (`.s(...)` of every generated AppFlow command). */
const SERVICE = 'SandstoneConfigurationServiceLambda';

export type ModelInput = Record<string, unknown>;
export type ModelOutput = Record<string, unknown> & MetadataBearer;

/** A command class for `AppflowClient.send`; `new (input) => Command`. */
export type ModelCommand = new (
  input: ModelInput,
) => Command<ModelInput, ModelOutput, AppflowClient['config']>;

const commands = new Map<string, ModelCommand>();

/** The command of a model operation (built once per operation). */
export function modelCommand(operationName: string): ModelCommand {
  let command = commands.get(operationName);
  if (!command) {
    const op = operation(operationName);
    command = Command.classBuilder<ModelInput, ModelOutput, AppflowClient['config']>()
      .ep(commonParams)
      .m(function (this: unknown, Ctor, _stack, config) {
        return [getEndpointPlugin(config, Ctor.getEndpointParameterInstructions())];
      })
      .s(SERVICE, operationName, {})
      .n('AppflowClient', `${operationName}Command`)
      .sc(operationSchema(operationName, op))
      .build() as unknown as ModelCommand;
    commands.set(operationName, command);
  }
  return command;
}
