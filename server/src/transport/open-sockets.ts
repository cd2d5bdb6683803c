import type { EntityManager } from '@mikro-orm/postgresql';
import { CloseCode } from 'graphql-ws';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { LiveLimits } from '../config.js';
import type { AccountNotice, EventBus } from '../shared/event-bus.js';
import type { LiveSink } from '../shared/live/live-subscription.js';
import type { Logger } from '../shared/logger.js';
import { textFrames } from './text-frames.js';

/** Close codes the server uses on the WebSocket, beside graphql-ws's own (4400, 4401, 4408 …). */
export const SocketCloseCode = {
  /** The token is invalid, expired or was revoked (password change, account disabled, role or unit change): sign in again. */
  Forbidden: CloseCode.Forbidden,
  /** The socket's send buffer passed its bound: reconnect and resume from the last cursor. */
  SlowConsumer: 4001,
  /** Too many sockets are open from this client address: retry later. */
  TooManySockets: 4002,
  /** The instance is shutting down: reconnect (to another instance) and resume from the last cursor. */
  ServiceRestart: 1012,
} as const;

/** The account a socket signed in with, as it was when the socket opened. */
export interface SocketAccount {
  userId: string;
  tokenVersion: number;
  role: string;
  unitId: string | null;
  expiresAt: Date;
}

/** One open socket: what the server keeps of it (not the upgrade request, which is let go). */
export class OpenSocket implements LiveSink {
  token: string | undefined;
  account: SocketAccount | undefined;
  alive = true;
  /** Which second of the heartbeat period pings this socket. */
  slot = 0;
  private expiry: NodeJS.Timeout | undefined;
  /** ws keeps the TCP socket as `_socket`, set before a server emits 'connection' (see text-frames.ts). */
  private readonly tcp: Socket | undefined;

  constructor(
    readonly socket: WebSocket,
    readonly address: string,
    private readonly maxBufferedBytes: number,
  ) {
    this.tcp = (socket as unknown as { _socket?: Socket })._socket;
  }

  write(head: Uint8Array, payloads: readonly Uint8Array[], tail: Uint8Array): boolean {
    if (this.socket.readyState !== this.socket.OPEN) return false;
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.close(SocketCloseCode.SlowConsumer, 'Slow consumer: reconnect and resume from your last cursor');
      return false;
    }
    const tcp = this.tcp;
    if (tcp) tcp.write(textFrames(head, payloads, tail));
    else for (const payload of payloads) this.socket.send(Buffer.concat([head, payload, tail]), { binary: false });
    return true;
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState >= this.socket.CLOSING) return;
    // A client that reads nothing never answers the close handshake; ws destroys the socket 30 s
    // after the close frame is queued, and nothing more is written to it meanwhile.
    this.socket.close(code, reason);
  }

  signIn(token: string, account: SocketAccount): void {
    this.token = token;
    this.account = account;
    this.closeAtExpiry(account.expiresAt);
  }

  /** setTimeout waits at most 2^31-1 ms (about 24 days), shorter than the longest JWT_TTL: wait again then. */
  private closeAtExpiry(expiresAt: Date): void {
    const wait = expiresAt.getTime() - Date.now();
    if (wait <= 0) return this.close(SocketCloseCode.Forbidden, 'Token expired');
    this.expiry = setTimeout(() => this.closeAtExpiry(expiresAt), Math.min(wait, 2 ** 31 - 1)).unref();
  }

  forget(): void {
    clearTimeout(this.expiry);
  }
}

interface AccountRow {
  id: string;
  token_version: number;
  role: string;
  unit_id: string | null;
  disabled_at: Date | null;
}

/**
 * Every socket open on this instance: per client address (the limit), per account (revocation on
 * every instance, through the bus), and a heartbeat for all of them on one timer: each socket is
 * pinged once per period, a slice of them every second, so that ten thousand pings do not leave
 * in one burst in the middle of a live event.
 */
export class OpenSockets {
  private readonly byAddress = new Map<string, number>();
  private readonly byUser = new Map<string, Set<OpenSocket>>();
  private readonly all = new Set<OpenSocket>();
  private readonly slices: Array<Set<OpenSocket>>;
  private slice = 0;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly unlisten: () => void;

