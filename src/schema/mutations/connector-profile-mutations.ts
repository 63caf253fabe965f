/** Mutations of connector profiles. Credentials go in, and never come back out. */

import { encodeGlobalID } from '@pothos/plugin-relay';
import { NotFoundError } from '../../services/mutations/index.js';
import { ConnectorProfileRef } from '../refs.js';
import { defineMutation } from './define.js';

const freshProfile = {
  connectorProfile: {
    type: ConnectorProfileRef,
    description: 'The profile as AppFlow describes it now (credentials are never returned).',
  },
};

defineMutation({
  operation: 'CreateConnectorProfile',
  description:
    "Create a connector profile (CreateConnectorProfile). The properties and credentials members must be the connector type's.",
  // AppFlow answers ResourceNotFoundException for a custom connector label that is not
  // registered, though the model does not list it for this operation.
  unlistedErrors: [NotFoundError],
  successDescription: 'The connector profile was created.',
  success: freshProfile,
});

defineMutation({
  operation: 'UpdateConnectorProfile',
  description:
    'Update the settings and credentials of a connector profile (UpdateConnectorProfile).',
  successDescription: 'The connector profile was updated.',
  success: freshProfile,
});

defineMutation({
  operation: 'DeleteConnectorProfile',
  description:
    'Delete a connector profile (DeleteConnectorProfile). A profile in use by flows needs forceDelete.',
  admin: true,
  successDescription: 'The connector profile was deleted.',
  success: {
    deletedConnectorProfileName: {
      type: 'String',
      nullable: false,
      description: 'The name of the deleted connector profile.',
    },
    deletedConnectorProfileId: {
      type: 'ID',
      nullable: false,
      description:
        "The deleted profile's global id, to drop it from client caches (Relay's @deleteRecord, Apollo's cache.evict).",
      resolve: (payload) => encodeGlobalID('ConnectorProfile', payload.deletedConnectorProfileName),
    },
  },
});
