// Shared by the three pages: JSON fetching with the session, error messages, the header, small DOM and date helpers.

/** An API answer other than 2xx; kind tells the pages which message to show. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
    // 404 and 503 are what the service answers before the first schedule is published.
    this.kind = status === 403 ? 'forbidden' : (status === 404 || status === 503) ? 'missing' : 'failed';
  }
}

export async function getJson(url) {
  const response = await fetch(url, {
    credentials: 'same-origin',
    // X-Requested-With makes Spring Security answer an expired session with a bare 401 instead of a Basic
    // challenge, which would pop up the browser's own login dialog.
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (response.status === 401) {
    window.location.assign('/login');
    throw new ApiError(401, 'Your session has ended: log in again.');
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemText(response));
  }
  return response.json();
}

// RFC 9457 problem details carry a human-readable detail; anything else falls back to the status line.
async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `${response.status} ${response.statusText}`;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

function cookie(name) {
  const entry = document.cookie.split('; ').find(part => part.startsWith(name + '='));
  return entry ? decodeURIComponent(entry.substring(name.length + 1)) : null;
}

/** POST with the CSRF header that csrf.spa() expects (the token is in the XSRF-TOKEN cookie). */
export function post(url) {
  return fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') || '' },
  });
}

/** POST of a form (a multipart upload), with the CSRF header; answers the response, whatever its status. */
export function postForm(url, body) {
  return fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') || '', 'X-Requested-With': 'XMLHttpRequest',
      Accept: 'application/json' },
    body,
  });
}

/** Creates an element: el('td', {class: 'late'}, 'text', otherNode). Text goes in as text, never as HTML. */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

/**
 * Replaces the content of a container with a message box. For a 403 it names the role that lacks access; for
 * missing data it says the schedule is not there yet.
 */
export function showProblem(container, error, what) {
  let text;
  let kind = 'error';
  if (error instanceof ApiError && error.kind === 'forbidden') {
    kind = 'forbidden';
    text = `Your role (${currentRole || 'unknown'}) may not see the ${what}. `
      + (currentRole === 'supplier' ? 'Your shipments are on the page "My shipments".'
        : 'The portfolio dashboard, the site views and the live feed are open to planners and executives.');
  } else if (error instanceof ApiError && error.kind === 'missing') {
    kind = 'pending';
    text = `The ${what} is not there yet (${error.message}): the service has not published it. `
      + 'This page checks again in a few seconds.';
  } else {
    text = `Could not load the ${what}: ${error.message}`;
  }
  container.replaceChildren(el('div', { class: `message ${kind}`, role: 'status' }, text));
}

export function showEmpty(container, text) {
  container.replaceChildren(el('div', { class: 'message pending', role: 'status' }, text));
}

let currentRole = null;

const PORTFOLIO_KEY = 'ttc.portfolio';
const DEFAULT_PORTFOLIO = 'demo';

/** The portfolio the pages show: ?portfolio= in the address, else the one last picked, else the demo. */
export function portfolioId() {
  const fromUrl = new URLSearchParams(window.location.search).get('portfolio');
  if (fromUrl) {
    localStorage.setItem(PORTFOLIO_KEY, fromUrl);
    return fromUrl;
  }
  return localStorage.getItem(PORTFOLIO_KEY) || DEFAULT_PORTFOLIO;
}

/** The URL of a resource of the current portfolio, e.g. portfolioApi('/dashboard'). */
export function portfolioApi(path) {
  return `/api/portfolios/${encodeURIComponent(portfolioId())}${path}`;
}

/** A page of the UI for the current portfolio, e.g. pageOf('site.html', {id: 'WTX1'}). */
export function pageOf(page, params) {
  const query = new URLSearchParams({ ...(params || {}), portfolio: portfolioId() });
  return `${page}?${query}`;
}

