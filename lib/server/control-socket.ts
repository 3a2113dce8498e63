// The running server's local door for its operator: a Unix socket in the data folder (0700,
// so only the server's own account reaches it), through which `npm run db:backup` asks the
// server holding the embedded database for a dump — taken inside this process, consistent,
// without stopping anything. One command, `sauvegarde`; the answer is `OK <bytes>\n` and the
// dump, or `ERREUR <message>\n`. Embedded database only (PostgreSQL has pg_dump).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { dataDir } from '@/lib/config/paths';
import { getConnection } from '@/lib/db/client';

/** The longest request read: `sauvegarde\n` and a margin. */
const MAX_REQUEST = 64;

export function controlSocketPath(dir = dataDir()): string {
  return path.join(dir, 'controle.sock');
}

export function startControlSocket(): net.Server {
  const file = controlSocketPath();
  // A socket left by a server that died: the database lock says no other server runs here.
  fs.rmSync(file, { force: true });
  const server = net.createServer((socket) => {
    let request = '';
    let answered = false;
    socket.setTimeout(10_000, () => socket.destroy());
    socket.on('data', (chunk) => {
      if (answered) return;
      request += chunk.toString('utf8');
      // One short line: a peer that sends more is not our command, and is not read further.
      if (request.length > MAX_REQUEST) {
        answered = true;
        socket.end('ERREUR commande trop longue\n');
        return;
      }
      if (!request.includes('\n')) return;
      answered = true;
      if (request.trim() !== 'sauvegarde') {
        socket.end('ERREUR commande inconnue\n');
        return;
      }
      void getConnection()
        .then(async (connection) => {
          if (!connection.dump) throw new Error('base embarquée seulement');
          const bytes = Buffer.from(await (await connection.dump()).arrayBuffer());
          socket.write(`OK ${bytes.length}\n`);
          socket.end(bytes);
        })
        .catch((error: Error) => socket.end(`ERREUR ${error.message}\n`));
    });
    socket.on('error', () => socket.destroy());
  });
  server.listen(file, () => fs.chmodSync(file, 0o600));
  return server;
}

/** Asks the server holding the embedded database for a dump; null when none answers. */
export function requestBackup(dir = dataDir()): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(controlSocketPath(dir));
    const chunks: Buffer[] = [];
    socket.on('connect', () => socket.write('sauvegarde\n'));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(null);
      else reject(error);
    });
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const newline = all.indexOf(0x0a);
      const head = all.subarray(0, newline).toString('utf8');
      if (head.startsWith('OK ')) {
        const body = all.subarray(newline + 1);
        if (body.length !== Number(head.slice(3))) reject(new Error('sauvegarde incomplète'));
        else resolve(body);
      } else reject(new Error(head.replace(/^ERREUR /, '') || 'réponse vide du serveur'));
    });
  });
}
