import { randomBytes } from 'node:crypto';

/**
 * Strapi's secrets, freshly random, for a throwaway server (tests, benchmarks, the examples' speed
 * script). Pass the same ones to every boot that must accept the same API tokens.
 */
export function freshSecrets(): Record<string, string> {
  const secret = () => randomBytes(16).toString('hex');
  return {
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
  };
}
