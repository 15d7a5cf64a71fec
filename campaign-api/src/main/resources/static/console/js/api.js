/*
 * The console's only way to the engine: the public HTTP API, with the session cookie the sign-in set.
 * Every state-changing call carries the session's CSRF token; a 401 sends the browser to the sign-in page.
 * No password or token is kept in browser storage: the token lives in this page's memory only.
 */
window.Api = (() => {
  const base = '/api/v1';
  let csrf = null;

  /** An answer: its status, its JSON body (or null) and, for a problem, a sentence to show. */
  function answer(status, body) {
    const ok = status >= 200 && status < 300;
    let message = null;
    if (!ok) {
      message = body && (body.detail || body.title) ? (body.detail || body.title) : 'The engine answered ' + status;
    }
    return { status, ok, body, message };
  }

  async function call(method, path, body, options = {}) {
    const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json, application/problem+json' };
    if (body !== undefined) {
      headers['Content-Type'] = options.contentType || 'application/json';
    }
    if (method !== 'GET' && csrf) {
      headers[csrf.headerName] = csrf.token;
    }
    let response;
    try {
      response = await fetch(path.startsWith('/') ? path : base + '/' + path, {
        method, headers, credentials: 'same-origin', cache: 'no-store',
        body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body))
      });
    } catch (e) {
      return answer(0, { detail: 'The engine cannot be reached' });
    }
    if (response.status === 401 && !options.allowUnauthenticated) {
      signInAgain();
      return answer(401, { detail: 'Signed out' });
    }
    const text = await response.text();
    let parsed = null;
    if (text) {
      try { parsed = JSON.parse(text); } catch (e) { parsed = { detail: text }; }
    }
    return answer(response.status, parsed);
  }

  function signInAgain() {
    const next = encodeURIComponent(location.pathname + location.hash);
    location.assign('/console/login.html?next=' + next);
  }

  /** Builds a query string from an object, leaving out empty values. */
  function query(params) {
    const parts = Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v));
    return parts.length ? '?' + parts.join('&') : '';
  }

  return {
    base,
    query,
    get: (path, options) => call('GET', path, undefined, options),
    post: (path, body) => call('POST', path, body === undefined ? {} : body),
    patch: (path, body) => call('PATCH', path, body),
    del: (path) => call('DELETE', path),
    /** The signed-in user ({username, roles, offices}), or null; keeps the session's CSRF token. */
    async session() {
      const result = await call('GET', base + '/session', undefined, { allowUnauthenticated: true });
      if (!result.ok) {
        return null;
      }
      csrf = result.body.csrf || null;
      return result.body;
    },
    async signIn(username, password) {
      const result = await call('POST', base + '/session', { username, password }, { allowUnauthenticated: true });
      if (result.ok) {
        csrf = result.body.csrf || null;
      }
      return result;
    },
    async signOut() {
      const result = await call('DELETE', base + '/session', undefined, { allowUnauthenticated: true });
      csrf = null;
      return result;
    }
  };
})();
