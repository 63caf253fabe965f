/** Imports every type file, then prints the schema. */
import { builder } from './builder.js';
import './refs.js';
import './flow.js';
import './flow-run-stats.js';
import './execution.js';
import './connector-profile.js';
import './connector.js';
import './tags.js';
import './mutations/errors.js';
import './mutations/flow-mutations.js';
import './flow-validation.js';
import './mutations/connector-profile-mutations.js';
import './mutations/connector-mutations.js';
import './mutations/tag-mutations.js';
import './subscriptions.js';
import './flow-run-events.js';

export const schema = builder.toSchema({ sortSchema: false });
