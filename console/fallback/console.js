// Minimal operator console: login, the region's appeals, the appeal card, reply. Region isolation is enforced by
// the services; this page only shows what the API returns for the logged-in user.
const $ = (id) => document.getElementById(id);
const STATUS = { NEW: 'Новое', IN_PROGRESS: 'В работе', ANSWERED: 'Ответ отправлен', CLOSED: 'Закрыто',
  OVERDUE: 'Просрочено', FEDERAL: 'На федеральном контроле' };
let token = sessionStorage.getItem('token');
let selected = null;

async function api(path, options = {}) {
  const res = await fetch(path, { ...options, headers: { 'Content-Type': 'application/json',
    ...(token ? { Authorization: 'Bearer ' + token } : {}), ...(options.headers || {}) } });
  if (res.status === 401 && path !== '/api/auth/login') { logout(); throw new Error('Сеанс истёк, войдите снова'); }
  const text = await res.text();
  const body = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error((body && (body.message || body.detail || body.error)) || ('Ошибка ' + res.status));
  return body;
}

function fmt(ts) { return ts ? new Date(ts).toLocaleString('ru-RU') : ''; }
function esc(s) { const d = document.createElement('div'); d.textContent = s == null ? '' : String(s); return d.innerHTML; }

function show() {
  $('login-view').hidden = !!token;
  $('work-view').hidden = !token;
  $('logout').hidden = !token;
  $('who').textContent = token ? (sessionStorage.getItem('who') || '') : '';
  if (token) { refresh(); }
}

function logout() { token = null; sessionStorage.clear(); show(); }

$('logout').onclick = logout;
$('login-form').onsubmit = async (e) => {
  e.preventDefault();
  const f = new FormData(e.target);
  try {
    const r = await api('/api/auth/login', { method: 'POST',
      body: JSON.stringify({ username: f.get('username'), password: f.get('password') }) });
    token = r.accessToken;
    sessionStorage.setItem('token', token);
    sessionStorage.setItem('who', f.get('username') + (r.region ? ' · регион ' + r.region : ''));
    $('login-error').textContent = '';
    show();
  } catch (err) { $('login-error').textContent = err.message; }
};

async function refresh() {
  if (!token) return;
  try {
    const list = await api('/api/console/appeals');
    $('count').textContent = list.length;
    $('appeals').innerHTML = list.map((a) => `<tr data-id="${esc(a.id)}" class="${a.id === selected ? 'selected' : ''}">
      <td>${fmt(a.createdAt)}</td><td>${esc(a.region)}</td><td>${esc(a.teacherFio)}</td>
      <td>${esc((a.text || '').slice(0, 80))}</td><td><span class="status">${esc(STATUS[a.status] || a.status)}</span></td></tr>`).join('');
    for (const tr of $('appeals').querySelectorAll('tr')) tr.onclick = () => open(tr.dataset.id);
  } catch (err) { console.warn(err); }
  try {
    const stats = await api('/api/analytics/summary');
    $('stats').innerHTML = stats.map((s) => `<tr><td>${esc(s.regionName || s.region)}</td><td>${s.received}</td>
      <td>${s.autoAnswered}</td><td>${s.routed}</td><td>${s.answered}</td>
      <td>${s.ratingAvg == null ? '—' : Number(s.ratingAvg).toFixed(2)}</td></tr>`).join('');
  } catch (err) { $('stats').innerHTML = `<tr><td colspan="6" class="muted">${esc(err.message)}</td></tr>`; }
}

async function open(id) {
  selected = id;
  const a = await api('/api/console/appeals/' + encodeURIComponent(id));
  const timeline = (a.timeline || a.messages || []).map((m) => `<div class="bubble ${esc((m.author || m.kind || '').toLowerCase().includes('operator') ? 'operator' : (m.author || m.kind || '').toLowerCase().includes('ai') ? 'ai' : 'teacher')}">
      <div class="muted">${esc(m.author || m.kind || '')} · ${fmt(m.at || m.createdAt)}</div>${esc(m.text)}</div>`).join('');
  $('detail').innerHTML = `<h2>Обращение</h2>
    <p><b>${esc(a.teacherFio)}</b>, регион ${esc(a.region)}${a.orgType ? ', ' + esc(a.orgType) : ''}</p>
    <p class="muted">Статус: ${esc(STATUS[a.status] || a.status)} · создано ${fmt(a.createdAt)}</p>
    <div class="bubble teacher">${esc(a.text)}</div>
    ${a.aiAnswer ? `<p class="muted">Кандидат ответа ИИ (оценка ${a.aiScore != null ? Number(a.aiScore).toFixed(2) : '—'}):</p><div class="bubble ai">${esc(a.aiAnswer)}</div>` : ''}
    ${timeline}
    <form id="reply-form"><label>Ответ педагогу<textarea name="text" maxlength="4000" required></textarea></label>
    <button type="submit">Отправить ответ</button> <span id="reply-result"></span></form>`;
  $('reply-form').onsubmit = async (e) => {
    e.preventDefault();
    const text = new FormData(e.target).get('text');
    try {
      await api(`/api/console/appeals/${encodeURIComponent(id)}/replies`, { method: 'POST',
        body: JSON.stringify({ text, version: a.version }) });
      $('reply-result').innerHTML = '<span class="ok">Ответ отправлен педагогу</span>';
      e.target.reset();
      refresh();
    } catch (err) { $('reply-result').innerHTML = `<span class="error">${esc(err.message)}</span>`; }
  };
  refresh();
}

setInterval(refresh, 3000);
show();
