// Password hashing (bcrypt, pure JavaScript so no native build is needed on a school PC).
// Comparisons — the only hashing a running server does — happen on one worker thread, so a
// burst of sign-ins queues there instead of stalling the pages of teachers already signed
// in; how many sign-ins may wait is bounded by the guard (next-auth/sign-in-guard.ts).
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import bcrypt from 'bcryptjs';

const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

interface Pending {
  resolve(ok: boolean): void;
  reject(error: Error): void;
}

class ComparisonWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  compare(password: string, hash: string): Promise<boolean> {
    const worker = this.start();
    const id = this.nextId++;
    worker.ref(); // keeps the process alive while an answer is awaited
    return new Promise<boolean>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, password, hash });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // Built from the working directory so the bundler leaves it alone (as the radar's renderer).
    const worker = new Worker(
      path.join(process.cwd(), 'lib', 'auth', 'ways', 'password', 'password-worker.mjs'),
    );
    worker.on('message', ({ id, ok }: { id: number; ok: boolean }) => {
      this.pending.get(id)?.resolve(ok === true);
      this.pending.delete(id);
      // An idle worker must not keep a script or a test alive.
      if (this.pending.size === 0) worker.unref();
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`password worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }
}

const globalForPassword = globalThis as typeof globalThis & {
  cproPasswordWorker?: ComparisonWorker;
};

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  globalForPassword.cproPasswordWorker ??= new ComparisonWorker();
  return globalForPassword.cproPasswordWorker.compare(password, hash);
}

let dummyHash: Promise<string> | undefined;

/**
 * Compares against a hash of a random secret: used for unknown e-mails so that they take
 * as long as known ones and the answer time does not reveal who has an account.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= bcrypt.hash(crypto.randomUUID(), COST);
  await verifyPassword(password, await dummyHash);
  return false;
}
