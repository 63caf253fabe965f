/** Mutations of connector profiles. Credentials go in, and never come back out. */

import type { ConnectorProfileModel } from '../../services/models.js';
import { NotFoundError } from '../../services/mutations/index.js';
import { ConnectorProfileRef } from '../refs.js';
import { defineMutation, type SuccessFieldBuilder } from './define.js';

const freshProfile = (
  t: SuccessFieldBuilder<{ connectorProfile: ConnectorProfileModel | null }>,
) => ({
  connectorProfile: t.expose('connectorProfile', {
    type: ConnectorProfileRef,
    description: 'The profile as AppFlow describes it now (credentials are never returned).',
  }),
});

defineMutation({
  operation: 'CreateConnectorProfile',
  description:
    "Create a connector profile (CreateConnectorProfile). The properties and credentials members must be the connector type's.",
  // A custom connector label that is not registered.
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
  success: (t) => ({
    deletedConnectorProfileName: t.exposeString('deletedConnectorProfileName', {
      nullable: false,
      description: 'The name of the deleted connector profile.',
    }),
  }),
});
