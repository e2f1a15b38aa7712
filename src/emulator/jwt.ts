/** Compact JWS (RS256) encoding, decoding and checking for the emulator's two token kinds. */
import { createSign, createVerify, type KeyObject } from 'node:crypto';

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

export function signRs256(payload: JsonObject, privateKey: KeyObject): string {
  const signingInput = `${base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(privateKey);
  return `${signingInput}.${base64url(signature)}`;
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
