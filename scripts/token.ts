// `npm run token -- --role COMMUNE_OFFICER --area C02949`: prints a bearer token (12 hours) signed with the running
// stack's key (AUTH_SECRET, else DATA_DIR/auth-secret), so a newcomer can try every role. Prints only the token.
import { parseArgs } from 'node:util';
import { identityProblem, ROLE_LEVEL, TOKEN_ROLES } from '../shared/pure/auth-rules';
import { resolveAuthSecret, signToken } from '../shared/auth';

const USAGE = `usage: npm run token -- --role <ROLE> --area <areaId> [--name "<display name>"] [--sub <subject>]
roles: ${TOKEN_ROLES.map((r) => `${r} (area: a ${ROLE_LEVEL[r].toLowerCase()} id)`).join(', ')}
area ids: province P23, commune C02949, village V02949-08, unit U02949-01`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: { role?: string; area?: string; name?: string; sub?: string };
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: 'string' },
        area: { type: 'string' },
        name: { type: 'string' },
        sub: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { role, area } = values;
  if (!role || !area) fail('both --role and --area are required');
  const problem = identityProblem(role, area);
  if (problem) fail(problem);
  const token = await signToken(resolveAuthSecret(), {
    sub: values.sub ?? `demo:${role.toLowerCase()}:${area}`,
    name: values.name ?? `Demo ${role} ${area}`,
    role: role as (typeof TOKEN_ROLES)[number],
    area,
  });
  process.stdout.write(token + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
