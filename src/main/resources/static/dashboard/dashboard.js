// 管理驾驶舱: renders GET /api/stats (already limited to what the viewer may see) with ECharts, the overdue power
// catalogues (GET /api/catalogues?overdue=true), and
// drills down to plan lists (GET /api/plans), one plan (GET /api/plans/{id}), its record page (审批记录, record.html:
// the way through the diagram and every stage, also once the plan is finished) and Cockpit (运行监控, running plans).
// Data is put into the page as text only (never as HTML): plan titles are user input.
(function () {
  'use strict';
  var STATUS = { DRAFT: '起草中', IN_REVIEW: '审核中', APPROVED: '已批准', FILED: '已备案', REJECTED: '不予批准', WITHDRAWN: '已撤回' };
  var FINISHED = ['APPROVED', 'FILED', 'REJECTED', 'WITHDRAWN'];
  var CATALOGUE_STATUS = { DRAFT: '起草中', IN_REVIEW: '审批中', PUBLISHED: '已公布', SUPERSEDED: '已被新版取代', REJECTED: '不予批准',
    WITHDRAWN: '已撤回' };
  var LEVEL = { province: '省', city: '市', county: '县' };
  var STAGE = { draftPlan: '县级起草', cityReview: '市编办审核', citySubmission: '市（州）政府申报', cityApproval: '市委、市政府审批',
    provinceReview: '省编办审核', departmentReview: '相关部门会审', provinceApproval: '省政府批准', provinceFiling: '省编办备案',
    supervisePlan: '督办' };
  var DECISION = { SUBMIT: '提交', WITHDRAW: '撤回', APPROVE: '同意', RETURN: '退回修改', REJECT: '不予批准', FILE: '予以备案',
    REVISE: '修订', PASSED: '通过', FAILED: '未通过', FILED: '已备案', REJECTED: '不予批准', WITHDRAWN: '已撤回',
    APPROVED: '已批准', ROUTED: '已确定', OVERDUE: '超过完成期限', REMINDED: '催办', ESCALATED: '提请督办', SUPERVISED: '督办',
    ESTIMATED: '按周末推算', DOCUMENT: '印发公文' };
  var LOGIN = '/dashboard/login.html';
  var charts = {};

  function $(id) { return document.getElementById(id); }

  function cockpit(processInstanceId) {
    return '/camunda/app/cockpit/default/#/process-instance/' + encodeURIComponent(processInstanceId);
  }

  // an item's record (审批记录): its way through the diagram and every stage, finished or not
  function record(planId, process) {
    return '/dashboard/record.html?process=' + (process || 'reformPlanApproval') + '&id=' + encodeURIComponent(planId);
  }

  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      if (r.status === 401) {
        window.location.href = LOGIN;
        throw new Error('未登录');
      }
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.detail || body.title || ('请求失败 ' + r.status)); }
        return body;
      });
    });
  }

  function cell(row, text) {
    var td = document.createElement('td');
    if (text instanceof Node) { td.appendChild(text); } else { td.textContent = text == null ? '' : String(text); }
    row.appendChild(td);
    return td;
  }

  function link(text, href, blank) {
    var a = document.createElement('a');
    a.textContent = text;
    a.href = href;
    if (blank) { a.target = '_blank'; a.rel = 'noopener'; }
    return a;
  }

  function countOrNothing(p) { return p.value ? String(p.value) : ''; }

  // SVG: the charts' texts are page text (sharp at any zoom, found by screen readers and browser tests)
  function chart(id, option, points) {
    var el = $(id);
    if (!charts[id]) { charts[id] = echarts.init(el, null, { renderer: 'svg' }); }
    charts[id].setOption(option, true);
    el.setAttribute('data-points', String(points));
    return charts[id];
  }

  function fail(e) { $('error').textContent = e.message; }

  // --- overview ---------------------------------------------------------------------------------

  function overview() {
    $('overview').hidden = false;
    $('planView').hidden = true;
    get('/api/stats').then(function (s) {
      $('asOf').textContent = '统计日期 ' + s.asOf;
      var overdueTotal = s.overdue.reduce(function (n, r) { return n + r.count; }, 0);
      $('summary').textContent = '可见方案 ' + s.plans + ' 件，逾期未办结 ' + overdueTotal + ' 件，未来' + s.dueSoonWorkingDays + '个工作日内到期 '
        + s.dueSoon.length + ' 件。点击图表查看方案。';
      statusChart(s.byStatus);
      overdueChart(s.overdue, s.regionLevel);
      stageChart(s.stageDurations);
      dueSoon(s.dueSoon);
      Object.keys(charts).forEach(function (k) { charts[k].resize(); });
    }).catch(fail);
    procedureCounts();
    campaigns();
    overdueCatalogues();
  }

  // key-task supervision (重点任务督查): each campaign's work within the viewer's region, and a drill-down to its
  // tasks, regions and units (GET /api/supervision/campaigns, …/{id})
  function totalsCells(tr, t) {
    [t.work, t.done, t.inProgress, t.overdue].forEach(function (n) { cell(tr, String(n)); });
  }

  function campaigns() {
    get('/api/supervision/campaigns?size=20').then(function (page) {
      var body = $('campaigns').querySelector('tbody');
      body.textContent = '';
      if (!page.items.length) { cell(body.insertRow(), '暂无').colSpan = 8; }
      page.items.forEach(function (c) {
        var tr = body.insertRow();
        cell(tr, c.title);
        cell(tr, c.regionName);
        totalsCells(tr, c.totals);
        cell(tr, String(c.totals.awaitingAcceptance));
        var open = link('查看', '#campaign-' + c.id);
        open.addEventListener('click', function (ev) { ev.preventDefault(); campaign(c.id); });
        cell(tr, open);
      });
    }).catch(fail);
  }

  function campaign(id) {
    get('/api/supervision/campaigns/' + encodeURIComponent(id)).then(function (v) {
      $('campaignDetail').hidden = false;
      $('campaignTitle').textContent = v.title + '：' + v.statusLabel;
      $('campaignCsv').href = '/api/supervision/campaigns/' + encodeURIComponent(id) + '.csv';
      var tasks = $('campaignTasks').querySelector('tbody');
      var regions = $('campaignRegions').querySelector('tbody');
      var units = $('campaignUnits').querySelector('tbody');
      [tasks, regions, units].forEach(function (b) { b.textContent = ''; });
      v.tasks.forEach(function (t) {
        var tr = tasks.insertRow();
        cell(tr, t.no);
        cell(tr, t.task);
        cell(tr, t.deadlineText);
        totalsCells(tr, t.totals);
        t.units.forEach(function (u) {
          var row = units.insertRow();
          if (u.overdue) { row.className = 'overdue'; }
          cell(row, t.no);
          cell(row, u.unit);
          cell(row, u.regionName);
          cell(row, u.statusLabel + (u.overdue ? '（逾期）' : ''));
          cell(row, u.progress + '%');
          cell(row, String(u.reports));
          cell(row, link('审批记录', record(u.workId, 'keyTaskSupervision')));
        });
      });
      v.regions.forEach(function (r) {
        var tr = regions.insertRow();
        cell(tr, r.name);
        totalsCells(tr, r.totals);
      });
    }).catch(fail);
  }

  // every procedure's items within the viewer's region (GET /api/stats/procedures)
  function procedureCounts() {
    get('/api/stats/procedures').then(function (rows) {
      var body = $('procedureCounts').querySelector('tbody');
      body.textContent = '';
      rows.forEach(function (p) {
        var tr = body.insertRow();
        cell(tr, p.name);
        cell(tr, String(p.running));
        cell(tr, String(p.finished));
        cell(tr, String(p.overdue));
      });
    }).catch(fail);
  }

  // power catalogues still under way after their province's deadline (GET /api/catalogues, the viewer's region only)
  function overdueCatalogues() {
    get('/api/catalogues?overdue=true&size=50').then(function (page) {
      $('catalogueSummary').textContent = '可见范围内逾期未办结的放权赋权目录 ' + page.total + ' 件'
        + (page.total > page.items.length ? '（列出最近更新的 ' + page.items.length + ' 件）' : '') + '。';
      var body = $('overdueCatalogues').querySelector('tbody');
      body.textContent = '';
      if (!page.items.length) { cell(body.insertRow(), '暂无').colSpan = 5; }
      page.items.forEach(function (c) {
        var tr = body.insertRow();
        cell(tr, c.title);
        cell(tr, c.region);
        cell(tr, CATALOGUE_STATUS[c.status] || c.status);
        cell(tr, c.deadline || '');
        cell(tr, link('审批记录', record(c.id, 'powerCatalogueApproval')));
      });
    }).catch(fail);
  }

  function statusChart(rows) {
    var cities = [];
    var cityCodes = [];
    rows.forEach(function (r) {
      if (cityCodes.indexOf(r.cityCode) < 0) { cityCodes.push(r.cityCode); cities.push(r.provinceName + '·' + r.cityName); }
    });
    var statuses = Object.keys(STATUS).filter(function (st) { return rows.some(function (r) { return r.status === st; }); });
    var series = statuses.map(function (st) {
      return {
        // a city without plans in this status still needs its 0 in the stack, but no "0" label on it
        name: STATUS[st], type: 'bar', stack: 'plans', barMaxWidth: 60, label: { show: true, formatter: countOrNothing },
        data: cityCodes.map(function (c) {
          var hit = rows.filter(function (r) { return r.cityCode === c && r.status === st; })[0];
          return hit ? hit.count : 0;
        })
      };
    });
    var c = chart('byStatusChart', {
      tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 40, right: 20, bottom: 60 },
      xAxis: { type: 'category', data: cities, axisLabel: { interval: 0, rotate: cities.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 }, series: series
    }, rows.length);
    c.off('click');
    c.on('click', function (p) {
      var status = statuses[p.seriesIndex];
      planList(cities[p.dataIndex] + ' · ' + STATUS[status],
        '/api/plans?size=200&cityCode=' + cityCodes[p.dataIndex] + '&status=' + status);
    });
  }

  function overdueChart(rows, level) {
    $('overdueTitle').textContent = '逾期未办结方案（按' + LEVEL[level] + '）';
    var c = chart('overdueChart', {
      tooltip: {}, grid: { left: 40, right: 20, bottom: 60 },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.regionName; }), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '逾期方案', type: 'bar', barMaxWidth: 60, itemStyle: { color: '#b71c1c' }, label: { show: true },
        data: rows.map(function (r) { return r.count; }) }]
    }, rows.length);
    c.off('click');
    c.on('click', function (p) {
      var r = rows[p.dataIndex];
      planList(r.regionName + ' · 逾期方案', '/api/plans?size=200&overdue=true&' + level + 'Code=' + r.regionCode);
    });
  }

  function stageChart(rows) {
    chart('stageChart', {
      tooltip: { formatter: function (p) { var r = rows[p.dataIndex]; return r.stageName + '：平均 ' + r.avgWorkingDays + ' 个工作日（' + r.samples + ' 件）'; } },
      grid: { left: 40, right: 20, bottom: 60 },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.stageName; }), axisLabel: { interval: 0, rotate: rows.length > 4 ? 20 : 0 } },
      yAxis: { type: 'value', name: '工作日' },
      series: [{ name: '平均用时', type: 'bar', barMaxWidth: 60, label: { show: true }, data: rows.map(function (r) { return r.avgWorkingDays; }) }]
    }, rows.length);
  }

  function dueSoon(rows) {
    var body = $('dueSoon').querySelector('tbody');
    body.textContent = '';
    if (!rows.length) {
      var tr = body.insertRow();
      cell(tr, '暂无').colSpan = 6;
    }
    rows.forEach(function (r) {
      var tr = body.insertRow();
      cell(tr, link(r.title, '#plan/' + encodeURIComponent(r.planId)));
      cell(tr, r.countyName);
      cell(tr, r.statusName);
      cell(tr, r.deadline);
      cell(tr, r.workingDaysLeft);
      cell(tr, r.processInstanceId ? link('运行监控', cockpit(r.processInstanceId), true) : '');
    });
  }

  function planList(title, url) {
    $('listSection').hidden = false;
    $('listTitle').textContent = title;
    var body = $('planList').querySelector('tbody');
    body.textContent = '';
    get(url).then(function (page) {
      page.items.forEach(function (p) {
        var tr = body.insertRow();
        cell(tr, link(p.title, '#plan/' + encodeURIComponent(p.id)));
        cell(tr, p.countyCode);
        cell(tr, STATUS[p.status] || p.status);
        cell(tr, p.deadline || '');
        cell(tr, p.overdue ? '逾期' : '').className = p.overdue ? 'overdue' : '';
        cell(tr, link('审批记录', record(p.id)));
      });
      $('listSection').scrollIntoView();
    }).catch(fail);
  }

  // --- one plan ---------------------------------------------------------------------------------

  function plan(id) {
    $('overview').hidden = true;
    $('planView').hidden = false;
    get('/api/plans/' + encodeURIComponent(id)).then(function (p) {
      $('planTitle').textContent = p.title;
      var facts = $('planFacts');
      facts.textContent = '';
      [['所属地区', p.region || p.countyCode], ['状态', STATUS[p.status] || p.status],
        ['当前环节', (p.stages || []).map(function (k) { return STAGE[k] || k; }).join('、') || '—'], ['版本', p.version], ['期限', p.deadline || '—'],
        ['是否逾期', p.overdue ? '逾期' : '否'], ['备案编号', p.filingNumber || '—']].forEach(function (f) {
        var dt = document.createElement('dt'); dt.textContent = f[0]; facts.appendChild(dt);
        var dd = document.createElement('dd'); dd.textContent = f[1]; facts.appendChild(dd);
      });
      $('planRecord').href = record(p.id);
      // Cockpit (Community) shows running instances only: a finished plan's way is on its record page
      var a = $('planCockpit');
      a.hidden = !p.processInstanceId || FINISHED.indexOf(p.status) >= 0;
      if (!a.hidden) { a.href = cockpit(p.processInstanceId); }
      var findings = $('planFindings');
      findings.textContent = '';
      (p.findings || []).forEach(function (f) {
        var li = document.createElement('li');
        li.textContent = (f.severity === 'ERROR' ? '【错误】' : '【提示】') + f.message + (f.source ? '（' + f.source + '）' : '');
        findings.appendChild(li);
      });
      if (!findings.children.length) { var li = document.createElement('li'); li.textContent = '未发现问题'; findings.appendChild(li); }
      var body = $('planTimeline').querySelector('tbody');
      body.textContent = '';
      (p.timeline || []).forEach(function (t) {
        var tr = body.insertRow();
        cell(tr, new Date(t.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }));
        cell(tr, t.stageName);
        cell(tr, DECISION[t.decision] || t.decision);
        cell(tr, t.opinion || '');
        cell(tr, t.actor);
      });
    }).catch(fail);
  }

  function route() {
    $('error').textContent = '';
    var m = /^#plan\/(.+)$/.exec(window.location.hash);
    if (m) { plan(decodeURIComponent(m[1])); } else { overview(); }
  }

  // ends the one session of the dashboard and the webapps, then back to the login
  webappSession.logoutButton($('logout'), $('error'));

  window.addEventListener('hashchange', route);
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  route();
}());
