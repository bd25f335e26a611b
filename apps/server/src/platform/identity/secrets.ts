import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';

/** SM3 hex digest: how session and API tokens are stored, so a database leak reveals no token. */
export const sm3Hex = (value: string): string => createHash('sm3').update(value).digest('hex');

/** A fresh random token: `<prefix>_<43 base64url chars>` (256 bits). */
export function newToken(prefix: 'jts' | 'jtk'): { token: string; hash: string } {
  const token = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, hash: sm3Hex(token) };
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// scrypt cost: N=2^15, r=8, p=1 (≈ 32 MiB, tens of milliseconds) — OWASP's minimum is N=2^17 with
// r=8 p=1 *or* equivalent; 2^15 keeps a 2-core server responsive under a login storm.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, maxmem: 64 * 1024 * 1024 };

function scryptAsync(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      SCRYPT.keyLength,
      { N, r, p, maxmem: SCRYPT.maxmem },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

/** `scrypt$N$r$p$salt$key`, base64url parts: parameters travel with the hash so they can be raised. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
export const DUMMY_PASSWORD_HASH = `scrypt$${SCRYPT.N}$8$1$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(32).toString('base64url')}`;

/**
 * SM4-CBC with an HMAC-SM3 tag (encrypt-then-MAC) for small secrets at rest, e.g. TOTP seeds.
 * Node has no SM4-GCM. Format: `v1.<iv>.<ciphertext>.<tag>`, base64url.
 */
export class SecretBox {
  readonly #encKey: Buffer;
  readonly #macKey: Buffer;
  constructor(keyHex: string) {
    const master = Buffer.from(keyHex, 'hex');
    this.#encKey = createHmac('sm3', master).update('enc').digest().subarray(0, 16);
    this.#macKey = createHmac('sm3', master).update('mac').digest();
  }
  seal(plaintext: string): string {
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-cbc', this.#encKey, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = createHmac('sm3', this.#macKey).update(iv).update(body).digest();
    return ['v1', iv, body, tag].map((x) => (typeof x === 'string' ? x : x.toString('base64url'))).join('.');
  }
  open(sealed: string): string {
    const [version, iv, body, tag] = sealed.split('.');
    if (version !== 'v1' || !iv || !body || !tag) throw new Error('sealed secret: bad format');
    const ivBuf = Buffer.from(iv, 'base64url');
    const bodyBuf = Buffer.from(body, 'base64url');
    const expected = createHmac('sm3', this.#macKey).update(ivBuf).update(bodyBuf).digest();
    const given = Buffer.from(tag, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new Error('sealed secret: tag mismatch');
    const decipher = createDecipheriv('sm4-cbc', this.#encKey, ivBuf);
    return Buffer.concat([decipher.update(bodyBuf), decipher.final()]).toString('utf8');
  }
}
