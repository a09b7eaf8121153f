// minimongod: a small MongoDB-wire-protocol server for tests and the no-configuration dev run.
// In memory, single node, built on npm `mingo` (query engine) and `bson`. Never a production store.
// It answers OP_MSG and the legacy OP_QUERY that the driver still uses for its first handshake.
import net from 'node:net';
import { BSON, type Document } from 'bson';
import { adminCommands } from './commands/admin.js';
import { CommandContext, type CommandHandler } from './commands/context.js';
import { indexCommands } from './commands/indexes.js';
import { readCommands } from './commands/reads.js';
import { writeCommands } from './commands/writes.js';
import { CommandError } from './errors.js';
import { Store } from './store.js';

const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;
const MSG_CHECKSUM_PRESENT = 1;
const MSG_MORE_TO_COME = 2;
const DESERIALIZE = { promoteLongs: true, promoteValues: true, bsonRegExp: false } as const;

const handlers: Record<string, CommandHandler> = {
  ...adminCommands,
  ...indexCommands,
  ...writeCommands,
  ...readCommands,
};

export class MiniMongo {
  readonly store = new Store();
  private server?: net.Server;
  private sockets = new Set<net.Socket>();
  private connections = 0;

  /** Runs one command document and returns the reply document (ok: 1, or ok: 0 with code and errmsg). */
  run(cmd: Document, connectionId = 0): Document {
    const name = Object.keys(cmd)[0] ?? '';
    const handler = handlers[name.toLowerCase()];
    try {
      if (!handler) throw new CommandError(59, 'CommandNotFound', `no such command: '${name}'`);
      const endsTxn = /^(commit|abort)transaction$/i.test(name);
      const txn = endsTxn ? undefined : this.store.transactionFor(cmd);
      const ctx = new CommandContext(this.store, cmd, cmd.$db ?? 'admin', connectionId, txn);
      return { ...handler(ctx), ok: 1 };
    } catch (e) {
      if (e instanceof CommandError)
        return { ok: 0, errmsg: e.message, code: e.code, codeName: e.codeName, ...e.extra };
      return {
        ok: 0,
        errmsg: `minimongod internal error in '${name}': ${(e as Error)?.message ?? e}`,
        code: 1,
        codeName: 'InternalError',
      };
    }
  }

  listen(port = 0, host = '127.0.0.1'): Promise<{ port: number; uri: (db: string) => string }> {
    const server = net.createServer((socket) => this.accept(socket));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        const bound = (server.address() as net.AddressInfo).port;
        resolve({ port: bound, uri: (db) => `mongodb://${host}:${bound}/${db}` });
      });
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(socket: net.Socket): void {
    const connectionId = ++this.connections;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
        const length = pending.readInt32LE(0);
        const reply = this.handleMessage(pending.subarray(0, length), connectionId);
        pending = pending.subarray(length);
        if (reply) socket.write(reply);
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
  }

  private handleMessage(message: Buffer, connectionId: number): Buffer | null {
    const requestId = message.readInt32LE(4);
    const opCode = message.readInt32LE(12);
    if (opCode === OP_MSG) {
      const flags = message.readUInt32LE(16);
      const reply = this.run(parseOpMsg(message, flags), connectionId);
      return flags & MSG_MORE_TO_COME ? null : encodeOpMsg(requestId, reply);
    }
    if (opCode === OP_QUERY) {
      const { dbName, query } = parseOpQuery(message);
      return encodeOpReply(requestId, this.run({ ...query, $db: dbName }, connectionId));
    }
    return null;
  }
}

/** OP_MSG: flag bits, then sections: kind 0 is the command body, kind 1 a named document sequence. */
function parseOpMsg(message: Buffer, flags: number): Document {
  const end = message.length - (flags & MSG_CHECKSUM_PRESENT ? 4 : 0);
  let offset = 20;
  let body: Document = {};
  const sequences: Document = {};
  while (offset < end) {
    const kind = message[offset++];
    const size = message.readInt32LE(offset);
    if (kind === 0) {
      body = BSON.deserialize(message.subarray(offset, offset + size), DESERIALIZE);
      offset += size;
      continue;
    }
    const sectionEnd = offset + size;
    const nameEnd = message.indexOf(0, offset + 4);
    const identifier = message.toString('utf8', offset + 4, nameEnd);
    const docs: Document[] = [];
    for (offset = nameEnd + 1; offset < sectionEnd;) {
      const docSize = message.readInt32LE(offset);
      docs.push(BSON.deserialize(message.subarray(offset, offset + docSize), DESERIALIZE));
      offset += docSize;
    }
    sequences[identifier] = docs;
  }
  return { ...body, ...sequences };
}

/** A reply message: the standard 16-byte header (length, requestId, responseTo, opCode), then the op's body. */
function frame(opCode: number, responseTo: number, body: Buffer): Buffer {
  const out = Buffer.alloc(16 + body.length);
  out.writeInt32LE(out.length, 0);
  out.writeInt32LE(responseTo, 4); // our own request id: any value; the driver matches on responseTo
  out.writeInt32LE(responseTo, 8);
  out.writeInt32LE(opCode, 12);
  body.copy(out, 16);
  return out;
}

/** OP_MSG reply: flag bits 0, one kind-0 section holding the reply document. */
function encodeOpMsg(responseTo: number, reply: Document): Buffer {
  const payload = BSON.serialize(reply, { ignoreUndefined: true });
  const body = Buffer.alloc(5 + payload.length); // flags (4) + section kind (1), both zero
  body.set(payload, 5);
  return frame(OP_MSG, responseTo, body);
}

/** OP_QUERY: flags, cstring full collection name ("admin.$cmd"), skip, return count, query document. */
function parseOpQuery(message: Buffer): { dbName: string; query: Document } {
  const nameEnd = message.indexOf(0, 20);
  const fullName = message.toString('utf8', 20, nameEnd);
  const offset = nameEnd + 1 + 8;
  const size = message.readInt32LE(offset);
  const query = BSON.deserialize(message.subarray(offset, offset + size), DESERIALIZE);
  return { dbName: fullName.split('.')[0]!, query: query.$query ?? query };
}

/** OP_REPLY: response flags, cursor id, starting from, number returned, then the one reply document. */
function encodeOpReply(responseTo: number, reply: Document): Buffer {
  const payload = BSON.serialize(reply, { ignoreUndefined: true });
  const body = Buffer.alloc(20 + payload.length);
  body.writeInt32LE(1, 16); // number returned; flags, cursor id and starting-from stay zero
  body.set(payload, 20);
  return frame(OP_REPLY, responseTo, body);
}
