// The two files made from the variables' documentation (lib/config/variables-doc.ts), as they
// must be on disk: the page formatted by Prettier (as `npm run lint` checks it) and
// .env.example as is.
import prettier from 'prettier';
import { configurationPage, envExample } from './variables-doc';

export async function configurationFiles(): Promise<Record<string, string>> {
  return {
    'docs/configuration.md': await prettier.format(configurationPage(), { parser: 'markdown' }),
    '.env.example': envExample(),
  };
}
