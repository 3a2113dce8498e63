// A CAS 3.0 server for the e2e tests, written from the protocol's specification
// (apereo.github.io/cas/7.x/protocol/CAS-Protocol-Specification.html), on a loopback port:
// - GET /login?service=… shows a sign-in form; POST /login issues a service ticket `ST-…`
//   bound to that exact service and redirects to the service with `ticket` (§2.1, §2.2);
// - GET /p3/serviceValidate?service=…&ticket=… answers the XML of §2.5 (success with user
//   and attributes, or failure INVALID_REQUEST / INVALID_TICKET / INVALID_SERVICE). A ticket
//   is forgotten at its first validation attempt, successful or not (§3.1.1).
// Any user name is accepted, as the OpenID provider's development pages do.
import http from 'node:http';
import crypto from 'node:crypto';

export const CAS_PORT = Number(process.env.E2E_CAS_PORT ?? 3197);
export const CAS_URL = `http://127.0.0.1:${CAS_PORT}/cas`;
export const CAS_LABEL = 'Skolengo (CAS de test)';

const ATTRIBUTES: Record<string, Record<string, string>> = {
  'sophie.lefevre': { mail: 'enseignant@lycee-demo.test', displayName: 'Sophie LEFÈVRE' },
};

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

function xml(body: string): string {
  return `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">\n${body}\n</cas:serviceResponse>\n`;
}

function failure(code: string, message: string): string {
  return xml(
    `  <cas:authenticationFailure code="${code}">${escapeXml(message)}</cas:authenticationFailure>`,
  );
}

function success(user: string): string {
  const attributes = Object.entries(ATTRIBUTES[user] ?? {})
    .map(([name, value]) => `      <cas:${name}>${escapeXml(value)}</cas:${name}>`)
    .join('\n');
  return xml(`  <cas:authenticationSuccess>
    <cas:user>${escapeXml(user)}</cas:user>
    <cas:attributes>
${attributes}
    </cas:attributes>
  </cas:authenticationSuccess>`);
}

function loginPage(service: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>CAS de test</title></head>
<body><h1>Service d'authentification (test)</h1>
<form method="post" action="/cas/login">
<input type="hidden" name="service" value="${escapeXml(service)}">
<label>Identifiant <input name="username" autocomplete="username"></label>
<button type="submit">Se connecter au CAS</button>
</form></body></html>`;
}

async function formOf(request: http.IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return new URLSearchParams(body);
}

export async function startCasServer(): Promise<() => Promise<void>> {
  const tickets = new Map<string, { service: string; user: string }>();
  const server = http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', CAS_URL);
      if (url.pathname === '/cas/login' && request.method === 'GET') {
        const service = url.searchParams.get('service');
        if (!service) {
          response.writeHead(400).end('service manquant');
          return;
        }
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(loginPage(service));
        return;
      }
      if (url.pathname === '/cas/login' && request.method === 'POST') {
        const form = await formOf(request);
        const service = form.get('service') ?? '';
        const user = form.get('username') ?? '';
        if (!service || !user) {
          response.writeHead(400).end('service ou identifiant manquant');
          return;
        }
        const ticket = `ST-${crypto.randomBytes(18).toString('base64url')}`;
        tickets.set(ticket, { service, user });
        const target = `${service}${service.includes('?') ? '&' : '?'}ticket=${encodeURIComponent(ticket)}`;
        response.writeHead(302, { location: target }).end();
        return;
      }
      if (url.pathname === '/cas/p3/serviceValidate' && request.method === 'GET') {
        const service = url.searchParams.get('service');
        const ticket = url.searchParams.get('ticket');
        response.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' });
        if (!service || !ticket) {
          response.end(failure('INVALID_REQUEST', 'service et ticket sont requis'));
          return;
        }
        const issued = tickets.get(ticket);
        tickets.delete(ticket);
        if (!issued) {
          response.end(failure('INVALID_TICKET', `Ticket ${ticket} not recognized`));
        } else if (issued.service !== service) {
          response.end(failure('INVALID_SERVICE', `Ticket ${ticket} does not match service`));
        } else {
          response.end(success(issued.user));
        }
        return;
      }
      response.writeHead(404).end();
    })().catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(CAS_PORT, '127.0.0.1', resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
