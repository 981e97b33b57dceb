/**
 * Sign in with Discord: OAuth2 authorization code with `state` and PKCE (S256), scopes `identify guilds`.
 * Builds the authorize URL, exchanges the code (with the verifier and the client secret), then reads who the
 * member is and their guilds with their permissions. The access token is used for these two reads only and
 * never stored or logged.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { WebConfig } from '../config/loadConfig.js';

export const SCOPES = 'identify guilds';

/** What a sign-in keeps in the session until the callback: the state and the PKCE verifier. */
export interface PendingLogin {
  state: string;
  verifier: string;
  returnTo: string;
  at: number;
}

export interface SignedInMember {
  id: string;
  username: string;
  globalName?: string;
}

/** A guild from /users/@me/guilds: the member's permissions there (a decimal bit field) and whether they own it. */
export interface MemberGuild {
  id: string;
  name: string;
  permissions: string;
  owner: boolean;
}

export type OAuthFailure = 'denied' | 'state' | 'exchange' | 'profile';
export class OAuthError extends Error {
  constructor(
    readonly kind: OAuthFailure,
    detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

const random = () => randomBytes(32).toString('base64url');
export const challengeOf = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export function startLogin(returnTo: string, now: number): PendingLogin {
  return { state: random(), verifier: random(), returnTo, at: now };
}

export function authorizeUrl(config: WebConfig, redirectUri: string, pending: PendingLogin): string {
  const url = new URL(config.authorizeUrl);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('scope', SCOPES);
  url.searchParams.set('state', pending.state);
  url.searchParams.set('code_challenge', challengeOf(pending.verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

/** The state sent back equals ours (compared in constant time). */
export function stateMatches(pending: PendingLogin | undefined, state: unknown): pending is PendingLogin {
  if (!pending || typeof state !== 'string') return false;
  const a = Buffer.from(pending.state);
  const b = Buffer.from(state);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A sign-in started this long ago is refused at the callback. */
export const LOGIN_TIMEOUT_MS = 10 * 60_000;

async function readJson(response: Response, kind: OAuthFailure): Promise<unknown> {
  if (!response.ok) throw new OAuthError(kind, `Discord answered ${response.status}`);
  return response.json();
}

export async function completeLogin(
  config: WebConfig,
  redirectUri: string,
  pending: PendingLogin,
  code: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ member: SignedInMember; guilds: MemberGuild[] }> {
  const signal = AbortSignal.timeout(15_000);
  const token = (await readJson(
    await fetchImpl(`${config.apiBase}/oauth2/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: pending.verifier,
      }),
      signal,
    }),
    'exchange',
  )) as { access_token?: unknown; token_type?: unknown };
  if (typeof token.access_token !== 'string') throw new OAuthError('exchange', 'no access token in the answer');
  const headers = { authorization: `Bearer ${token.access_token}` };
  const [me, guilds] = await Promise.all([
    fetchImpl(`${config.apiBase}/users/@me`, { headers, signal }).then((r) => readJson(r, 'profile')),
    fetchImpl(`${config.apiBase}/users/@me/guilds`, { headers, signal }).then((r) => readJson(r, 'profile')),
  ]);
  const user = me as { id?: unknown; username?: unknown; global_name?: unknown };
  if (typeof user.id !== 'string' || !/^\d{1,20}$/.test(user.id)) throw new OAuthError('profile', 'no user id');
  return {
    member: {
      id: user.id,
      username: typeof user.username === 'string' ? user.username : user.id,
      ...(typeof user.global_name === 'string' ? { globalName: user.global_name } : {}),
    },
    guilds: (Array.isArray(guilds) ? guilds : [])
      .filter((g): g is Record<string, unknown> => !!g && typeof g === 'object' && typeof g.id === 'string')
      .map((g) => ({
        id: String(g.id),
        name: typeof g.name === 'string' ? g.name : String(g.id),
        permissions: typeof g.permissions === 'string' ? g.permissions : '0',
        owner: g.owner === true,
      })),
  };
}
