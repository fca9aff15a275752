'use strict';
// Node client for the Keygate sidecar: @grpc/grpc-js clients built from the keygate.v1 .proto files
// in ./proto (copied there by client-stubs/generate.sh). Types: index.d.ts and ./gen.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const DEFAULT_ADDRESS = '127.0.0.1:7070';
const DEFAULT_DEADLINE_MS = 250;
const PROTO_FILES = ['api_keys', 'audit', 'authorizer', 'common', 'principals', 'roles', 'scopes', 'tenants']
  .map((name) => `keygate/v1/${name}.proto`);

// These options must match the ones generate.sh passes to proto-loader-gen-types.
const packageDefinition = protoLoader.loadSync(PROTO_FILES, {
  includeDirs: [path.join(__dirname, 'proto')],
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});
const keygate = grpc.loadPackageDefinition(packageDefinition).keygate.v1;

/** Metadata carrying `secret` in `x-api-key`, as the management API expects. */
function apiKeyMetadata(secret) {
  const metadata = new grpc.Metadata();
  metadata.set('x-api-key', secret);
  return metadata;
}

/** One client per service, all on one channel to `target` ($KEYGATE_ADDRESS or 127.0.0.1:7070). */
function createClients(target = process.env.KEYGATE_ADDRESS || DEFAULT_ADDRESS,
  credentials = grpc.credentials.createInsecure()) {
  const authorizer = new keygate.AuthorizerService(target, credentials);
  const shared = { channelOverride: authorizer.getChannel() };
  const clients = { authorizer };
  for (const [name, service] of [['apiKeys', 'ApiKeyService'], ['audit', 'AuditService'],
    ['principals', 'PrincipalService'], ['roles', 'RoleService'], ['scopes', 'ScopeService'],
    ['tenants', 'TenantService']]) {
    clients[name] = new keygate[service](target, credentials, shared);
  }
  clients.close = () => authorizer.close();
  return clients;
}

/**
 * Authorize with a deadline (default 250 ms). Resolves with the AuthorizeResponse (denials are
 * answers); rejects with a grpc ServiceError when Keygate cannot decide.
 */
function authorize(authorizer, request, { deadlineMs = DEFAULT_DEADLINE_MS } = {}) {
  return new Promise((resolve, reject) => {
    authorizer.Authorize(request, { deadline: Date.now() + deadlineMs }, (err, response) => {
      if (err) {
        reject(err);
      } else {
        resolve(response);
      }
    });
  });
}

module.exports = {
  DEFAULT_ADDRESS, DEFAULT_DEADLINE_MS, grpc, keygate, packageDefinition, apiKeyMetadata, createClients, authorize,
};
