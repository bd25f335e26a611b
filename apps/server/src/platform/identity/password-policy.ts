import type { Config } from '../../config.ts';

export type PolicyViolation = 'too_short' | 'too_few_classes' | 'contains_username' | 'too_long';

/**
 * MLPS level 3 (GB/T 22239-2019 §8.1.4.1 a): passwords of sufficient length and complexity,
 * changed periodically. Here: a minimum length and at least three of lower case, upper case,
 * digits and other characters; never containing the username.
 */
export function checkPasswordPolicy(
  password: string,
  username: string,
  policy: Config['password'],
): PolicyViolation[] {
  const problems: PolicyViolation[] = [];
  if ([...password].length < policy.minLength) problems.push('too_short');
  if (password.length > 256) problems.push('too_long');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('too_few_classes');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('contains_username');
  return problems;
}

export function describeViolations(problems: readonly PolicyViolation[], policy: Config['password']): string {
  const text: Record<PolicyViolation, string> = {
    too_short: `at least ${policy.minLength} characters`,
    too_long: 'at most 256 characters',
    too_few_classes: 'at least three of: lower case, upper case, digits, symbols',
    contains_username: 'must not contain the username',
  };
  return `password policy: ${problems.map((p) => text[p]).join('; ')}`;
}
