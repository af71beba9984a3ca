import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { post } from '../../gateway/datasource';

// A subgraph that drops a kept-alive connection on its second request, as one closing an idle socket at the moment
// the gateway reuses it does.
let server: http.Server;
let url: string;
let served = 0;
beforeAll(async () => {
  const perSocket = new WeakMap<object, number>();
  server = http.createServer((req, res) => {
    const n = (perSocket.get(req.socket) ?? 0) + 1;
    perSocket.set(req.socket, n);
    req.resume();
    req.on('end', () => {
      if (n > 1) return req.socket.destroy();
      served++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { n: served } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise((r) => server.close(r)));

const body = JSON.stringify({ query: '{ n }' });
const headers = { 'content-type': 'application/json' };

describe('posting to a subgraph on a kept-alive socket the subgraph has dropped', () => {
  it('sends a read again on a fresh socket', async () => {
    expect(JSON.parse((await post(url, headers, body, true)).body.toString())).toEqual({ data: { n: 1 } });
    const again = await post(url, headers, body, true); // reuses the socket, which the subgraph drops
    expect(JSON.parse(again.body.toString())).toEqual({ data: { n: 2 } });
  });

  it('never sends a write twice: the caller gets the error', async () => {
    await post(url, headers, body, true);
    await expect(post(url, headers, body, false)).rejects.toMatchObject({ code: 'ECONNRESET' });
  });
});
