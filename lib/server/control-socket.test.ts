// The control socket reads one short command: a peer that sends more gets a refusal after
// 64 bytes, never a buffer that grows with what it sends.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpro-controle-'));
process.env.DATA_DIR = dir;
const { startControlSocket, controlSocketPath } = await import('./control-socket');
const server = startControlSocket();
await new Promise((resolve) => server.once('listening', resolve));
afterAll(() => {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function ask(payload: Buffer | string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(controlSocketPath(dir));
    let answer = '';
    socket.on('connect', () => socket.write(payload));
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? resolve(answer) : reject(error),
    );
  });
}

describe('the control socket', () => {
  it('refuses an unknown command, and a request that never ends its line', async () => {
    expect(await ask('bonjour\n')).toBe('ERREUR commande inconnue\n');
    expect(await ask(Buffer.alloc(1024 * 1024, 0x61))).toBe('ERREUR commande trop longue\n');
  });
});
