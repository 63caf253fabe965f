/** Mutations of connector profiles. Credentials go in, and never come back out. */

import type { ConnectorProfileModel } from '../../services/models.js';
import * as m from '../../services/mutations.js';
import { ConnectorProfileRef } from '../refs.js';
import { defineMutation, type SuccessFieldBuilder } from './define.js';
import {
  ConflictError,
  ConnectorAuthenticationError,
  NotFoundError,
  QuotaExceededError,
  ValidationError,
} from './errors.js';

type ProfilePayload = { connectorProfile: ConnectorProfileModel | null };

const profileField = (t: SuccessFieldBuilder<ProfilePayload>) => ({
  connectorProfile: t.field({
    type: ConnectorProfileRef,
    description: 'The profile as AppFlow describes it now (credentials are never returned).',
    resolve: (p) => p.connectorProfile,
  }),
});

defineMutation<ProfilePayload>({
  field: 'createConnectorProfile',
  requestShape: 'CreateConnectorProfileRequest',
  description:
    "Create a connector profile (CreateConnectorProfile). The properties and credentials members must be the connector type's.",
  idempotent: true,
  errors: [
    ValidationError,
    ConflictError,
    NotFoundError,
    QuotaExceededError,
    ConnectorAuthenticationError,
  ],
  successDescription: 'The connector profile was created.',
  success: profileField,
  run: m.createConnectorProfile,
});

defineMutation<ProfilePayload>({
  field: 'updateConnectorProfile',
  requestShape: 'UpdateConnectorProfileRequest',
  description:
    'Update the settings and credentials of a connector profile (UpdateConnectorProfile).',
  idempotent: true,
  errors: [ValidationError, NotFoundError, ConflictError, ConnectorAuthenticationError],
  successDescription: 'The connector profile was updated.',
  success: profileField,
  run: m.updateConnectorProfile,
});

defineMutation<{ deletedConnectorProfileName: string }>({
  field: 'deleteConnectorProfile',
  requestShape: 'DeleteConnectorProfileRequest',
  description:
    'Delete a connector profile (DeleteConnectorProfile). A profile in use by flows needs forceDelete.',
  admin: true,
  errors: [ValidationError, NotFoundError, ConflictError],
  successDescription: 'The connector profile was deleted.',
  success: (t) => ({
    deletedConnectorProfileName: t.exposeString('deletedConnectorProfileName', {
      nullable: false,
      description: 'The name of the deleted connector profile.',
    }),
  }),
  run: m.deleteConnectorProfile,
});
