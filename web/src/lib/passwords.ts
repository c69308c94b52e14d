/*
 * The server's rule for a new password (MIN_PASSWORD_LENGTH in api/src/auth/secrets.ts, which a test
 * keeps equal), checked in the form first so that a short one is said before anything is sent.
 * Characters, not bytes: "ầ" counts once.
 */
export const MIN_PASSWORD_LENGTH = 10;

export function longEnough(password: string): boolean {
  return [...password].length >= MIN_PASSWORD_LENGTH;
}
