/**
 * An on/off setting from the environment (GRAPHQL_SANDBOX, GATEWAY_CSRF_PREVENTION, DATABASE_ROLES…): on, 1 or true;
 * off, 0 or false; unset or empty, the fallback. Anything else stops the start with the setting's name, as the
 * numeric limits do (gateway/limits.ts limitsFromEnv).
 */
export function envSwitch(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (!value) return fallback;
  if (['on', '1', 'true'].includes(value)) return true;
  if (['off', '0', 'false'].includes(value)) return false;
  throw new Error(`${name} must be on or off (1/0, true/false); got "${env[name]}"`);
}
