'use strict';
// Asks a running Keygate a fixed set of questions and prints one line per answer; the Node half of
// PolyglotClientsIT (same input and output as client-stubs/python/examples/check.py).
const { createClients, authorize, apiKeyMetadata } = require('..');

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  const spec = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const clients = createClients();
  try {
    for (const c of spec.cases) {
      const r = await authorize(clients.authorizer,
        { credential: c.credential, clientIp: '127.0.0.1', resource: c.resource, action: c.action },
        { deadlineMs: 5000 });
      const keyId = (r.identity && r.identity.apiKeyId) || '-';
      console.log(['authorize', c.name, r.decision, r.httpStatus, r.reason, keyId].join(' '));
    }
    const keys = await new Promise((resolve, reject) => clients.apiKeys.ListApiKeys({ pageSize: 100 },
      apiKeyMetadata(spec.admin_secret), { deadline: Date.now() + 5000 },
      (err, res) => (err ? reject(err) : resolve(res))));
    console.log(['keys', keys.apiKeys.map((k) => k.id).sort().join(',')].join(' '));
  } finally {
    clients.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
