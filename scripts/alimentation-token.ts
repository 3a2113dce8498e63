// `npm run alimentation:token -- --uai <UAI> [--label <text>]`: creates a token of the write
// API (printed once); `--list [--uai <UAI>]` lists them; `--revoke <id>` revokes one
// (api-token-cli.ts). A PRONOTE token cannot write, and this one cannot read PRONOTE's export.
import { runTokenCli } from './api-token-cli';

await runTokenCli('alimentation', 'alimentation:token', 'Tableau de bord des apprenants');
