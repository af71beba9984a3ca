// `npm run account -- --login tinh.admin --name "Nguyễn Văn A" --area P23`: creates the first province account on
// a fresh start, through the running gateway (so it is validated and audited like any other), with a token signed
// by the stack's key for this one call. Prints the login and the password (generated unless --password is given).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { resolveAuthSecret, signToken } from '../shared/auth';
import { passwordProblem } from '../subgraphs/registry/account-rules';

const USAGE = `usage: npm run account -- --login <login> --name "<full name>" --area <province id, e.g. P23>
  [--role PROVINCE_ADMIN|PROVINCE_VIEWER] [--password <at least 8 characters, not a common one>] [--url http://127.0.0.1:4000/graphql]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

const CREATE = `mutation ($input: AccountInput!) { createAccount(input: $input) { id login name areaId } }`;

async function main(): Promise<void> {
  let values: { login?: string; name?: string; area?: string; role?: string; password?: string; url?: string };
  try {
    ({ values } = parseArgs({
      options: {
        login: { type: 'string' },
        name: { type: 'string' },
        area: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
        url: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { login, name, area } = values;
  if (!login || !name || !area) fail('--login, --name and --area are required');
  if (!/^P\d+$/.test(area)) fail('--area must be a province id such as P23 (other accounts are made on the pages)');
  const role = values.role ?? 'PROVINCE_ADMIN';
  if (role !== 'PROVINCE_ADMIN' && role !== 'PROVINCE_VIEWER') fail('--role is PROVINCE_ADMIN or PROVINCE_VIEWER');
  const password = values.password ?? randomBytes(9).toString('base64url');
  // The registry's own rule, said before anything is sent (the registry checks it again).
  const weak = passwordProblem(password);
  if (weak) fail(weak);
  const token = await signToken(
    resolveAuthSecret(),
    { sub: 'bootstrap:npm-run-account', name: 'npm run account', role: 'PROVINCE_ADMIN', area },
    { ttlSeconds: 300 },
  );
  const url = values.url ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? process.env.PORT ?? 4000}/graphql`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: CREATE, variables: { input: { login, name, role, areaId: area, password } } }),
  });
  const body = (await res.json()) as { errors?: Array<{ message: string }> };
  if (body.errors?.length) fail(body.errors.map((e) => e.message).join('\n'));
  process.stdout.write(`login: ${login.toLowerCase()}\npassword: ${password}\nsign in at ${new URL('/login', url)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
