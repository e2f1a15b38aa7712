/** Compact JWS encoding, decoding and checking: RS256 for assertions, HS256 for the emulator's access tokens. */
import { createHmac, createVerify, timingSafeEqual, type KeyObject } from 'node:crypto';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** Strict base64url: only the URL-safe alphabet, no padding, no impossible length. */
export function decodeBase64url(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  return Buffer.from(text, 'base64url');
}

export function parseJsonObject(bytes: Buffer): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** HS256: for the access tokens the emulator issues and checks itself (a key pair would cost a second RSA key generation per start). */
export function signHs256(payload: JsonObject, secret: Buffer): string {
  const signingInput = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}`;
  return `${signingInput}.${base64url(createHmac('sha256', secret).update(signingInput).digest())}`;
}

export function verifyHs256(parts: JwsParts, secret: Buffer): boolean {
  const signature = decodeBase64url(parts.signature);
  const expected = createHmac('sha256', secret).update(`${parts.header}.${parts.payload}`).digest();
  return signature !== undefined && signature.length === expected.length && timingSafeEqual(signature, expected);
}

/** The three parts of a compact JWS, each still encoded. */
export interface JwsParts {
  readonly header: string;
  readonly payload: string;
  readonly signature: string;
}

export function splitJws(token: string): JwsParts | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header = '', payload = '', signature = ''] = parts;
  return { header, payload, signature };
}

export function verifyRs256(parts: JwsParts, publicKey: KeyObject): boolean {
  const signature = decodeBase64url(parts.signature);
  if (!signature || signature.length === 0) return false;
  return createVerify('RSA-SHA256').update(`${parts.header}.${parts.payload}`).verify(publicKey, signature);
}
