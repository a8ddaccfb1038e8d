// Qyzmet web pages: every change goes to the platform's API (/api/v1), which checks, confirms and journals it;
// this script only carries a form there and shows the answer. No inline script anywhere (the pages' CSP forbids it).
(() => {
  'use strict';
  const lang = document.documentElement.lang || 'ru';
  const APP_TOKEN = 'qyzmet-app-token';

  const cookie = (name) => {
    const match = document.cookie.match(new RegExp('(?:^|; )' + name.replace(/[-]/g, '\\-') + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : '';
  };

  /** One call of the API; a refusal becomes an error carrying the problem (its detail is in the page's language). */
  async function api(method, url, body, options = {}) {
    const headers = { 'Accept': 'application/json', 'Accept-Language': lang };
    if (options.auth === 'app') {
      const token = sessionStorage.getItem(APP_TOKEN);
      if (token) headers['Authorization'] = 'Bearer ' + token;
    } else {
      headers['X-CSRF-Token'] = cookie('__Host-qyzmet-csrf');
    }
    let payload;
    if (body instanceof Blob) {
      payload = body;
      headers['Content-Type'] = options.type || 'application/octet-stream';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
    } catch (offline) {
      throw Object.assign(new Error(document.body.dataset.offline || 'The platform cannot be reached.'), { problem: {} });
    }
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await response.json() : null;
    if (!response.ok) {
      const problem = data || {};
      throw Object.assign(new Error(problem.detail || problem.title || response.statusText), { problem, status: response.status });
    }
    return data;
  }

  /** The words a page keeps for its script in a <template> (in the page's language). */
  const words = (selector, scope = document) => {
    const element = scope.querySelector(selector);
    return element ? (element.content || element).textContent.trim() : '';
  };
  const valueAt = (data, path) => path.split('.').reduce((value, key) => (value == null ? value : value[key]), data);
  const fill = (template, data) => template.replace(/\{([\w.]+)\}/g, (_, path) => encodeURIComponent(valueAt(data, path) ?? ''));
  const timeFormat = new Intl.DateTimeFormat(lang === 'kk' ? 'kk-KZ' : lang === 'ru' ? 'ru-RU' : 'en-GB',
    { timeZone: 'Asia/Almaty', dateStyle: 'short', timeStyle: 'medium' });
  const shownTime = (iso) => (iso ? timeFormat.format(new Date(iso)) : '—');

  /** A form's fields as the API's JSON: "reason.kk" nests, data-type="number" and "list" convert, empty ones are left out. */
  function fields(form) {
    const values = {};
    for (const element of form.elements) {
      if (!element.name || element.disabled || element.type === 'submit' || element.type === 'button' || element.type === 'file') continue;
      let value;
      if (element.type === 'checkbox') value = element.checked;
      else if (element.dataset.type === 'list') value = element.value.split(',').map((part) => part.trim()).filter(Boolean);
      else if (element.value === '') continue;
      else if (element.dataset.type === 'boolean') value = element.value === 'true';
      else value = element.dataset.type === 'number' ? Number(element.value) : element.value;
      const path = element.name.split('.');
      let target = values;
      for (const key of path.slice(0, -1)) target = target[key] = target[key] || {};
      target[path[path.length - 1]] = value;
    }
    return values;
  }

  function clearProblem(form) {
    const box = form.querySelector('[data-problem]');
    if (box) { box.hidden = true; box.textContent = ''; }
    form.querySelectorAll('[aria-invalid]').forEach((element) => {
      element.removeAttribute('aria-invalid');
      const described = (element.getAttribute('aria-describedby') || '').split(' ').filter((id) => !id.startsWith('p-'));
      if (described.length) element.setAttribute('aria-describedby', described.join(' ')); else element.removeAttribute('aria-describedby');
    });
  }

  /** The API's reason, where the person looks: next to the field it names, announced, and focused. */
  function showProblem(form, error) {
    const box = form.querySelector('[data-problem]');
    const problem = error.problem || {};
    let text = error.message;
    if (problem.retryAfter) text += ' (' + problem.retryAfter + ')';
    if (box) {
      box.id = box.id || 'p-' + Math.random().toString(36).slice(2);
      box.textContent = text;
      box.hidden = false;
    }
    const field = problem.field && form.querySelector('[name="' + CSS.escape(problem.field) + '"]:not([type=hidden])');
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      if (box) field.setAttribute('aria-describedby', ((field.getAttribute('aria-describedby') || '') + ' ' + box.id).trim());
      field.focus();
    }
  }

  const LOGIN_NEXT = { 'second-factor': 'second-factor', 'set-password': 'password', 'security-session': 'security' };

  /** What a form does once the API accepted it: data-then="go:/path/{field}", "reload", "reveal:#id", "message:#id", or a flow. */
  const thens = {
    go: (form, data, target) => location.assign(fill(target, data || {})),
    reload: () => location.reload(),
    login: (form, data) => {
      const area = document.body.classList.contains('area-console') ? '/console' : '/cabinet';
      const next = data && data.next && LOGIN_NEXT[data.next];
      location.assign(next ? area + '/' + next : area);
    },
    reveal: (form, data, target) => {
      const step = document.querySelector(target);
      // the next step's hidden fields: the same field of this form, or the member of the API's answer (challengeId)
      const given = fields(form);
      step.querySelectorAll('input[type=hidden][name]').forEach((hidden) => {
        const value = given[hidden.name] ?? valueAt(data || {}, hidden.name);
        if (value != null) hidden.value = value;
      });
      step.querySelectorAll('[data-field]').forEach((element) => {
        const value = valueAt(data || {}, element.dataset.field);
        element.textContent = element.dataset.field.endsWith('At') ? shownTime(value) : value ?? '';
      });
      step.hidden = false;
      const first = step.querySelector('input:not([type=hidden]), textarea, select');
      if (first) first.focus();
    },
    message: (form, data, target) => {
      const message = document.querySelector(target);
      message.hidden = false;
      message.focus && message.setAttribute('tabindex', '-1');
      message.focus();
      form.reset();
    },
    request: (form, data) => openConfirmation(form, data),
    // the core's cancellation (issue #16): the cancellation instruction is made, then its own code is asked for
    cancellation: async (form, cancellation) => {
      const address = '/api/v1/instructions/' + encodeURIComponent(cancellation.id);
      const challenge = await api('POST', address + '/confirmation');
      openConfirmation(form, { instruction: cancellation, confirmation: { challengeId: challenge.challengeId, confirm: address + '/confirm' } });
    },
    'app-login': (form, data) => {
      if (data && data.token) sessionStorage.setItem(APP_TOKEN, data.token);
      const done = document.querySelector(data && data.session && data.session.stage === 'security' ? '[data-app-secured]' : '[data-app-signed-in]');
      if (done) done.hidden = false;
      form.reset();
    },
    outbox: () => showOutbox(),
  };

  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-api')) return;
    event.preventDefault();
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
    clearProblem(form);
    const button = form.querySelector('[type=submit]');
    if (button) button.disabled = true;
    try {
      // a field named in the address ({identity}) goes there, the others are the body; DELETE and GET send none
      const values = fields(form);
      const url = form.dataset.api.replace(/\{([\w]+)\}/g, (_, name) => {
        const value = values[name] ?? '';
        delete values[name];
        return encodeURIComponent(value);
      });
      const method = form.dataset.method || 'POST';
      const data = await api(method, url, method === 'DELETE' || method === 'GET' ? undefined : values, { auth: form.dataset.auth });
      const [name, target] = (form.dataset.then || 'reload').split(/:(.*)/s);
      await thens[name](form, data, target);
    } catch (error) {
      if (!error.problem) throw error;
      showProblem(form, error);
    } finally {
      if (button) button.disabled = false;
    }
  });

  // the confirmation step of every service (§25.2): exactly what is confirmed, and the code that confirms it
  function openConfirmation(form, created) {
    const dialog = document.querySelector(form.dataset.dialog);
    dialog.querySelector('[data-summary]').textContent = created.instruction.summary;
    dialog.querySelector('[data-number]').textContent = created.instruction.number;
    dialog.querySelector('[data-digest]').textContent = created.instruction.digest;
    const confirm = dialog.querySelector('form');
    confirm.dataset.api = created.confirmation.confirm;
    confirm.querySelector('[name=challengeId]').value = created.confirmation.challengeId;
    clearProblem(confirm);
    confirm.reset();
    confirm.querySelector('[name=challengeId]').value = created.confirmation.challengeId;
    dialog.showModal();
    confirm.querySelector('[name=code]').focus();
  }

  document.addEventListener('click', async (event) => {
    const close = event.target.closest('[data-close]');
    if (close) close.closest('dialog').close();
    const logout = event.target.closest('[data-logout]');
    if (logout) {
      try { await api('POST', '/api/v1/auth/logout'); } finally { location.assign(logout.dataset.logout); }
    }
  });

  // the security session by QR code (§35.2): the page shows the code and waits until the app approves it
  async function securityByQr(section) {
    const status = section.querySelector('[data-qr-status]');
    const renew = section.querySelector('[data-qr-renew]');
    const problem = section.querySelector('[data-problem]');
    let qr;
    try {
      qr = await api('POST', '/api/v1/auth/security-session/qr');
    } catch (error) {
      problem.textContent = error.message; problem.hidden = false; return;
    }
    const image = section.querySelector('[data-qr-image]');
    const svg = new DOMParser().parseFromString(qr.svg, 'image/svg+xml').documentElement;
    svg.setAttribute('aria-hidden', 'true');
    image.replaceChildren(svg);
    section.querySelector('[data-qr-text]').value = qr.content;
    renew.hidden = true;
    const poll = async () => {
      let state;
      try {
        state = await api('GET', '/api/v1/auth/security-session/qr/' + encodeURIComponent(qr.id));
      } catch (error) {
        problem.textContent = error.message; problem.hidden = false; return;
      }
      if (state.state === 'approved') {
        status.textContent = words('[data-text-approved]', section);
        location.assign(section.dataset.next);
      } else if (state.state === 'expired') {
        status.textContent = words('[data-text-expired]', section);
        renew.hidden = false;
      } else {
        setTimeout(poll, 1000);
      }
    };
    setTimeout(poll, 1000);
  }

  async function showOutbox() {
    const list = document.querySelector('[data-outbox]');
    if (!list) return;
    const outbox = await api('GET', '/api/v1/dev/outbox?limit=3', undefined, { auth: 'app' });
    list.replaceChildren(...outbox.messages.map((message) => {
      const item = document.createElement('li');
      item.textContent = message.text;
      return item;
    }));
  }

  // a background job's progress (server-sent events) until its final status
  function follow(element) {
    const source = new EventSource(element.dataset.events);
    const status = element.querySelector('[data-status]');
    const progress = element.querySelector('[data-progress]');
    const update = (event) => {
      const view = JSON.parse(event.data);
      const text = words('[data-status-text="' + view.status + '"]');
      if (text) status.textContent = text;
      if (progress && view.progress) progress.textContent = (view.progress.percent ?? 0) + ' % · ' + (view.progress.operations ?? '');
      if (['EXECUTED', 'REFUSED', 'REJECTED', 'CANCELLED'].includes(view.status)) { source.close(); location.reload(); }
    };
    // the platform names its events "request" (onmessage alone would hear only unnamed ones)
    source.addEventListener('request', update);
    source.onmessage = update;
  }

  // the public verification page: the lookup is the API's (limited per address), shown as a person reads it
  async function verification(section) {
    const status = section.querySelector('[data-verify-status]');
    let found;
    try {
      found = await api('GET', '/api/v1/documents/verification/' + encodeURIComponent(section.dataset.verifyToken));
    } catch (error) {
      status.textContent = error.status === 404 ? words('[data-text-unknown]', section) : error.message;
      return;
    }
    status.hidden = true;
    section.querySelectorAll('[data-field]').forEach((element) => {
      const value = valueAt(found, element.dataset.field);
      element.textContent = element.dataset.format === 'time' ? shownTime(value) : value ?? '';
    });
    section.querySelector('[data-verify-record]').hidden = false;
    const figures = section.querySelector('[data-verify-figures]');
    for (const figure of found.document.keyFigures || []) {
      const term = document.createElement('dt'); term.textContent = figure.label;
      const value = document.createElement('dd'); value.textContent = figure.value;
      figures.append(term, value);
    }
    section.querySelector('[data-verify-figures-title]').hidden = !(found.document.keyFigures || []).length;
  }

  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-verify-upload')) return;
    event.preventDefault();
    clearProblem(form);
    const file = form.querySelector('[type=file]').files[0];
    if (!file) return;
    const type = file.name.endsWith('.csv') ? 'text/csv' : file.name.endsWith('.json') ? 'application/json' : 'application/pdf';
    try {
      const check = await api('POST', '/api/v1/documents/verification', file, { type });
      const result = document.querySelector('[data-verify-result]');
      result.querySelector('[data-verdict]').textContent = words(check.genuine ? '[data-text-genuine]' : '[data-text-not-genuine]');
      result.querySelector('[data-verdict]').className = 'verdict ' + (check.genuine ? 'genuine' : 'forged');
      const state = check.signature ? check.signature.status : 'ABSENT';
      result.querySelector('[data-signature]').textContent = words('[data-signature-text="' + state + '"]');
      result.hidden = false;
    } catch (error) {
      if (!error.problem) throw error;
      showProblem(form, error);
    }
  });

  // a service's evidence files (FormField FILES): each picked file goes to the service's upload address first, and
  // the form carries their ids; the upload checks the file itself (type from its bytes, size) and says why it refuses
  document.addEventListener('change', async (event) => {
    const picker = event.target;
    if (!(picker instanceof HTMLInputElement) || picker.type !== 'file' || !picker.dataset.upload) return;
    const into = document.getElementById(picker.dataset.into);
    const list = document.getElementById(picker.getAttribute('aria-describedby'));
    const failed = words('[data-upload-failed]', picker.closest('.field'));
    for (const file of Array.from(picker.files)) {
      const item = document.createElement('li');
      item.textContent = file.name + ' …';
      list.append(item);
      try {
        const stored = await api('POST', picker.dataset.upload + '?name=' + encodeURIComponent(file.name), file,
          { type: file.type || 'application/octet-stream' });
        into.value = into.value ? into.value + ',' + stored.id : stored.id;
        item.textContent = stored.fileName + ' · SHA-256 ' + stored.sha256.slice(0, 16) + '… ✓';
        item.dataset.uploadedId = stored.id;
      } catch (error) {
        if (!error.problem) throw error;
        item.className = 'problem';
        item.textContent = failed.replace('{name}', file.name).replace('{reason}', error.message);
      }
    }
    picker.value = '';
  });

  // a list the console reads from the operator API (its access checks apply); every value goes in as text
  async function fillTable(table) {
    let answer;
    try {
      answer = await api('GET', table.dataset.source);
    } catch (error) {
      const box = table.closest('section').querySelector('[data-problem]');
      if (box) { box.textContent = error.message; box.hidden = false; }
      return;
    }
    const columns = table.dataset.columns.split(',');
    const shown = (value) => value == null ? '—' : Array.isArray(value)
      ? value.map((item) => (typeof item === 'object' ? Object.values(item).join(' ') : item)).join(', ')
      : typeof value === 'object' ? JSON.stringify(value) : String(value);
    table.tBodies[0].replaceChildren(...(valueAt(answer, table.dataset.items) || []).map((item) => {
      const row = document.createElement('tr');
      columns.forEach((column, index) => {
        const cell = document.createElement(index === 0 ? 'th' : 'td');
        if (index === 0) cell.scope = 'row';
        cell.textContent = shown(item[column]);
        row.append(cell);
      });
      return row;
    }));
    table.dataset.loaded = 'true';
  }

  document.querySelectorAll('table[data-source]').forEach(fillTable);
  document.querySelectorAll('[data-qr]').forEach(securityByQr);
  document.querySelectorAll('[data-events]').forEach(follow);
  document.querySelectorAll('[data-verify-token]').forEach(verification);
  document.querySelectorAll('[data-qr-renew]').forEach((button) =>
    button.addEventListener('click', () => securityByQr(button.closest('[data-qr]'))));
})();
