// `npm run pronote:token -- --uai <UAI> [--label <text>]`: creates a PRONOTE token (printed
// once); `--list [--uai <UAI>]` lists them; `--revoke <id>` revokes one (api-token-cli.ts).
import { runTokenCli } from './api-token-cli';

await runTokenCli('pronote', 'pronote:token', 'Connecteur PRONOTE');
