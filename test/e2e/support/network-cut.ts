import net from 'node:net';

export interface CuttableLink {
  /** http://127.0.0.1:<port>, to open pages through instead of the server's own address. */
  url: string;
  /** Drops every open connection (WebSockets included) and refuses new ones until `restore()`. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP relay between the browser and the server, so a test can cut the network under a page.
 * Chromium's offline emulation (DevTools `Network.emulateNetworkConditions`) leaves an open
 * WebSocket up, so it cannot show what a page does when its socket really drops; destroying the
 * TCP connections here can, and the page sees exactly what a lost phone signal gives it.
 */
export async function startCuttableLink(targetPort: number): Promise<CuttableLink> {
  const open = new Set<net.Socket>();
  let down = false;
  const relay = net.createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    open.add(client).add(upstream);
    const forget = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', forget).on('close', forget);
    upstream.on('error', forget).on('close', forget);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      down = true;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    restore() {
      down = false;
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}
