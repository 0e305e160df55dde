'use strict';
// The reference deployment's "Sign in with GitHub", built the way a Node backend builds it: express 5, sessions in
// Redis (express-session + connect-redis over node-redis 5, TLS), passport-github2; and its JWT API with
// jsonwebtoken 9 (/api/token, /api/jwt/*). It listens on loopback plain HTTP behind the deployment's TLS front end,
// which forwards /auth/*, /api/me, /api/token and /api/jwt/* to it as a reverse proxy does (X-Forwarded-Proto/-Host,
// hence `trust proxy`). OAuthAppProcess starts it and configures it only through OAUTH_* and JWT_SECRET environment
// variables (secrets included: never argv, never logged).
//
// Faults: the front end names the faults switched on in X-Smokegate-Faults on every request it forwards (and drops
// that header from clients), so a switch takes effect on the next request, without a restart. Each fault changes
// one thing a real app gets wrong.
const crypto = require('node:crypto');
const fs = require('node:fs');
const https = require('node:https');
const tls = require('node:tls');
const express = require('express');
const session = require('express-session');
const { RedisStore } = require('connect-redis');
const { createClient } = require('redis');
const passport = require('passport');
const GitHubStrategy = require('passport-github2').Strategy;
const jwt = require('jsonwebtoken');

const env = process.env;
const SESSION_COOKIE = 'sid';
const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;
const SCOPE = ['read:user'];
const TOO_WIDE_SCOPE = ['repo', 'user'];
const PREVIEW_CALLBACK = 'https://smokegate-git-main-smokegate.vercel.app/auth/github/callback';
const FAULTS_HEADER = 'x-smokegate-faults';
// The app's JWTs: HS256 with JWT_SECRET, issued by /api/token to a signed-in session for its GitHub login.
// JWT_WEAK_SECRET: the secret of countless tutorials.
const WEAK_JWT_SECRET = 'secret';
// JWT_KEY_CONFUSION: the app signs RS256 with a key pair made at start and publishes the public key as a JWKS.
const RSA = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const RSA_PUBLIC_PEM = RSA.publicKey.export({ type: 'spki', format: 'pem' });
const RSA_KID = crypto.randomBytes(8).toString('hex');
// STATE_REUSED: one state for the process's whole life, as when it is computed once at start-up.
const reusedState = crypto.randomBytes(32).toString('base64url');

// The JVM that started this app holds its stdin; EOF means the JVM is gone (even by kill -9), and the app must never
// outlive the deployment it belongs to.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();

main().catch((error) => {
  console.error(`oauth app failed to start: ${error.stack || error}`);
  process.exit(1);
});

