// «Симулятор педагога»: a teacher's side of the web chat. Plain JS, no build step.
// All API calls use root-relative URLs (/api/webchat/...), so the page works on intake directly and through the
// gateway alike.
(function () {
  'use strict';

  const API = '/api/webchat';
  const POLL_MS = 1500;
  const MAX_TEXT = 4000;
  const STORAGE_KEY = 'rosobr.simulator.profile';

  const el = (id) => document.getElementById(id);
  const ui = {
    fio: el('fio'), region: el('region'), orgType: el('orgType'), teacherId: el('teacherId'),
    newTeacher: el('new-teacher'), messages: el('messages'), empty: el('empty'), error: el('error'),
    composer: el('composer'), text: el('text'), send: el('send'), counter: el('counter'),
    connection: el('connection'), connectionText: el('connection-text'),
  };

  let renderedSignature = '';
  let polling = false;
  const pressed = new Set(); // "messageId|payload" pressed in this browser

  // ---------- profile ----------

  function randomTeacherId() {
    const part = Math.random().toString(36).slice(2, 8);
    return 'teacher-' + part;
  }

  function loadProfile() {
    try {
      return JSON.parse(localStorage.getItem(STORAGE_KEY)) || {};
    } catch (e) {
      return {};
    }
  }

  function saveProfile() {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(profile()));
  }

  function profile() {
    return {
      teacherId: ui.teacherId.value.trim(),
      fio: ui.fio.value.trim(),
      region: ui.region.value,
      orgType: ui.orgType.value,
    };
  }

  async function loadRegions(selected) {
    const response = await fetch(API + '/regions', { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(await reason(response));
    }
    const regions = await response.json();
    const byDistrict = new Map();
    regions.slice().sort((a, b) => a.name.localeCompare(b.name, 'ru')).forEach((r) => {
      if (!byDistrict.has(r.federalDistrict)) {
        byDistrict.set(r.federalDistrict, []);
      }
      byDistrict.get(r.federalDistrict).push(r);
    });
    ui.region.textContent = '';
    const placeholder = new Option('— выберите регион —', '');
    ui.region.add(placeholder);
    [...byDistrict.keys()].sort((a, b) => a.localeCompare(b, 'ru')).forEach((district) => {
      const group = document.createElement('optgroup');
      group.label = district;
      byDistrict.get(district).forEach((r) => group.appendChild(new Option(r.name + ' (' + r.code + ')', r.code)));
      ui.region.appendChild(group);
    });
    ui.region.value = selected && regions.some((r) => r.code === selected) ? selected : '58';
  }

  // ---------- errors and connection ----------

  async function reason(response) {
    try {
      const body = await response.json();
      return body.detail || body.message || body.title || ('HTTP ' + response.status);
    } catch (e) {
      return 'HTTP ' + response.status;
    }
  }

  function showError(message) {
    ui.error.textContent = message;
    ui.error.hidden = false;
  }

  function clearError() {
    ui.error.hidden = true;
    ui.error.textContent = '';
  }

  function connection(ok) {
    ui.connection.classList.toggle('ok', ok);
    ui.connection.classList.toggle('down', !ok);
    ui.connectionText.textContent = ok ? 'на связи' : 'нет связи с сервером';
  }

  // ---------- conversation ----------

  function formatTime(at) {
    const d = new Date(at);
    if (Number.isNaN(d.getTime())) {
      return '';
    }
    const today = new Date();
    const time = d.toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' });
    return d.toDateString() === today.toDateString() ? time : d.toLocaleDateString('ru-RU') + ' ' + time;
  }

  function bubble(message) {
    const div = document.createElement('div');
    div.className = 'bubble ' + (message.direction === 'IN' ? 'in' : 'out');
    const body = document.createElement('div');
    body.className = 'body';
    body.textContent = message.text;
    div.appendChild(body);

    if (message.direction === 'OUT' && Array.isArray(message.buttons) && message.buttons.length > 0) {
      const buttons = document.createElement('div');
      buttons.className = 'buttons';
      message.buttons.forEach((b) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = b.text;
        button.title = b.payload;
        if (pressed.has(message.id + '|' + b.payload)) {
          button.classList.add('pressed');
        }
        button.addEventListener('click', () => press(message.id, b.payload, buttons));
        buttons.appendChild(button);
      });
      div.appendChild(buttons);
    }

    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = formatTime(message.at);
    div.appendChild(meta);
    return div;
  }

  function render(messages) {
    const signature = messages.length + ':' + (messages.length ? messages[messages.length - 1].id : '')
      + ':' + pressed.size;
    if (signature === renderedSignature) {
      return;
    }
    renderedSignature = signature;
    const box = ui.messages;
    const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
    box.querySelectorAll('.bubble').forEach((b) => b.remove());
    ui.empty.hidden = messages.length > 0;
    messages.forEach((m) => box.appendChild(bubble(m)));
    if (nearBottom || messages.length <= 1) {
      box.scrollTop = box.scrollHeight;
    }
  }

  async function poll() {
    const teacherId = ui.teacherId.value.trim();
    if (polling || !teacherId) {
      return;
    }
    polling = true;
    try {
      const response = await fetch(API + '/teachers/' + encodeURIComponent(teacherId) + '/messages',
        { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (!response.ok) {
        connection(false);
        return;
      }
      connection(true);
      const messages = await response.json();
      if (teacherId === ui.teacherId.value.trim()) {
        render(messages);
      }
    } catch (e) {
      connection(false);
    } finally {
      polling = false;
    }
  }

  // ---------- actions ----------

  async function send(text) {
    clearError();
    if (!ui.fio.value.trim()) {
      showError('Укажите ФИО педагога.');
      ui.fio.focus();
      return;
    }
    if (!ui.region.value) {
      showError('Выберите регион.');
      ui.region.focus();
      return;
    }
    if (!ui.teacherId.value.trim()) {
      ui.teacherId.value = randomTeacherId();
    }
    if (!text.trim()) {
      showError('Введите текст вопроса.');
      return;
    }
    if (text.length > MAX_TEXT) {
      showError('Сообщение длиннее ' + MAX_TEXT + ' символов.');
      return;
    }
    saveProfile();
    ui.send.disabled = true;
    try {
      const response = await fetch(API + '/messages', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(Object.assign(profile(), { text: text })),
      });
      if (!response.ok) {
        showError('Сообщение не принято: ' + await reason(response));
        return;
      }
      ui.text.value = '';
      updateCounter();
      await poll();
    } catch (e) {
      showError('Нет связи с сервером: ' + e.message);
    } finally {
      ui.send.disabled = false;
    }
  }

  async function press(messageId, payload, group) {
    clearError();
    group.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      const response = await fetch(API + '/callbacks', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ teacherId: ui.teacherId.value.trim(), payload: payload }),
      });
      if (!response.ok) {
        showError('Кнопка не сработала: ' + await reason(response));
        return;
      }
      pressed.add(messageId + '|' + payload);
      await poll();
    } catch (e) {
      showError('Нет связи с сервером: ' + e.message);
    } finally {
      group.querySelectorAll('button').forEach((b) => { b.disabled = false; });
    }
  }

  function updateCounter() {
    const n = ui.text.value.length;
    ui.counter.textContent = n + ' / ' + MAX_TEXT;
    ui.counter.classList.toggle('over', n > MAX_TEXT);
  }

  function switchTeacher() {
    renderedSignature = '';
    pressed.clear();
    render([]);
    saveProfile();
    poll();
  }

  // ---------- wiring ----------

  ui.composer.addEventListener('submit', (e) => {
    e.preventDefault();
    send(ui.text.value);
  });
  ui.text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send(ui.text.value);
    }
  });
  ui.text.addEventListener('input', updateCounter);
  document.querySelectorAll('.example').forEach((b) => b.addEventListener('click', () => {
    ui.text.value = b.textContent;
    updateCounter();
    ui.text.focus();
  }));
  ui.newTeacher.addEventListener('click', () => {
    ui.teacherId.value = randomTeacherId();
    switchTeacher();
  });
  ui.teacherId.addEventListener('change', switchTeacher);
  [ui.fio, ui.region, ui.orgType].forEach((input) => input.addEventListener('change', saveProfile));

  // a link may name the teacher to act as: /simulator/?teacherId=…&fio=…&region=58&orgType=SCHOOL
  const params = new URLSearchParams(window.location.search);
  const saved = Object.assign(loadProfile(), Object.fromEntries(
    ['teacherId', 'fio', 'region', 'orgType'].filter((k) => params.get(k)).map((k) => [k, params.get(k)])));
  ui.fio.value = saved.fio || 'Иванова Мария Петровна';
  ui.orgType.value = saved.orgType || 'SCHOOL';
  ui.teacherId.value = saved.teacherId || randomTeacherId();
  updateCounter();
  loadRegions(saved.region)
    .then(() => { connection(true); saveProfile(); })
    .catch((e) => { connection(false); showError('Не удалось загрузить регионы: ' + e.message); });
  poll();
  setInterval(poll, POLL_MS);
}());
