import { startGateway, type RunningGateway } from '../../gateway/main';
import { metricsAccess } from '../../gateway/observability';

/**
 * /metrics closed by default outside development (issue 21, item 6): in production (NODE_ENV=production, as
 * `npm start` runs) the gateway answers 404 unless METRICS_TOKEN is set, then only to that bearer token. The gateway
 * alone is enough here: its static supergraph never calls a subgraph until an operation runs.
 */
async function gatewayWith(env: Record<string, string | undefined>): Promise<RunningGateway> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  try {
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    return await startGateway({ port: 0, authSecret: 'x'.repeat(40), log: () => undefined });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const metrics = (gateway: RunningGateway, headers: Record<string, string> = {}) =>
  fetch(gateway.url.replace(/\/graphql$/, '/metrics'), { headers });

it('in production without METRICS_TOKEN, /metrics answers 404 and shows nothing', async () => {
  const gateway = await gatewayWith({ NODE_ENV: 'production', METRICS_TOKEN: undefined });
  try {
    const res = await metrics(gateway);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/hub_/);
  } finally {
    await gateway.stop();
  }
});

it('in production with METRICS_TOKEN, /metrics answers only that bearer token', async () => {
  const gateway = await gatewayWith({ NODE_ENV: 'production', METRICS_TOKEN: 'scrape-me' });
  try {
    expect((await metrics(gateway)).status).toBe(401);
    const res = await metrics(gateway, { authorization: 'Bearer scrape-me' });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/hub_process_cpu_user_seconds_total\{service="gateway"\}/);
  } finally {
    await gateway.stop();
  }
});

it('the rule: open only in development and tests, a token when one is set, else closed', () => {
  expect(metricsAccess({ NODE_ENV: 'production' })).toBe('closed');
  expect(metricsAccess({})).toBe('open');
  expect(metricsAccess({ NODE_ENV: 'development' })).toBe('open');
  expect(metricsAccess({ NODE_ENV: 'test' })).toBe('open');
  expect(metricsAccess({ NODE_ENV: 'production', METRICS_TOKEN: 't' })).toBe('token');
  expect(metricsAccess({ METRICS_TOKEN: 't' })).toBe('token');
  expect(metricsAccess({ NODE_ENV: 'production', METRICS_TOKEN: '  ' })).toBe('closed');
});
