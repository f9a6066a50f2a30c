// 管理操作记录: GET /api/admin/audit (camunda-admin only), newest first, a page at a time.
(function () {
  'use strict';
  var ACTIONS = { CREATE: '新建', UPDATE: '修改', DELETE: '删除', UNLOCK: '解锁' };
  var TYPES = { USER: '用户', GROUP: '用户组', MEMBERSHIP: '用户组成员', TENANT: '租户', TENANT_MEMBERSHIP: '租户成员', AUTHORIZATION: '授权' };
  var CHANNELS = { ADMIN_WEBAPP: '管理后台', ENGINE_REST: '引擎接口', API: '业务接口', APP: '系统自身' };
  var page = 0;
  var body = document.querySelector('#entries tbody');
  var form = document.getElementById('filter');
  var summary = document.getElementById('summary');
  var more = document.getElementById('more');

  function cell(tr, text) {
    var td = tr.insertCell();
    td.textContent = text == null ? '' : String(text);
    return td;
  }

  function state(s) {
    if (!s) { return '—'; }
    return Object.keys(s).filter(function (k) { return s[k] != null; })
      .map(function (k) { return k + '：' + s[k]; }).join('；');
  }

  function load(reset) {
    if (reset) { page = 0; body.textContent = ''; }
    var q = new URLSearchParams({ page: String(page), size: '50' });
    var data = new FormData(form);
    ['entityType', 'actor'].forEach(function (k) { if (data.get(k)) { q.set(k, data.get(k)); } });
    fetch('/api/admin/audit?' + q, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        return r.json().then(function (j) { if (!r.ok) { throw new Error(j.detail || j.title || r.status); } return j; });
      })
      .then(function (p) {
        p.items.forEach(function (e) {
          var tr = body.insertRow();
          cell(tr, new Date(e.at).toLocaleString('zh-CN', { hour12: false }));
          cell(tr, e.actor);
          cell(tr, CHANNELS[e.channel] || e.channel);
          cell(tr, (ACTIONS[e.action] || e.action) + (TYPES[e.entityType] || e.entityType));
          cell(tr, e.entityId);
          cell(tr, state(e.before));
          cell(tr, state(e.after));
        });
        summary.textContent = '共 ' + p.total + ' 条记录，已列出 ' + body.rows.length + ' 条。';
        more.hidden = body.rows.length >= p.total;
      })
      .catch(function (err) { summary.textContent = '无法读取管理操作记录：' + err.message; });
  }

  form.addEventListener('submit', function (ev) { ev.preventDefault(); load(true); });
  more.addEventListener('click', function () { page += 1; load(false); });
  webappSession.logoutButton(document.getElementById('logout'), summary);
  load(true);
}());
