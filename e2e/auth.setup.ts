// Signs each shared account in once, over HTTP as next-auth's client does, and keeps its
// cookies for the tests (Playwright storageState): a test starts signed in instead of going
// through the form. Runs before the suite (playwright.config.ts: project `connexions`).
import { expect, test as setup } from '@playwright/test';
import { AUTH_STATES } from './fixtures';
import { PASSWORD } from './accounts';

for (const [name, { email, file }] of Object.entries(AUTH_STATES)) {
  setup(`sign in ${name}`, async ({ request }) => {
    const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as {
      csrfToken: string;
    };
    const response = await request.post('/api/auth/callback/credentials', {
      form: { email, password: PASSWORD, csrfToken, json: 'true' },
    });
    expect(response.status(), email).toBe(200);
    await request.storageState({ path: file });
  });
}