async function main() {
  const redis = await connectRedis();
  const app = express();
  app.disable('x-powered-by');
  // One proxy in front (the deployment's TLS front end): req.secure and req.hostname come from X-Forwarded-*.
  app.set('trust proxy', 1);
  app.use((req, res, next) => {
    req.faults = new Set((req.get(FAULTS_HEADER) || '').split(',').filter(Boolean));
    next();
  });
  app.use(session({
    name: SESSION_COOKIE,
    store: new RedisStore({ client: redis, prefix: 'smokegate:oauth:sess:' }),
    secret: env.OAUTH_SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: cookieOptions(new Set()),
  }));
  app.use((req, res, next) => {
    applyCookieFaults(req);
    next();
  });
  app.use(passport.session());
  passport.use(githubStrategy());
  passport.serializeUser((user, done) => done(null, user));
  passport.deserializeUser((user, done) => done(null, user));

  app.get('/auth/github', (req, res, next) => passport.authenticate('github', {
    scope: req.faults.has('SCOPE_TOO_WIDE') ? TOO_WIDE_SCOPE : SCOPE,
    callbackURL: callbackUrl(req.faults),
  })(req, res, next));
  app.get('/auth/github/callback', requireCodeOrError,
    passport.authenticate('github', { failWithError: true }), signedIn);
  app.post('/auth/logout', logout);
  app.all('/auth/logout', (req, res) => res.set('Allow', 'POST').status(405).json({ error: 'method not allowed' }));
  app.get('/api/me', (req, res) => (req.user
    ? res.json({ login: req.user.login })
    : res.status(401).json({ error: 'not signed in' })));

  // GitHub's webhook deliveries (the front end forwards /webhooks/* too), verified as @octokit/webhooks-methods
  // verifies them: HMAC-SHA256 of the raw body with WEBHOOK_SECRET (an environment variable like the others),
  // compared in constant time with X-Hub-Signature-256, before anything is processed; a missing or wrong signature
  // is a 401. The package is ES modules only, which ignore NODE_PATH, so it is imported by its file. Each WEBHOOK_*
  // fault is one way real apps get this wrong.
  const webhooksMethods = require('node:path').join(env.NODE_PATH, '@octokit', 'webhooks-methods', 'dist-node',
    'index.js');
  const { verify } = await import(require('node:url').pathToFileURL(webhooksMethods).href);
  app.post('/webhooks/github', express.raw({ type: () => true, limit: '1mb' }), async (req, res, next) => {
    const payload = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const signature = req.get('x-hub-signature-256');
    const refuse = (reason) => res.status(401).json({ error: 'delivery refused', reason });
    try {
      if (!signature && req.faults.has('WEBHOOK_UNSIGNED_ACCEPTED')) return acknowledge();
      if ((!signature || !payload) && !req.faults.has('WEBHOOK_500_ON_BAD_SIGNATURE')) {
        return refuse('missing X-Hub-Signature-256');
      }
      // verify() throws on a missing signature, which the 500 fault lets through to the error handler.
      const valid = await verify(env.WEBHOOK_SECRET, payload, signature);
      if (valid || req.faults.has('WEBHOOK_WRONG_SIGNATURE_ACCEPTED')) return acknowledge();
      if (req.faults.has('WEBHOOK_500_ON_BAD_SIGNATURE')) throw new Error('webhook signature does not match');
      return refuse('signature does not match');
    } catch (error) {
      return next(error);
    }
    function acknowledge() {
      return res.status(202).json({ received: req.get('x-github-event'), delivery: req.get('x-github-delivery') });
    }
  });
  // The signed-in session's JWT, for the frontend to call the API with; nobody else gets one.
  app.get('/api/token', (req, res) => (req.user
    ? res.json({ token: issueToken(req.user.login, req.faults) })
    : res.status(401).json({ error: 'not signed in' })));
  app.get('/api/jwt/jwks.json', (req, res) => res.json({
    keys: [{ ...RSA.publicKey.export({ format: 'jwk' }), kid: RSA_KID, alg: 'RS256', use: 'sig' }],
  }));
  app.get('/api/jwt/me', (req, res) => {
    const claims = bearerClaims(req);
    return claims && claims.sub
      ? res.json({ login: claims.sub, role: claims.role })
      : res.status(401).json({ error: 'invalid token' });
  });
  app.use((req, res) => res.status(404).json({ error: 'no such endpoint' }));
  app.use(failedLogin);

  const server = app.listen(Number(env.OAUTH_PORT), '127.0.0.1');
  await new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  // OAuthAppProcess waits for this line.
  console.log(`listening oauth-app http=${server.address().port}`);
}

function githubStrategy() {
  const github = env.OAUTH_GITHUB_URL;
  const strategy = new GitHubStrategy({
    clientID: env.OAUTH_CLIENT_ID,
    clientSecret: env.OAUTH_CLIENT_SECRET,
    callbackURL: env.OAUTH_CALLBACK_URL,
    authorizationURL: `${github}/login/oauth/authorize`,
    tokenURL: `${github}/login/oauth/access_token`,
    userProfileURL: `${github}/api/v3/user`,
    userEmailURL: `${github}/api/v3/user/emails`,
    scopeSeparator: ' ',
    store: stateStore(),
  }, (accessToken, refreshToken, profile, done) => done(null, { id: profile.id, login: profile.username },
    { accessToken }));
  strategy._oauth2.setAgent(githubAgent());
  return strategy;
}

