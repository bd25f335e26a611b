// The client-side hint mirrors the default server policy (MLPS level 3): at least 10 characters
// from at least 3 of the 4 classes. The server's answer (`password_policy`) is authoritative.
export const MIN_PASSWORD_LENGTH = 10;
const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

export const characterClasses = (password: string): number =>
  CLASSES.filter((re) => re.test(password)).length;

export const meetsPasswordHint = (password: string): boolean =>
  password.length >= MIN_PASSWORD_LENGTH && characterClasses(password) >= 3;
