/** Mutations of connectors: custom connector registrations and metadata caches. */

import type { ConnectorModel, ConnectorProfileModel } from '../../services/models.js';
import * as m from '../../services/mutations.js';
import { ConnectorProfileRef, ConnectorRef } from '../refs.js';
import { defineMutation, type SuccessFieldBuilder } from './define.js';
import {
  ConflictError,
  ConnectorAuthenticationError,
  ConnectorServerError,
  NotFoundError,
  QuotaExceededError,
  ValidationError,
} from './errors.js';

type ConnectorPayload = { connector: ConnectorModel | null };

const connectorField = (t: SuccessFieldBuilder<ConnectorPayload>) => ({
  connector: t.field({
    type: ConnectorRef,
    description: 'The custom connector as AppFlow describes it now.',
    resolve: (p) => p.connector,
  }),
});

const registrationErrors = [
  ValidationError,
  ConflictError,
  NotFoundError,
  QuotaExceededError,
  ConnectorServerError,
  ConnectorAuthenticationError,
];

defineMutation<ConnectorPayload>({
  field: 'registerConnector',
  requestShape: 'RegisterConnectorRequest',
  description: 'Register a custom connector (RegisterConnector), e.g. a Lambda connector.',
  idempotent: true,
  admin: true,
  required: ['connectorLabel'],
  errors: registrationErrors,
  successDescription: 'The connector was registered.',
  success: connectorField,
  run: m.registerConnector,
});

defineMutation<ConnectorPayload>({
  field: 'updateConnectorRegistration',
  requestShape: 'UpdateConnectorRegistrationRequest',
  description: 'Update a custom connector registration (UpdateConnectorRegistration).',
  idempotent: true,
  admin: true,
  errors: registrationErrors,
  successDescription: 'The registration was updated.',
  success: connectorField,
  run: m.updateConnectorRegistration,
});

defineMutation<{ unregisteredConnectorLabel: string }>({
  field: 'unregisterConnector',
  requestShape: 'UnregisterConnectorRequest',
  description:
    'Unregister a custom connector (UnregisterConnector). One in use by profiles needs forceDelete.',
  admin: true,
  errors: [ValidationError, NotFoundError, ConflictError],
  successDescription: 'The connector was unregistered.',
  success: (t) => ({
    unregisteredConnectorLabel: t.exposeString('unregisteredConnectorLabel', {
      nullable: false,
      description: 'The label of the connector that was unregistered.',
    }),
  }),
  run: m.unregisterConnector,
});

defineMutation<{
  connector: ConnectorModel | null;
  connectorProfile: ConnectorProfileModel | null;
}>({
  field: 'resetConnectorMetadataCache',
  requestShape: 'ResetConnectorMetadataCacheRequest',
  description:
    "Clear AppFlow's cached metadata of a connector (ResetConnectorMetadataCache): connectorType for S3, EventBridge, Lookout for Metrics, Upsolver and Amazon Connect, connectorProfileName for the others.",
  errors: [ValidationError, NotFoundError, ConflictError],
  successDescription: 'The metadata cache was reset.',
  success: (t) => ({
    connector: t.field({
      type: ConnectorRef,
      description: 'The connector whose metadata cache was reset.',
      resolve: (p) => p.connector,
    }),
    connectorProfile: t.field({
      type: ConnectorProfileRef,
      description: 'The connector profile whose metadata cache was reset.',
      resolve: (p) => p.connectorProfile,
    }),
  }),
  run: m.resetConnectorMetadataCache,
});
