// 乡镇改革方案审批: a task's 审批记录 tab in 待办任务 — the stages the item has passed (who decided what, when, with which
// opinion, in how many working days) and a link to its record page with the diagram. The task knows its process
// instance; the kernel's record API (/api/records?processInstanceId=…, with the webapps' login session) answers for
// whoever may see the item. Plugin point tasklist.task.detail, render(node, {api, taskId}) as Tasklist 7.24 passes
// them. Loaded by config.js (customScripts). Data is put into the page as text only.
const recordPage = subject => '/dashboard/record.html?process=' + encodeURIComponent(subject.processKey)
  + '&id=' + encodeURIComponent(subject.businessKey);

async function read(url) {
  const answer = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!answer.ok) {
    throw new Error(answer.status === 404 ? '没有可查看的审批记录' : '读取失败（' + answer.status + '），请稍后再试');
  }
  return answer.json();
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

const when = value => value ? new Date(value).toLocaleString('zh-CN', {hour12: false}) : '';

export default [{
  id: 'task-record',
  pluginPoint: 'tasklist.task.detail',
  priority: 700,
  properties: {label: '审批记录'},
  async render(node, {api, taskId}) {
    const box = element('div', null, 'task-record');
    node.appendChild(box);
    try {
      const task = await read(api.engineApi + '/task/' + encodeURIComponent(taskId));
      const record = await read('/api/records?processInstanceId=' + encodeURIComponent(task.processInstanceId));
      const s = record.subject;
      const link = element('a', '查看审批记录（流程图、各环节办理情况、方案版本）');
      link.href = recordPage(s);
      link.target = '_blank';
      link.rel = 'noopener';
      const table = element('table', null, 'table table-condensed');
      const head = table.createTHead().insertRow();
      ['环节', '办理人', '时间', '决定', '意见', '用时（工作日）'].forEach(h => head.appendChild(element('th', h)));
      const body = table.createTBody();
      record.stages.forEach(st => {
        const tr = body.insertRow();
        [st.stageName, st.actorName, st.open ? when(st.receivedAt) + ' 收到' : when(st.at), st.decisionLabel, st.opinion || '',
          st.workingDays == null ? '' : st.workingDays].forEach(v => { tr.insertCell().textContent = String(v); });
      });
      const links = element('p');
      links.appendChild(link);
      box.append(element('p', s.title + '（' + s.region + '，' + s.statusLabel + '）'), links, table);
    } catch (e) {
      box.textContent = e.message;
    }
  }
}];
