/**
 * Production refuses to start with a missing or default secret: one clear line naming the
 * variable, exit code 1, no stack trace.
 */
const SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'] as const;
const DEFAULTS = /^(change-?me|tobemodified|secret|password|default|x|a,b)(,|$)/i;

export function secretProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  for (const name of SECRETS) {
    const value = env[name]?.trim() ?? '';
    if (value === '') problems.push(`${name} is missing`);
    else if (DEFAULTS.test(value) || value.split(',').some((v) => v.length < 16))
      problems.push(`${name} is a default or too short (16 characters at least)`);
  }
  return problems;
}

export function assertProductionSecrets(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV !== 'production') return;
  const problems = secretProblems(env);
  if (problems.length === 0) return;
  process.stderr.write(
    `Refusing to start in production: ${problems[0]}.${problems.length > 1 ? ` (${problems.length - 1} more: ${problems.slice(1).join('; ')})` : ''}\n`,
  );
  process.exit(1);
}