  constructor(
    private readonly limits: LiveLimits,
    bus: EventBus,
    private readonly em: () => EntityManager,
    private readonly log: Logger,
    heartbeatSeconds = 30,
  ) {
    this.unlisten = bus.listen('accounts', (notice) => this.revoke(notice));
    this.slices = Array.from({ length: heartbeatSeconds }, () => new Set<OpenSocket>());
    this.timers.push(setInterval(() => this.heartbeat(), 1000).unref());
    this.timers.push(setInterval(() => void this.checkAccounts(), limits.accountCheckSeconds * 1000).unref());
  }

  /** Registers a new socket, or closes it at once when its address already has too many. */
  open(socket: WebSocket, address: string): OpenSocket | null {
    const count = this.byAddress.get(address) ?? 0;
    if (count >= this.limits.socketsPerAddress) {
      socket.close(SocketCloseCode.TooManySockets, 'Too many connections from this address; retry later');
      return null;
    }
    this.byAddress.set(address, count + 1);
    const open = new OpenSocket(socket, address, this.limits.maxBufferedBytes);
    this.all.add(open);
    open.slot = this.all.size % this.slices.length;
    this.slices[open.slot]!.add(open);
    socket.on('pong', () => (open.alive = true));
    return open;
  }

  signIn(open: OpenSocket, token: string, account: SocketAccount): void {
    open.signIn(token, account);
    let set = this.byUser.get(account.userId);
    if (!set) this.byUser.set(account.userId, (set = new Set()));
    set.add(open);
  }

  closed(open: OpenSocket): void {
    if (!this.all.delete(open)) return;
    this.slices[open.slot]!.delete(open);
    open.forget();
    const count = (this.byAddress.get(open.address) ?? 1) - 1;
    if (count > 0) this.byAddress.set(open.address, count);
    else this.byAddress.delete(open.address);
    const userId = open.account?.userId;
    const set = userId ? this.byUser.get(userId) : undefined;
    set?.delete(open);
    if (userId && set?.size === 0) this.byUser.delete(userId);
  }

  /** Closes every socket (shutdown), telling clients to reconnect elsewhere and resume. */
  closeAll(code: number, reason: string): void {
    for (const open of this.all) open.close(code, reason);
  }

  stop(): void {
    this.unlisten();
    this.timers.forEach(clearInterval);
  }

  private revoke({ userId, tokenVersion }: AccountNotice): void {
    for (const open of this.byUser.get(userId) ?? []) {
      if ((open.account?.tokenVersion ?? 0) < tokenVersion) open.close(SocketCloseCode.Forbidden, 'Token revoked');
    }
  }

  /** One statement for every account with a socket here: catches a change whose notice was lost. */
  private async checkAccounts(): Promise<void> {
    const ids = [...this.byUser.keys()];
    if (ids.length === 0) return;
    try {
      const rows = await this.em().execute<AccountRow[]>(
        'select id, token_version, role, unit_id, disabled_at from users where id = any(?::uuid[])',
        [`{${ids.join(',')}}`],
      );
      const current = new Map(rows.map((row) => [row.id, row]));
      for (const [userId, sockets] of this.byUser) {
        const row = current.get(userId);
        for (const open of sockets) {
          const account = open.account!;
          const stale =
            !row ||
            row.disabled_at !== null ||
            row.token_version !== account.tokenVersion ||
            row.role !== account.role ||
            row.unit_id !== account.unitId;
          if (stale) open.close(SocketCloseCode.Forbidden, 'Token revoked');
        }
      }
    } catch (error) {
      this.log.warn({ err: error }, 'could not check the accounts of open sockets');
    }
  }

  private heartbeat(): void {
    this.slice = (this.slice + 1) % this.slices.length;
    for (const open of this.slices[this.slice]!) {
      if (!open.alive) {
        open.socket.terminate();
        continue;
      }
      open.alive = false;
      open.socket.ping();
    }
  }
}
