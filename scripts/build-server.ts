// `npm run build` (after `next build`): our server compiled to dist/server.mjs.
import { compileServer } from './build-if-needed';

console.log(`[cpro] Serveur compilé : ${await compileServer()}`);
