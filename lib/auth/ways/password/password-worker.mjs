// Runs bcrypt comparisons on a worker thread (password.ts): a comparison is
// ~70 ms of pure computation, which on the main thread would hold up every page being
// served while sign-ins pour in. Plain JavaScript, loaded by Node as is.
import { parentPort } from 'node:worker_threads';
import bcrypt from 'bcryptjs';

parentPort.on('message', ({ id, password, hash }) => {
  let ok = false;
  try {
    ok = bcrypt.compareSync(password, hash);
  } catch {
    ok = false;
  }
  parentPort.postMessage({ id, ok });
});
