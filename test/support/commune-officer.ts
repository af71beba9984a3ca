import { ok, type TestStack } from './stack';

/**
 * Ba Tô's commune officer, made by Quảng Ngãi's province admin with a password: the official who signs in at /login
 * in the page tests (login cb.bato, password ba-to-2025!).
 */
export async function createBaToOfficer(stack: TestStack): Promise<void> {
  const admin = await stack.token('PROVINCE_ADMIN', 'P23');
  ok(
    await stack.gql(
      `mutation ($input: AccountInput!) { createAccount(input: $input) { id } }`,
      {
        input: {
          login: 'cb.bato',
          name: 'Đinh Văn Hùng',
          role: 'COMMUNE_OFFICER',
          areaId: 'C02949',
          password: 'ba-to-2025!',
        },
      },
      { token: admin },
    ),
  );
}