// The server-side calls (token, user) reach GitHub's public name at the loopback address the deployment gives, with
// SNI and certificate checks for that name, like curl's --connect-to. The CA comes from NODE_EXTRA_CA_CERTS.
function githubAgent() {
  const [host, port] = env.OAUTH_GITHUB_ADDRESS.split(':');
  const agent = new https.Agent({ keepAlive: false });
  agent.createConnection = (options, callback) => tls.connect({
    ...options, host, port: Number(port), servername: new URL(env.OAUTH_GITHUB_URL).hostname,
  }, callback);
  return agent;
}

// passport-oauth2's state store contract (store/verify), with a state of 32 random bytes kept in the session until
// the callback uses it up: a replayed or foreign state finds nothing to match.
function stateStore() {
  return {
    store(req, meta, callback) {
      if (req.faults.has('STATE_NOT_GENERATED')) return callback(null, undefined);
      const state = req.faults.has('STATE_REUSED') ? reusedState : crypto.randomBytes(32).toString('base64url');
      req.session.oauthState = state;
      return callback(null, state);
    },
    verify(req, provided, meta, callback) {
      // An app that sends no state has nothing to check either.
      if (req.faults.has('STATE_NOT_CHECKED') || req.faults.has('STATE_NOT_GENERATED')) return callback(null, true);
      const expected = req.session.oauthState;
      delete req.session.oauthState;
      const ok = typeof expected === 'string' && typeof provided === 'string'
        && expected.length === provided.length
        && crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(provided));
      return ok ? callback(null, true) : callback(null, false, { message: 'state does not match this session' });
    },
  };
}

function issueToken(login, faults) {
  const claims = { sub: login, role: 'user' };
  if (faults.has('JWT_KEY_CONFUSION')) {
    return jwt.sign(claims, RSA.privateKey, { algorithm: 'RS256', keyid: RSA_KID, expiresIn: '1h' });
  }
  return jwt.sign(claims, jwtSecret(faults), { algorithm: 'HS256', expiresIn: '1h' });
}

function jwtSecret(faults) {
  return faults.has('JWT_WEAK_SECRET') ? WEAK_JWT_SECRET : env.JWT_SECRET;
}

// The claims of the request's bearer token, or null when it carries none that verifies.
function bearerClaims(req) {
  const match = /^Bearer (\S+)$/.exec(req.get('authorization') || '');
  if (!match) return null;
  try {
    return verifiedClaims(match[1], req.faults);
  } catch (error) {
    return null;
  }
}

function verifiedClaims(token, faults) {
  if (faults.has('JWT_SIGNATURE_UNCHECKED')) return jwt.decode(token);
  const header = (jwt.decode(token, { complete: true }) || {}).header || {};
  if (faults.has('JWT_ALG_NONE_ACCEPTED') && /^none$/i.test(header.alg || '')) return jwt.decode(token);
  if (faults.has('JWT_KEY_CONFUSION')) {
    // jsonwebtoken 9 refuses an HS token with a public key, so this emulates the libraries that did not
    // (jsonwebtoken < 4.2.2, CVE-2015-9235): the algorithm comes from the token, and for HS the key's PEM text
    // becomes the HMAC secret.
    if (/^HS/.test(header.alg || '')) {
      return jwt.verify(token, crypto.createSecretKey(Buffer.from(RSA_PUBLIC_PEM)), { algorithms: [header.alg] });
    }
    return jwt.verify(token, RSA.publicKey, { algorithms: ['RS256'] });
  }
  return jwt.verify(token, jwtSecret(faults), {
    algorithms: ['HS256'],
    ignoreExpiration: faults.has('JWT_EXP_IGNORED'),
  });
}

