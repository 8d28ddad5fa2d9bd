// @auth0/auth0-auth-js (on openid-client, which reads the discovery document strictly), unmodified,
// against Twofold over HTTPS; the only set-up is NODE_EXTRA_CA_CERTS naming the CA that signed
// Twofold's certificate. Discovery, the password grant answered by mfa_required, the SDK's MFA client
// (enroll, verify with a TOTP code; at the next login list, challenge, a replayed code refused, the
// next code taken), refresh with rotation and reuse detection, userinfo with the subject check,
// revocation. Prints one JSON object.
import { AuthClient, isMfaRequiredError } from '@auth0/auth0-auth-js';
import { totp } from './totp.mjs';

const { TWOFOLD_DOMAIN, TWOFOLD_CLIENT_ID, TWOFOLD_CLIENT_SECRET, TWOFOLD_USERNAME, TWOFOLD_PASSWORD, TWOFOLD_NOW }
  = process.env;
const auth = new AuthClient({ domain: TWOFOLD_DOMAIN, clientId: TWOFOLD_CLIENT_ID, clientSecret: TWOFOLD_CLIENT_SECRET });
const result = {};
const failure = (e) => ({ name: e.name, code: e.code, statusCode: e.statusCode, error: e.cause?.error });
const login = async () => {
  try {
    await auth.getTokenByPassword({
      username: TWOFOLD_USERNAME, password: TWOFOLD_PASSWORD, scope: 'openid profile email offline_access',
    });
    return { login: { mfaRequired: false } };
  } catch (e) {
    return { login: { ...failure(e), mfaRequired: isMfaRequiredError(e) }, mfaToken: e.cause?.mfa_token };
  }
};

const metadata = await auth.getServerMetadata();
result.discovery = {
  issuer: metadata.issuer, tokenEndpoint: metadata.token_endpoint, userinfoEndpoint: metadata.userinfo_endpoint,
  revocationEndpoint: metadata.revocation_endpoint, jwksUri: metadata.jwks_uri,
};

const first = await login();
result.login = first.login;
const { mfaToken } = first;

const enrollment = await auth.mfa.enrollAuthenticator({ authenticatorTypes: ['otp'], mfaToken });
result.enroll = { authenticatorType: enrollment.authenticatorType, hasSecret: typeof enrollment.secret === 'string' };
const code = totp(enrollment.secret, Number(TWOFOLD_NOW));
const tokens = await auth.mfa.verify({ mfaToken, factorType: 'otp', otp: code });
result.verify = {
  scope: tokens.scope, hasRefreshToken: typeof tokens.refreshToken === 'string',
  claims: { iss: tokens.claims?.iss, aud: tokens.claims?.aud, sub: tokens.claims?.sub, email: tokens.claims?.email },
};

// The user is enrolled now: the next login asks for the second factor; the same code is not taken twice.
const second = await login();
const authenticators = await auth.mfa.listAuthenticators({ mfaToken: second.mfaToken });
const challenge = await auth.mfa.challengeAuthenticator({ challengeType: 'otp', mfaToken: second.mfaToken });
result.secondLogin = {
  ...second.login, authenticators: authenticators.map((a) => ({ type: a.authenticatorType, active: a.active })),
  challengeType: challenge.challengeType,
};
try {
  await auth.mfa.verify({ mfaToken: second.mfaToken, factorType: 'otp', otp: code });
  result.replayedCode = { refused: false };
} catch (e) {
  result.replayedCode = { refused: true, name: e.name, statusCode: e.statusCode, error: e.cause?.error };
}
// The next step's code (within the app's one-step window) completes that login: a second refresh-token
// family. Rotation with reuse detection: the retired token presented again kills the whole family.
const other = await auth.mfa.verify({
  mfaToken: second.mfaToken, factorType: 'otp', otp: totp(enrollment.secret, Number(TWOFOLD_NOW) + 30),
});
const rotated = await auth.getTokenByRefreshToken({ refreshToken: other.refreshToken });
const refusal = async (refreshToken) => {
  try {
    await auth.getTokenByRefreshToken({ refreshToken });
    return { refused: false };
  } catch (e) {
    return { refused: true, ...failure(e) };
  }
};
result.reuse = { retired: await refusal(other.refreshToken), successor: await refusal(rotated.refreshToken) };

const refreshed = await auth.getTokenByRefreshToken({ refreshToken: tokens.refreshToken });
result.refresh = {
  rotated: typeof refreshed.refreshToken === 'string' && refreshed.refreshToken !== tokens.refreshToken,
  sub: refreshed.claims?.sub,
};

result.userInfo = await auth.getUserInfo({ accessToken: refreshed.accessToken, expectedSubject: tokens.claims.sub });
try {
  await auth.getUserInfo({ accessToken: 'not-a-token' });
} catch (e) {
  result.userInfoRefused = { ...failure(e), wwwAuthenticate: e.headers?.get('www-authenticate') };
}

await auth.revokeToken({ token: refreshed.refreshToken });
result.revoked = true;
try {
  await auth.getTokenByRefreshToken({ refreshToken: refreshed.refreshToken });
  result.afterRevoke = { refused: false };
} catch (e) {
  result.afterRevoke = { refused: true, ...failure(e) };
}
console.log(JSON.stringify(result));
