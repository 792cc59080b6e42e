import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a sync token grants: a user, the documents they may open, and until when (Unix seconds). */
export interface SyncTokenPayload {
  user: string;
  documents: string[];
  exp: number;
}

export interface CreateSyncTokenOptions {
  secret: string;
  user: string;
  documents: string[];
  /** Lifetime from now; one hour when left out. */
  expiresInSeconds?: number;
}

const sign = (secret: string, payloadPart: string): Buffer => createHmac('sha256', secret).update(payloadPart).digest();

/**
 * Issues a token for `<claim-editor sync-token>`: `base64url(JSON payload) + '.' + base64url(HMAC-SHA256)`.
 * The browser never reads it; only the sync server checks it.
 */
export function createSyncToken({ secret, user, documents, expiresInSeconds = 3600 }: CreateSyncTokenOptions): string {
  if (!secret) throw new Error('createSyncToken: a secret is required.');
  const payload: SyncTokenPayload = { user, documents, exp: Math.floor(Date.now() / 1000) + expiresInSeconds };
  const payloadPart = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${payloadPart}.${sign(secret, payloadPart).toString('base64url')}`;
}

/**
 * Checks a token's signature, expiry and, when `documentName` is given, that it names that document.
 * Returns the payload, or throws an Error saying which check failed.
 */
export function verifySyncToken(token: string, secret: string, documentName?: string): SyncTokenPayload {
  const [payloadPart, signaturePart, extra] = typeof token === 'string' ? token.split('.') : [];
  if (!payloadPart || !signaturePart || extra !== undefined) throw new Error('Malformed sync token.');
  const expected = sign(secret, payloadPart);
  const given = Buffer.from(signaturePart, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new Error('Sync token signature is wrong.');
  }
  const payload = parsePayload(payloadPart);
  if (payload.exp <= Date.now() / 1000) throw new Error('Sync token has expired.');
  if (documentName !== undefined && !payload.documents.includes(documentName)) {
    throw new Error(`Sync token does not grant document "${documentName}".`);
  }
  return payload;
}

function parsePayload(payloadPart: string): SyncTokenPayload {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
  } catch {
    throw new Error('Malformed sync token.');
  }
  const payload = value as Partial<SyncTokenPayload> | null;
  if (
    typeof payload?.user !== 'string' ||
    !Array.isArray(payload.documents) ||
    !payload.documents.every((d) => typeof d === 'string') ||
    typeof payload.exp !== 'number'
  ) {
    throw new Error('Malformed sync token.');
  }
  return payload as SyncTokenPayload;
}
