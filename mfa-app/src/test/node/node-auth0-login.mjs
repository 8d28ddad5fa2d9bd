// node-auth0 v4's AuthenticationClient and UserInfoClient, unmodified, against Twofold over HTTPS.
// The only set-up is NODE_EXTRA_CA_CERTS naming the CA that signed Twofold's certificate. node-auth0
// v4 has no MFA API client, so the MFA steps (/mfa/associate and the mfa-otp grant) are plain fetch
// calls, as an app on node-auth0 v4 makes them; the ID token they return is checked by node-auth0's
// own validator, which fetches the JWKS over https. Prints one JSON object with what happened.
import { AuthenticationClient, UserInfoClient } from 'auth0';
import { totp } from './totp.mjs';

const { TWOFOLD_DOMAIN, TWOFOLD_CLIENT_ID, TWOFOLD_CLIENT_SECRET, TWOFOLD_USERNAME, TWOFOLD_PASSWORD, TWOFOLD_NOW }
  = process.env;
const auth = new AuthenticationClient({
  domain: TWOFOLD_DOMAIN, clientId: TWOFOLD_CLIENT_ID, clientSecret: TWOFOLD_CLIENT_SECRET,
});
const result = {};
const failure = (e) => ({ name: e.name, statusCode: e.statusCode, error: e.error, description: e.error_description });

let mfaToken;
try {
  await auth.oauth.passwordGrant({
    username: TWOFOLD_USERNAME, password: TWOFOLD_PASSWORD, scope: 'openid profile email offline_access',
  });
} catch (e) {
  result.login = failure(e);
  mfaToken = JSON.parse(e.body).mfa_token;
}

const base = `https://${TWOFOLD_DOMAIN}`;
const associate = await fetch(`${base}/mfa/associate`, {
  method: 'POST',
  headers: { Authorization: `Bearer ${mfaToken}`, 'Content-Type': 'application/json' },
  body: JSON.stringify({ authenticator_types: ['otp'] }),
});
const enrollment = await associate.json();
result.associate = { status: associate.status, authenticatorType: enrollment.authenticator_type };

const otpGrant = await fetch(`${base}/oauth/token`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({
    grant_type: 'http://auth0.com/oauth/grant-type/mfa-otp', client_id: TWOFOLD_CLIENT_ID,
    client_secret: TWOFOLD_CLIENT_SECRET, mfa_token: mfaToken, otp: totp(enrollment.secret, Number(TWOFOLD_NOW)),
  }),
});
const tokens = await otpGrant.json();
await auth.oauth.idTokenValidator.validate(tokens.id_token);
result.mfaOtp = {
  status: otpGrant.status, tokenType: tokens.token_type, scope: tokens.scope,
  hasRefreshToken: typeof tokens.refresh_token === 'string',
  idToken: JSON.parse(Buffer.from(tokens.id_token.split('.')[1], 'base64url').toString()),
};

const { data: refreshed } = await auth.oauth.refreshTokenGrant({ refresh_token: tokens.refresh_token });
result.refresh = {
  rotated: typeof refreshed.refresh_token === 'string' && refreshed.refresh_token !== tokens.refresh_token,
  hasIdToken: typeof refreshed.id_token === 'string', scope: refreshed.scope,
};

const { data: profile } = await new UserInfoClient({ domain: TWOFOLD_DOMAIN }).getUserInfo(refreshed.access_token);
result.userInfo = profile;
try {
  await new UserInfoClient({ domain: TWOFOLD_DOMAIN }).getUserInfo('not-a-token');
} catch (e) {
  result.userInfoRefused = {
    name: e.name, statusCode: e.statusCode, error: e.error, wwwAuthenticate: e.headers.get('www-authenticate'),
  };
}

const revoked = await auth.oauth.revokeRefreshToken({ token: refreshed.refresh_token });
result.revoke = { status: revoked.status };
try {
  await auth.oauth.refreshTokenGrant({ refresh_token: refreshed.refresh_token });
  result.afterRevoke = { refused: false };
} catch (e) {
  result.afterRevoke = { refused: true, ...failure(e) };
}
console.log(JSON.stringify(result));
