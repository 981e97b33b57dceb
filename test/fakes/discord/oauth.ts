/**
 * The fake's OAuth2 side (authorization code with PKCE S256), so a web sign-in works on loopback: the authorize
 * page answers at once with a redirect carrying a code for the member the test signed in (`signInAs`), echoing
 * `state`; the token step checks the client, the redirect URI and the PKCE verifier against that code (used once);
 * `/users/@me` and `/users/@me/guilds` answer for the access token, the guilds with the member's permissions.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface OAuthGuild {
  id: string;
  name: string;
  /** The member's permissions in that guild (a bit field as a decimal string, as Discord sends it). */
  permissions: string;
  owner?: boolean;
}

export interface OAuthUser {
  id: string;
  username: string;
  guilds: OAuthGuild[];
}

export interface FakeOAuth {
  /** The authorize page (what DISCORD_OAUTH_AUTHORIZE_URL points at). */
  readonly authorizeUrl: string;
  /** The client the token step accepts (any client id/secret until set). */
  setClient(clientId: string, clientSecret: string): void;
  /** Who the authorize page signs in from now on (undefined: it answers `error=access_denied`). */
  signInAs(user: OAuthUser | undefined): void;
  /** Every token exchange, with what it was refused for (tests check PKCE and state handling through it). */
  readonly exchanges: Array<{ ok: boolean; error?: string }>;
}

interface Grant {
  user: OAuthUser;
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  used: boolean;
}

const base64url = (b: Buffer) => b.toString('base64url');
const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function createFakeOAuth(origin: () => string) {
  let client: { id: string; secret: string } | undefined;
  let current: OAuthUser | undefined;
  const grants = new Map<string, Grant>();
  const tokens = new Map<string, OAuthUser>();
  const exchanges: FakeOAuth['exchanges'] = [];

  function authorize(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri') ?? '';
    if (q.get('response_type') !== 'code' || !redirectUri || !q.get('client_id')) {
      json(res, 400, { error: 'invalid_request' });
      return;
    }
    const target = new URL(redirectUri);
    const state = q.get('state');
    if (state !== null) target.searchParams.set('state', state);
    if (!current) {
      target.searchParams.set('error', 'access_denied');
    } else {
      if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
        json(res, 400, { error: 'invalid_request', error_description: 'PKCE S256 required by this fake' });
        return;
      }
      const code = base64url(randomBytes(18));
      grants.set(code, {
        user: current,
        clientId: q.get('client_id')!,
        redirectUri,
        challenge: q.get('code_challenge')!,
        scope: q.get('scope') ?? '',
        used: false,
      });
      target.searchParams.set('code', code);
    }
    res.writeHead(302, { location: target.toString() }).end();
  }

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await readForm(req);
    const refuse = (error: string) => {
      exchanges.push({ ok: false, error });
      json(res, 400, { error });
    };
    let clientId = form.get('client_id') ?? '';
    let clientSecret = form.get('client_secret') ?? '';
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (basic) [clientId = '', clientSecret = ''] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    if (client && (clientId !== client.id || clientSecret !== client.secret)) return refuse('invalid_client');
    if (form.get('grant_type') !== 'authorization_code') return refuse('unsupported_grant_type');
    const grant = grants.get(form.get('code') ?? '');
    if (!grant || grant.used) return refuse('invalid_grant');
    grant.used = true;
    if (grant.clientId !== clientId || grant.redirectUri !== form.get('redirect_uri')) return refuse('invalid_grant');
    const verifier = form.get('code_verifier') ?? '';
    if (base64url(createHash('sha256').update(verifier).digest()) !== grant.challenge)
      return refuse('invalid_grant: code_verifier');
    const accessToken = base64url(randomBytes(24));
    tokens.set(accessToken, grant.user);
    exchanges.push({ ok: true });
    json(res, 200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 604800,
      refresh_token: base64url(randomBytes(24)),
      scope: grant.scope,
    });
  }

  function userOf(req: IncomingMessage): OAuthUser | undefined {
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    return bearer ? tokens.get(bearer) : undefined;
  }

  /** Handles an OAuth request (true) or leaves it to the rest of the fake (false). */
  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, apiPath: string | undefined) {
    if (req.method === 'GET' && url.pathname === '/oauth2/authorize') {
      authorize(url, res);
      return true;
    }
    if (req.method === 'POST' && apiPath === '/oauth2/token') {
      await token(req, res);
      return true;
    }
    if (req.method === 'GET' && (apiPath === '/users/@me' || apiPath === '/users/@me/guilds')) {
      const bearer = /^Bearer\s/i.test(req.headers.authorization ?? '');
      if (!bearer) return false; // the bot's own GET /users/@me (Bot token)
      const user = userOf(req);
      if (!user) {
        json(res, 401, { code: 0, message: '401: Unauthorized' });
        return true;
      }
      if (apiPath === '/users/@me')
        json(res, 200, { id: user.id, username: user.username, global_name: user.username, avatar: null });
      else
        json(
          res,
          200,
          user.guilds.map((g) => ({
            id: g.id,
            name: g.name,
            icon: null,
            owner: g.owner ?? false,
            permissions: g.permissions,
            features: [],
          })),
        );
      return true;
    }
    return false;
  }

  const api: FakeOAuth = {
    get authorizeUrl() {
      return `${origin()}/oauth2/authorize`;
    },
    setClient(id, secret) {
      client = { id, secret };
    },
    signInAs(user) {
      current = user;
    },
    exchanges,
  };
  return { api, handle };
}
