// 乡镇改革方案审批: what the task detail tabs (审批操作, 附件, 审批记录) share — calls to /api with the webapps' login
// session, writes carrying the session's CSRF token as the webapps' own writes do, answers in the server's Chinese
// words, and a small element builder that puts data into the page as text only. Imported by those scripts, not
// listed in config.js itself (it is no plugin).
const HEADER = 'X-XSRF-TOKEN';

function cookieToken() {
  const match = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : null;
}

async function csrfToken() {
  const fromCookie = cookieToken();
  if (fromCookie) {
    return fromCookie;
  }
  const r = await fetch('/dashboard/csrf-token', {credentials: 'same-origin'});
  return r.headers.get(HEADER);
}

/**
 * Calls the app: {@code body} is a FormData (multipart) or an object (JSON). Resolves the answer's JSON (null when
 * empty); rejects with an Error in the server's words, or {@code notFound} for a GET that answers 404.
 */
export async function call(method, url, body, notFound) {
  const headers = {Accept: 'application/json'};
  let payload = body;
  if (method !== 'GET') {
    headers[HEADER] = await csrfToken();
    if (body != null && !(body instanceof FormData)) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
  }
  const r = await fetch(url, {method, credentials: 'same-origin', headers, body: payload});
  const text = await r.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!r.ok) {
    if (r.status === 404 && method === 'GET' && notFound) {
      throw new Error(notFound);
    }
    const said = json && (json.detail || json.message);
    throw new Error(said || '操作未成功（' + r.status + '），请稍后再试');
  }
  return json;
}

/** An element with attributes ({@code class} as className) and children (nodes, or text put in as text). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'class') {
      node.className = v;
    } else {
      node.setAttribute(k, v);
    }
  });
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}
