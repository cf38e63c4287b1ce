/**
 * Ed25519 signed checkpoints. A `Checkpoint` record signs the seq and hash of the
 * record just before it:
 *
 *   message = "rtfs-causal-chain/v1 checkpoint\n" ‖ chain_id ‖ "\n" ‖ seq ‖ "\n" ‖ hash ‖ "\n"
 *
 * The record carries `{chain_id, count, hash, key_id, public_key, seq, sig}`;
 * `public_key` is the base64 SPKI DER, `key_id` the first 16 hex digits of its SHA-256.
 * Verifying against the embedded key only proves internal consistency; verifying
 * against a key the reader already trusts (`verifyChain(dir, {publicKey})`) proves
 * that the holder of the private key saw this history.
 */
import {
  type KeyObject,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Json } from './jcs.js';
import { sha256Hex } from './hashes.js';

export const CHECKPOINT_DOMAIN = 'rtfs-causal-chain/v1 checkpoint\n';
/** Environment variables {@link resolveSigningKey} reads. */
export const KEY_ENV = 'RTFS_CHAIN_SIGNING_KEY';
export const KEY_FILE_ENV = 'RTFS_CHAIN_SIGNING_KEY_FILE';

export function checkpointMessage(chainId: string, seq: number, hash: string): Buffer {
  return Buffer.from(`${CHECKPOINT_DOMAIN}${chainId}\n${seq}\n${hash}\n`);
}

function assertEd25519(k: KeyObject, what: string): KeyObject {
  if (k.asymmetricKeyType !== 'ed25519')
    throw new Error(`${what} is not an Ed25519 key (${k.asymmetricKeyType ?? k.type})`);
  return k;
}

/** An Ed25519 private key from PEM text or a KeyObject. */
export function loadPrivateKey(key: string | KeyObject): KeyObject {
  const k = typeof key === 'string' ? createPrivateKey(key) : key;
  if (k.type !== 'private') throw new Error('the signing key is not a private key');
  return assertEd25519(k, 'the signing key');
}

/**
 * An Ed25519 public key from PEM text (public or private), base64 SPKI DER (as in a
 * checkpoint's `public_key`), or a KeyObject.
 */
export function loadPublicKey(key: string | KeyObject): KeyObject {
  let k: KeyObject;
  if (typeof key !== 'string') k = key.type === 'private' ? createPublicKey(key) : key;
  else if (key.includes('-----BEGIN')) k = createPublicKey(key);
  else k = createPublicKey({ key: Buffer.from(key, 'base64'), format: 'der', type: 'spki' });
  return assertEd25519(k, 'the public key');
}

/** Base64 SPKI DER of a public key. */
export function publicKeyText(pub: KeyObject): string {
  return pub.export({ format: 'der', type: 'spki' }).toString('base64');
}

export function keyId(pub: KeyObject): string {
  return sha256Hex(pub.export({ format: 'der', type: 'spki' })).slice(0, 16);
}

/** The `data` of a Checkpoint record covering record `seq` (whose hash is `hash`). */
export function signCheckpoint(
  priv: KeyObject,
  chainId: string,
  seq: number,
  hash: string,
): { [key: string]: Json } {
  const pub = createPublicKey(priv);
  const sig = sign(null, checkpointMessage(chainId, seq, hash), priv).toString('base64');
  return {
    chain_id: chainId,
    count: seq + 1,
    hash,
    key_id: keyId(pub),
    public_key: publicKeyText(pub),
    seq,
    sig,
  };
}

/** Whether checkpoint `data` carries a valid signature by `pub`. */
export function checkpointSignatureValid(pub: KeyObject, data: { [key: string]: Json }): boolean {
  const { chain_id, seq, hash, sig } = data;
  if (typeof chain_id !== 'string' || typeof seq !== 'number' || typeof hash !== 'string')
    return false;
  if (typeof sig !== 'string') return false;
  try {
    return verify(null, checkpointMessage(chain_id, seq, hash), pub, Buffer.from(sig, 'base64'));
  } catch {
    return false;
  }
}

/**
 * The signing key configured for this process: PEM text in `RTFS_CHAIN_SIGNING_KEY`,
 * or a PEM file named by `keyFile` or `RTFS_CHAIN_SIGNING_KEY_FILE`; undefined when
 * none is configured. Keep the key outside the chain directory.
 */
export function resolveSigningKey(
  opts: { keyFile?: string; env?: NodeJS.ProcessEnv } = {},
): KeyObject | undefined {
  const env = opts.env ?? process.env;
  const file = opts.keyFile ?? env[KEY_FILE_ENV];
  if (file !== undefined && file !== '') return loadPrivateKey(readFileSync(file, 'utf8'));
  const pem = env[KEY_ENV];
  if (pem !== undefined && pem !== '') return loadPrivateKey(pem);
  return undefined;
}

/** A fresh Ed25519 key pair as PEM text (for `rtfs chain keygen` and tests). */
export function generateSigningKeys(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}