/** The picker of the active portfolios; picking one reloads the page on it. */
async function portfolioPicker() {
  const picker = el('select', { id: 'portfolio-picker', 'aria-label': 'portfolio' });
  const current = portfolioId();
  let portfolios = [];
  try {
    portfolios = (await getJson('/api/portfolios')).filter(portfolio => portfolio.status === 'ACTIVE');
  } catch (error) {
    console.warn('listing portfolios failed', error);
  }
  if (!portfolios.some(portfolio => portfolio.portfolioId === current)) {
    portfolios.unshift({ portfolioId: current, name: current });
  }
  for (const portfolio of portfolios) {
    picker.append(el('option', { value: portfolio.portfolioId, selected: portfolio.portfolioId === current },
      portfolio.name ? `${portfolio.name} (${portfolio.portfolioId})` : portfolio.portfolioId));
  }
  picker.addEventListener('change', () => {
    localStorage.setItem(PORTFOLIO_KEY, picker.value);
    const params = new URLSearchParams(window.location.search);
    params.set('portfolio', picker.value);
    // A site of one portfolio may not exist in another: the picker leads to the portfolio's dashboard then.
    window.location.assign(window.location.pathname.endsWith('site.html') ? pageOf('/', {}) : `?${params}`);
  });
  return el('label', { class: 'portfolio' }, 'Portfolio ', picker);
}

/**
 * Fills the header: navigation, who is logged in, logout. Resolves to the user ({username, roles}) so that pages can
 * leave out what the role may not open.
 */
export async function initHeader(activePage) {
  const header = document.getElementById('app-header');
  let user = { username: '', roles: [] };
  try {
    user = await getJson('/api/me');
  } catch (error) {
    console.warn('who am I failed', error);
  }
  currentRole = user.roles.map(role => role.toLowerCase()).join(', ');
  const link = (href, page, label) => el('a', { href, class: page === activePage ? 'active' : null }, label);
  const supplierOnly = isSupplier(user) && !isPlanner(user) && !user.roles.includes('EXECUTIVE');
  const logout = el('button', { type: 'button', id: 'logout' }, 'Log out');
  logout.addEventListener('click', async () => {
    await post('/logout');
    window.location.assign('/login?logout');
  });
  header.replaceChildren(
    el('a', { href: supplierOnly ? '/supplier.html' : pageOf('/', {}), class: 'brand' }, 'Time-to-Compute'),
    supplierOnly
      ? el('nav', {}, link('/supplier.html', 'supplier', 'My shipments'))
      : el('nav', {}, link(pageOf('/', {}), 'dashboard', 'Portfolio'),
        link(pageOf('/events.html', {}), 'events', 'Events'),
        link(pageOf('/compare.html', {}), 'compare', 'Compare'),
        isPlanner(user) ? link('/supplier.html', 'supplier', 'Suppliers') : null,
        isPlanner(user) ? link('/import.html', 'import', 'Import') : null),
    supplierOnly ? null : await portfolioPicker(),
    el('span', { class: 'user' }, user.username, user.roles.length ? el('span', { class: 'role' }, currentRole) : null),
    logout);
  return user;
}

export function isPlanner(user) {
  return user.roles.includes('PLANNER');
}

export function isSupplier(user) {
  return user.roles.includes('SUPPLIER');
}

const DAY_MS = 86400000;

/** An ISO date (yyyy-MM-dd) as a UTC Date: the schedule's dates have no time zone. */
export function parseDate(iso) {
  return new Date(iso + 'T00:00:00Z');
}

export function addDays(iso, days) {
  return new Date(parseDate(iso).getTime() + days * DAY_MS).toISOString().substring(0, 10);
}

/** A timestamp as "yyyy-MM-dd HH:mm" in UTC, the same on every screen of a distributed team. */
export function formatInstant(instant) {
  if (!instant) {
    return '';
  }
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) {
    return String(instant);
  }
  return date.toISOString().substring(0, 16).replace('T', ' ') + ' UTC';
}

/** A slip or delay in days: red when late, green when early. */
/** An old → new date pair; a block without a date (not scheduled) shows as "none". */
export function datePair(oldDate, newDate) {
  return `${oldDate ?? 'none'} → ${newDate ?? 'none'}`;
}

export function daysBadge(days, zeroText) {
  if (days === undefined || days === null) {
    return el('span', { class: 'days' }, '–');
  }
  if (days === 0) {
    return el('span', { class: 'days zero' }, zeroText);
  }
  return el('span', { class: days > 0 ? 'days late' : 'days early' }, (days > 0 ? '+' : '−') + Math.abs(days) + ' d');
}

export function formatMw(mw) {
  if (mw === undefined || mw === null) {
    return '';
  }
  return `${Number(mw).toLocaleString('en-US', { maximumFractionDigits: 1 })} MW`;
}
