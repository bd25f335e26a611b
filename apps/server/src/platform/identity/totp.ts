import { generateSecret, generateURI, verify } from 'otplib';

// RFC 6238 defaults, as every authenticator app expects: SHA-1, 6 digits, 30-second steps.
const STEP_SECONDS = 30;

export const newTotpSecret = (): string => generateSecret();

export const totpUri = (secret: string, username: string): string =>
  generateURI({ secret, label: username, issuer: 'jtgov' });

/**
 * The time step a code belongs to, allowing one step of clock drift either way, or null.
 * A code whose step is not after `lastStep` is refused: each code is accepted once.
 */
export async function acceptTotp(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  for (const drift of [0, -1, 1]) {
    const at = epoch + drift * STEP_SECONDS;
    const result = await verify({ secret, token: code, epoch: at });
    if (result.valid) {
      const step = Math.floor(at / STEP_SECONDS);
      return lastStep !== null && step <= lastStep ? null : step;
    }
  }
  return null;
}
