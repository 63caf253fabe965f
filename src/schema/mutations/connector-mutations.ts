/** Mutations of connectors: custom connector registrations and metadata caches. */

import { encodeGlobalID } from '@pothos/plugin-relay';
import { connectorKey } from '../../services/models.js';
import { ConnectorProfileRef, ConnectorRef } from '../refs.js';
import { defineMutation } from './define.js';

const freshConnector = {
  connector: {
    type: ConnectorRef,
    description: 'The custom connector as AppFlow describes it now.',
  },
};

defineMutation({
  operation: 'RegisterConnector',
  description: 'Register a custom connector (RegisterConnector), e.g. a Lambda connector.',
  admin: true,
  required: ['connectorLabel'],
  successDescription: 'The connector was registered.',
  success: freshConnector,
});

defineMutation({
  operation: 'UpdateConnectorRegistration',
  description: 'Update a custom connector registration (UpdateConnectorRegistration).',
  admin: true,
  successDescription: 'The registration was updated.',
  success: freshConnector,
});

defineMutation({
  operation: 'UnregisterConnector',
  description:
    'Unregister a custom connector (UnregisterConnector). One in use by profiles needs forceDelete.',
  admin: true,
  successDescription: 'The connector was unregistered.',
  success: {
    unregisteredConnectorLabel: {
      type: 'String',
      nullable: false,
      description: 'The label of the connector that was unregistered.',
    },
    unregisteredConnectorId: {
      type: 'ID',
      nullable: false,
      description:
        "The unregistered connector's global id, to drop it from client caches (Relay's @deleteRecord, Apollo's cache.evict).",
      resolve: (payload) =>
        encodeGlobalID(
          'Connector',
          connectorKey('CustomConnector', payload.unregisteredConnectorLabel),
        ),
    },
  },
});

defineMutation({
  operation: 'ResetConnectorMetadataCache',
  description:
    "Clear AppFlow's cached metadata of a connector (ResetConnectorMetadataCache): connectorType for S3, EventBridge, Lookout for Metrics, Upsolver and Amazon Connect, connectorProfileName for the others.",
  successDescription: 'The metadata cache was reset.',
  success: {
    connector: { type: ConnectorRef, description: 'The connector whose metadata cache was reset.' },
    connectorProfile: {
      type: ConnectorProfileRef,
      description: 'The connector profile whose metadata cache was reset.',
    },
  },
});
