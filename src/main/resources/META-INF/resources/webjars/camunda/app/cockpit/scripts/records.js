// 乡镇改革方案审批: finished work in 运行监控. Community Cockpit lists running instances only and names them by id; these
// tabs read the kernel's record API (/api/records, with the webapps' login session), which lists only what the
// viewer may see:
// - on a process definition, 方案一览 (its running items by title and region, with the stage they wait at) and
//   已办结 (its finished items, how they ended and when), each linking to the item's record page;
// - on a process instance, 审批记录: what the instance is about and a link to its record page.
// Plugin points and render arguments as Cockpit 7.24 passes them (render(node, {api, processDefinitionId})).
// Loaded by config.js (customScripts). Data is put into the page as text only.
const PAGE_SIZE = 20;

const recordPage = subject => '/dashboard/record.html?process=' + encodeURIComponent(subject.processKey)
  + '&id=' + encodeURIComponent(subject.businessKey);

async function read(url) {
  const answer = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!answer.ok) {
    const error = new Error(answer.status === 404 ? '没有可查看的审批记录' : '读取失败（' + answer.status + '），请稍后再试');
    error.status = answer.status;
    throw error;
  }
  return answer.json();
}

// as Cockpit shows dates (scripts/date-format.js): 2026-11-30 14:23:28, in the browser's time zone
function time(value) {
  if (!value) {
    return '';
  }
  const d = new Date(value);
  const two = n => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':'
    + two(d.getMinutes()) + ':' + two(d.getSeconds());
}

function element(tag, text, className) {
  const el = document.createElement(tag);
  if (text != null) {
    el.textContent = String(text);
  }
  if (className) {
    el.className = className;
  }
  return el;
}

function link(text, href, blank) {
  const a = element('a', text);
  a.href = href;
  if (blank) {
    a.target = '_blank';
    a.rel = 'noopener';
  }
  return a;
}

function row(table, cells) {
  const tr = table.tBodies[0].insertRow();
  cells.forEach(c => {
    const td = tr.insertCell();
    if (c instanceof Node) {
      td.appendChild(c);
    } else {
      td.textContent = c == null ? '' : String(c);
    }
  });
  return tr;
}

function table(heads, className) {
  const t = element('table', null, 'cam-table ' + className);
  const head = t.createTHead().insertRow();
  heads.forEach(h => head.appendChild(element('th', h)));
  t.createTBody();
  return t;
}

/** A paged list of the definition's items, finished or running. */
function listTab(id, label, finished, priority) {
  return {
    id,
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    priority,
    properties: {label},
    render(node, {api, processDefinitionId}) {
      const hint = element('p', null, 'records-hint');
      const list = finished
        ? table(['方案编号', '方案', '所属地区', '办结结果', '办结时间', '流程版本', ''], 'records-finished')
        : table(['流程实例', '方案', '所属地区', '当前环节', '开始时间', ''], 'records-running');
      const pager = element('p', null, 'records-pager');
      const previous = element('button', '上一页', 'btn btn-default btn-sm');
      const next = element('button', '下一页', 'btn btn-default btn-sm');
      const status = element('span', '', 'records-page');
      pager.append(previous, ' ', status, ' ', next);
      node.append(hint, list, pager);
      let page = 0;
      let key = null;

      const show = async () => {
        list.tBodies[0].textContent = '';
        try {
          if (!key) {
            key = (await read(api.engineApi + '/process-definition/' + encodeURIComponent(processDefinitionId))).key;
          }
          const result = await read('/api/records/' + encodeURIComponent(key) + '?finished=' + finished
            + '&page=' + page + '&size=' + PAGE_SIZE);
          hint.textContent = finished
            ? '本流程（各版本）中您可查看的已办结事项，最近办结的在前；点“审批记录”查看流程图上走过的路径和各环节办理情况。'
            : '本流程（各版本）中您可查看的办理中事项，最近有变化的在前。';
          if (!result.items.length) {
            row(list, [finished ? '暂无已办结的事项' : '暂无办理中的事项']).cells[0].colSpan = list.tHead.rows[0].cells.length;
          }
          result.items.forEach(item => {
            const s = item.subject;
            const record = link('审批记录', recordPage(s), true);
            row(list, finished
              ? [s.businessKey, s.title, s.region, s.statusLabel, time(item.endedAt), item.processDefinitionVersion, record]
              : [s.processInstanceId ? link(s.processInstanceId, '#/process-instance/' + encodeURIComponent(s.processInstanceId)) : '',
                  s.title, s.region, item.openStages.join('、') || s.statusLabel, time(item.startedAt), record]);
          });
          const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
          status.textContent = '第 ' + (page + 1) + ' / ' + pages + ' 页，共 ' + result.total + ' 件';
          previous.disabled = page === 0;
          next.disabled = page + 1 >= pages;
        } catch (e) {
          hint.textContent = e.message;
        }
      };
      previous.addEventListener('click', () => { page = Math.max(0, page - 1); show(); });
      next.addEventListener('click', () => { page += 1; show(); });
      show();
    }
  };
}

const instanceTab = {
  id: 'instance-record',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 3,
  properties: {label: '审批记录'},
  async render(node, {processInstanceId}) {
    const box = element('div', null, 'records-instance');
    node.appendChild(box);
    try {
      const record = await read('/api/records?processInstanceId=' + encodeURIComponent(processInstanceId));
      const s = record.subject;
      const facts = element('dl', null, 'dl-horizontal');
      const open = record.stages.filter(st => st.open).map(st => st.stageName);
      [['事项', s.title], ['所属地区', s.region], ['状态', s.statusLabel], ['当前环节', open.join('、') || '—'],
        ['事项编号', s.businessKey]].forEach(([term, value]) => facts.append(element('dt', term), element('dd', value)));
      box.append(facts, link('打开审批记录（流程图上走过的路径、各环节办理情况、方案版本）', recordPage(s), true));
    } catch (e) {
      box.textContent = e.message;
    }
  }
};

export default [listTab('running-records', '方案一览', false, 8), listTab('finished-records', '已办结', true, 7), instanceTab];
