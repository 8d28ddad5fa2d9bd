// node-auth0 v4's ManagementClient, unmodified, against Twofold over plain HTTP on 127.0.0.1.
// node-auth0 builds https://{domain} itself; the documented `fetch` option (also handed to its
// internal token provider) rewrites the scheme. Prints one JSON object with what it read.
import { ManagementClient } from 'auth0';

const { TWOFOLD_BASE, TWOFOLD_CLIENT_ID, TWOFOLD_CLIENT_SECRET, TWOFOLD_AUDIENCE, TWOFOLD_EMAIL } = process.env;
const domain = new URL(TWOFOLD_BASE).host;
const management = new ManagementClient({
  domain,
  clientId: TWOFOLD_CLIENT_ID,
  clientSecret: TWOFOLD_CLIENT_SECRET,
  audience: TWOFOLD_AUDIENCE,
  fetch: (url, init) => fetch(String(url).replace('https://', 'http://'), init),
});

const { data: page } = await management.users.getAll({
  q: `email:"${TWOFOLD_EMAIL}"`, search_engine: 'v3', include_totals: true, per_page: 50,
});
const { data: all } = await management.users.getAll();
const user = page.users[0];
const { data: methods } = await management.users.getAuthenticationMethods({ id: user.user_id });
const { data: byEmail } = await management.usersByEmail.getByEmail({ email: TWOFOLD_EMAIL });
let notFound;
try {
  await management.users.get({ id: 'auth0|000000000000000000000000' });
} catch (e) {
  notFound = { statusCode: e.statusCode, errorCode: e.errorCode, message: e.message };
}
console.log(JSON.stringify({
  total: page.total, found: page.users.map((u) => u.user_id), everyone: all.length,
  methods: methods.map((m) => ({ id: m.id, type: m.type })), byEmail: byEmail.map((u) => u.user_id), notFound,
}));
