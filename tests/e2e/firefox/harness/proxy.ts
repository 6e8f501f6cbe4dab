/**
 * The only way out of the test Firefox: an HTTP proxy on this machine that records every request the browser
 * makes (pages, frames, the extension's background page, Firefox itself), tunnels the call hosts to the local
 * fixture server and refuses everything else. It sees the network, not the DOM: whatever made a request,
 * it is in `seen`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { FIXTURE_HOSTS } from '../../../../scripts/chromium.mjs';

export interface Seen {
  /** `https://host:port` for a tunnel (HTTPS), the full URL for a plain HTTP request. */
  target: string;
  host: string;
  /** Whether it went on to the fixture server (a call host) or was refused. */
  forwarded: boolean;
}

export interface RecordingProxy {
  port: number;
  seen: Seen[];
  close(): Promise<void>;
}

/** Whether `host` is one of the call hosts the fixture server stands in for (`*.zoom.us` included). */
export function isCallHost(host: string): boolean {
  return FIXTURE_HOSTS.some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) : host === h));
}

export async function startRecordingProxy(fixturePort: number): Promise<RecordingProxy> {
  const seen: Seen[] = [];
  const sockets = new Set<Duplex>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Plain http:// (Firefox sends the absolute URL to a proxy). Nothing here is served over plain HTTP.
    const url = req.url ?? '';
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      // not an absolute URL: still recorded
    }
    seen.push({ target: url, host, forwarded: false });
    res.writeHead(502, { 'content-type': 'text/plain' }).end('Refused by the Holdspace test proxy');
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    const authority = req.url ?? '';
    const host = authority.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    const forwarded = isCallHost(host);
    seen.push({ target: `https://${authority}`, host, forwarded });
    client.on('error', () => client.destroy());
    if (!forwarded) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = connect(fixturePort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The recording proxy has no port');
  return {
    port: address.port,
    seen,
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}