function callbackUrl(faults) {
  if (faults.has('REDIRECT_URI_PREVIEW')) return PREVIEW_CALLBACK;
  if (faults.has('REDIRECT_URI_HTTP')) return env.OAUTH_CALLBACK_URL.replace(/^https:/, 'http:');
  return env.OAUTH_CALLBACK_URL;
}

function cookieOptions(faults) {
  return {
    path: '/',
    maxAge: SESSION_LIFETIME_MS,
    httpOnly: !faults.has('OAUTH_SESSION_COOKIE_NOT_HTTPONLY'),
    secure: !faults.has('OAUTH_SESSION_COOKIE_NOT_SECURE'),
    sameSite: faults.has('OAUTH_SESSION_COOKIE_SAMESITE_NONE') ? 'none' : 'lax',
  };
}

// express-session fixes a session's cookie options when it creates the session (and again when passport
// regenerates it at login), so the cookie faults are applied to the live session's cookie.
function applyCookieFaults(req) {
  if (!req.session) return;
  const { httpOnly, secure, sameSite } = cookieOptions(req.faults);
  Object.assign(req.session.cookie, { httpOnly, secure, sameSite });
}

// Without a code passport-oauth2 would start a new login from the callback URL; GitHub always sends code or error.
function requireCodeOrError(req, res, next) {
  if (typeof req.query.code === 'string' || typeof req.query.error === 'string') return next();
  return rejectLogin(req, res, 'missing_code');
}

function signedIn(req, res) {
  applyCookieFaults(req);
  let target = env.OAUTH_FRONTEND_URL;
  if (req.faults.has('CODE_LEFT_IN_URL')) target += `?code=${encodeURIComponent(req.query.code)}`;
  if (req.faults.has('TOKEN_IN_LOCAL_STORAGE')) {
    target += `#access_token=${encodeURIComponent(req.authInfo.accessToken)}`;
  }
  res.redirect(302, target);
}

function logout(req, res, next) {
  const clear = () => {
    const { path, httpOnly, secure, sameSite } = cookieOptions(req.faults);
    res.clearCookie(SESSION_COOKIE, { path, httpOnly, secure, sameSite });
    res.status(204).end();
  };
  if (req.faults.has('LOGOUT_KEEPS_SESSION')) return clear();
  return req.session.destroy((error) => (error ? next(error) : clear()));
}

// Whatever goes wrong in the callback (a state that does not match, a code GitHub refuses, GitHub unreachable) is
// a failed login: 403 with the reason, the half-done session dropped so no session cookie is set, never a 5xx.
function failedLogin(error, req, res, next) {
  if (res.headersSent) return next(error);
  if (req.path === '/auth/github/callback' && !req.faults.has('CALLBACK_ERROR_500')) {
    const reason = typeof req.query.error === 'string' ? 'refused_at_github'
      : error.name === 'AuthenticationError' ? 'invalid_state' : 'token_exchange_failed';
    return rejectLogin(req, res, reason);
  }
  console.error(`oauth app: ${req.method} ${req.path}: ${error.message}`);
  return res.status(500).json({ error: 'internal error' });
}

function rejectLogin(req, res, reason) {
  const answer = () => res.status(403).json({ error: 'login failed', reason });
  if (!req.session) return answer();
  return req.session.destroy(() => answer());
}

async function connectRedis() {
  let connected = false;
  const client = createClient({
    url: `rediss://${env.OAUTH_REDIS_HOST}:${env.OAUTH_REDIS_PORT}`,
    password: env.OAUTH_REDIS_PASSWORD,
    socket: {
      tls: true,
      ca: fs.readFileSync(env.OAUTH_REDIS_CA),
      // Unreachable at start: exit at once with the reason. Once up, ride out a Redis restart like production.
      reconnectStrategy: (retries) => (connected ? Math.min(100 * (retries + 1), 2000) : false),
    },
  });
  client.on('error', (error) => console.error(`oauth app redis: ${error.message}`));
  await client.connect();
  connected = true;
  return client;
}
