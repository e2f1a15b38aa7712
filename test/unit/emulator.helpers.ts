/** Shared by the emulator suites: sign assertions with node:crypto and talk to the emulator over loopback. */
import { sign, type KeyObject } from 'node:crypto';
import { Agent, request } from 'undici';
import type { RunningEmulator } from '../../src/emulator';

export const REFERENCE = '53060f52-f146-4c12-a234-5bb5031f6f5b';
export const GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The five documented claims for `em`, valid from `nowMs`. */
export function claims(em: RunningEmulator, nowMs = Date.now()): Record<string, unknown> {
  const iat = Math.floor(nowMs / 1000);
  const { accountName, tenantId } = em.serviceAccount;
  return { iss: `${accountName}@${tenantId}.iam.acesso.io`, aud: em.identityUrl, scope: '*', iat, exp: iat + 3600 };
}

/** A compact RS256 JWS of `payload` (header and key overridable). */
export function jws(payload: unknown, key: string | KeyObject, header: unknown = { alg: 'RS256', typ: 'JWT' }): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

export function decodePayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly bytes: Buffer;
  text(): string;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
}

export async function call(agent: Agent, url: string, options: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const res = await request(url, { dispatcher: agent, method: options.method ?? 'GET', headers: options.headers, body: options.body });
  const bytes = Buffer.from(await res.body.arrayBuffer());
  return {
    status: res.statusCode,
    headers: res.headers,
    bytes,
    text: () => bytes.toString('utf8'),
    json: () => JSON.parse(bytes.toString('utf8')) as unknown,
  };
}

export function postToken(agent: Agent, em: RunningEmulator, assertion: string, grantType = GRANT): Promise<Reply> {
  return call(agent, `${em.identityUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: grantType, assertion }).toString(),
  });
}

/** A fresh access token through the real token flow. */
export async function accessToken(agent: Agent, em: RunningEmulator, nowMs = Date.now()): Promise<string> {
  const reply = await postToken(agent, em, jws(claims(em, nowMs), em.serviceAccount.privateKeyPem));
  if (reply.status !== 200) throw new Error(`token endpoint answered ${reply.status}: ${reply.text()}`);
  return (reply.json() as { access_token: string }).access_token;
}

export function getProcess(agent: Agent, em: RunningEmulator, id: string, token: string | undefined, suffix = ''): Promise<Reply> {
  return call(agent, `${em.apiBaseUrl}/client/v1/process/${id}${suffix}`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
}
