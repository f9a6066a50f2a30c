// 审批记录: one item's record from GET /api/records/{process}/{id} (already limited to what the viewer may see) —
// its facts, its diagram (bpmn-js's viewer, the way taken marked), every stage, its attachments, and the procedure's
// own tables.
// Reached as /dashboard/record.html?process=reformPlanApproval&id={businessKey}. Data is put into the page as text
// only (never as HTML): titles and opinions are user input.
(function () {
  'use strict';
  var LOGIN = '/dashboard/login.html';
  var params = new URLSearchParams(window.location.search);
  var processKey = params.get('process') || '';
  var businessKey = params.get('id') || '';
  var base = '/api/records/' + encodeURIComponent(processKey) + '/' + encodeURIComponent(businessKey);

  function $(id) { return document.getElementById(id); }

  function toLogin() {
    window.location.href = LOGIN + '?next=' + encodeURIComponent(window.location.pathname + window.location.search);
    throw new Error('未登录');
  }

  function NotFound() { this.message = '方案不存在或无权查看'; }

  function get(url, accept) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: accept } }).then(function (r) {
      if (r.status === 401) { toLogin(); }
      if (r.status === 404) { throw new NotFound(); }
      if (!r.ok) { throw new Error('读取审批记录失败（' + r.status + '），请稍后再试。'); }
      return accept === 'application/json' ? r.json() : r.text();
    });
  }

  function time(value) {
    return value ? new Date(value).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
  }

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }

  function facts(r) {
    var s = r.subject;
    $('recordTitle').textContent = s.title;
    document.title = s.title + ' · 审批记录';
    var dl = $('recordFacts');
    dl.textContent = '';
    [['所属地区', s.region], ['状态', s.statusLabel], ['事项编号', s.businessKey],
      ['流程', r.definition ? r.definition.name + '（第' + r.definition.version + '版）' : '—'],
      ['开始时间', time(r.startedAt) || '—'], ['办结时间', r.endedAt ? time(r.endedAt) : '尚未办结']].forEach(function (f) {
      var dt = document.createElement('dt'); dt.textContent = f[0]; dl.appendChild(dt);
      var dd = document.createElement('dd'); dd.textContent = f[1]; dl.appendChild(dd);
    });
    // Cockpit (Community) shows running instances only
    var cockpit = $('recordCockpit');
    cockpit.hidden = !(s.processInstanceId && !r.endedAt);
    if (!cockpit.hidden) {
      cockpit.href = '/camunda/app/cockpit/default/#/process-instance/' + encodeURIComponent(s.processInstanceId);
    }
  }

  function stages(rows) {
    var body = $('stages').querySelector('tbody');
    body.textContent = '';
    rows.forEach(function (st) {
      var tr = body.insertRow();
      tr.setAttribute('data-stage', st.stage);
      cell(tr, st.stageName);
      cell(tr, st.actorName);
      cell(tr, st.open ? time(st.receivedAt) + ' 收到' : time(st.at));
      cell(tr, st.decisionLabel, st.open ? 'open' : null);
      cell(tr, [st.target, st.opinion].filter(Boolean).join('；'));
      cell(tr, st.workingDays == null ? '' : st.workingDays, 'days');
    });
  }

  /** 公文: the documents the item's decisions produced, with their DOCX and PDF (the same bytes at every download). */
  function documents() {
    get(base + '/documents', 'application/json').then(function (list) {
      var body = $('documentList').querySelector('tbody');
      body.textContent = '';
      $('documents').hidden = !list.length;
      list.forEach(function (d) {
        var tr = body.insertRow();
        tr.setAttribute('data-number', d.number);
        cell(tr, d.number);
        cell(tr, d.kind);
        cell(tr, d.title);
        cell(tr, d.issuer);
        cell(tr, d.issuedOn);
        var links = cell(tr, '');
        [['DOCX', d.docxUrl, d.docxSha256], ['PDF', d.pdfUrl, d.pdfSha256]].forEach(function (f, i) {
          var a = document.createElement('a');
          a.href = f[1];
          a.textContent = f[0];
          a.title = 'SHA-256：' + f[2];
          a.setAttribute('download', '');
          if (i) { links.appendChild(document.createTextNode(' · ')); }
          links.appendChild(a);
        });
      });
    }).catch(function () {
      $('documents').hidden = true;
    });
  }

  function sections(list) {
    var holder = $('sections');
    holder.textContent = '';
    list.forEach(function (s) {
      var card = document.createElement('section');
      card.className = 'card wide';
      var h2 = document.createElement('h2');
      h2.textContent = s.title;
      card.appendChild(h2);
      var table = document.createElement('table');
      table.className = 'record-section';
      var head = table.createTHead().insertRow();
      s.columns.forEach(function (c) { var th = document.createElement('th'); th.textContent = c.label; head.appendChild(th); });
      var body = table.createTBody();
      if (!s.rows.length) {
        cell(body.insertRow(), s.empty || '暂无').colSpan = s.columns.length;
      }
      s.rows.forEach(function (row) {
        var tr = body.insertRow();
        row.forEach(function (value, i) { cell(tr, s.columns[i] && s.columns[i].kind === 'TIME' ? time(value) : value); });
      });
      card.appendChild(table);
      holder.appendChild(card);
    });
  }

  // the item's files (附件), each a download link the login session may follow, with its version and SHA-256
  function attachments() {
    var body = $('attachments').querySelector('tbody');
    function size(bytes) {
      return bytes < 1024 ? bytes + '字节' : bytes < 1048576 ? (bytes / 1024).toFixed(1) + 'KB' : (bytes / 1048576).toFixed(1) + 'MB';
    }
    get(base + '/attachments', 'application/json').then(function (list) {
      body.textContent = '';
      if (!list.items.length) {
        cell(body.insertRow(), '暂无附件').colSpan = 7;
      }
      list.items.forEach(function (a) {
        var tr = body.insertRow();
        var link = document.createElement('a');
        link.href = a.href;
        link.textContent = a.name;
        link.setAttribute('download', a.name);
        tr.insertCell().appendChild(link);
        cell(tr, a.type);
        cell(tr, size(a.size));
        cell(tr, a.version == null ? '尚未提交' : '第' + a.version + '版');
        cell(tr, a.uploadedByName);
        cell(tr, time(a.uploadedAt));
        cell(tr, a.sha256, 'sha256');
      });
    }).catch(function (e) {
      body.textContent = '';
      cell(body.insertRow(), '附件无法显示：' + e.message).colSpan = 7;
    });
  }

  // the diagram of the definition version the item ran on, the way it took in green, what is open in orange
  function diagram(r) {
    var el = $('diagram');
    if (!r.definition) { el.textContent = '尚未启动审批流程'; el.setAttribute('data-ready', 'true'); return; }
    get(base + '/diagram', 'application/xml, application/problem+json').then(function (xml) {
      var viewer = new BpmnJS({ container: el });
      return viewer.importXML(xml).then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        var open = r.path.open;
        r.path.activities.concat(r.path.gateways, r.path.flows).forEach(function (id) {
          if (registry.get(id)) { canvas.addMarker(id, open.indexOf(id) < 0 ? 'record-taken' : 'record-open'); }
        });
        canvas.zoom('fit-viewport');
        el.setAttribute('data-ready', 'true');
      });
    }).catch(function (e) {
      el.textContent = '流程图无法显示：' + e.message;
    });
  }

  function fail(e) {
    $('record').hidden = true;
    $('error').textContent = e.message;
  }

  if (!processKey || !businessKey) {
    fail(new NotFound());
    return;
  }
  /** 撤回 (POST …/recall) for a running item; the server decides whether the viewer may, and says why not. */
  function recall(r) {
    if (r.endedAt) {
      return;
    }
    $('recall').hidden = false;
    $('recallButton').addEventListener('click', function () {
      var message = $('recallMessage');
      message.className = '';
      message.textContent = '正在提交……';
      webappSession.csrfToken().then(function (token) {
        return fetch(base + '/recall', { method: 'POST', credentials: 'same-origin', headers: {
          'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': token || '' },
          body: JSON.stringify({ reason: $('recallReason').value || null }) });
      }).then(function (answer) {
        if (answer.ok) {
          message.textContent = '已撤回，任务已回到您的待办任务中。';
          setTimeout(function () { window.location.reload(); }, 1200);
          return null;
        }
        return answer.json().then(function (problem) {
          message.className = 'error';
          message.textContent = problem.detail || ('撤回未成功（' + answer.status + '）');
        });
      }).catch(function () {
        message.className = 'error';
        message.textContent = '无法连接服务器，请稍后再试。';
      });
    });
  }

  get(base, 'application/json').then(function (r) {
    $('record').hidden = false;
    recall(r);
    facts(r);
    stages(r.stages);
    documents();
    sections(r.sections);
    attachments();
    diagram(r);
  }).catch(fail);

  webappSession.logoutButton($('logout'), $('error'));
}());
