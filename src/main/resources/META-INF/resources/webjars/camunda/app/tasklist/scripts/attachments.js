// 乡镇改革方案审批: a task's tab 附件 in 待办任务 (plugin point tasklist.task.detail), for every procedure: the item's files
// with download links (the webapps' login session reads /api), and — when the official may change them now (the list's
// mayAdd, e.g. the county's drafter at 起草或修改方案) — a file input with 上传 and a 删除 button per file they may remove.
// Uploads are multipart POSTs to /api/records/{process}/{id}/attachments carrying the session's CSRF token, as
// approval-operations.js sends its operations; a refusal is shown in the server's Chinese words next to the control.
// Render(node, {api, taskId}) as Tasklist 7.24 passes them; data is put into the page as text only. Loaded by
// config.js (customScripts). README "附件 / Attachments".
import {call as request, el} from './app-api.js';

const call = (method, url, body) => request(method, url, body, '没有可查看的附件');

function size(bytes) {
  if (bytes < 1024) {
    return bytes + '字节';
  }
  const kb = bytes / 1024;
  return kb < 1024 ? kb.toFixed(1).replace(/\.0$/, '') + 'KB' : (kb / 1024).toFixed(1).replace(/\.0$/, '') + 'MB';
}

const when = value => new Date(value).toLocaleString('zh-CN', {timeZone: 'Asia/Shanghai', hour12: false});

function say(message, text, ok) {
  message.className = 'attachments-message ' + (ok ? 'text-success' : 'text-danger');
  message.textContent = text;
}

async function show(root, base) {
  const list = await call('GET', base);
  root.innerHTML = '';
  const message = el('div', {class: 'attachments-message', role: 'status'});
  const rows = list.items.map(a => {
    const link = el('a', {href: a.href, download: a.name}, a.name);
    const actions = el('td', {});
    if (a.removable) {
      const remove = el('button', {class: 'btn btn-default btn-xs', type: 'button', 'data-remove': a.id}, '删除');
      remove.addEventListener('click', async () => {
        remove.disabled = true;
        try {
          await call('DELETE', base + '/' + encodeURIComponent(a.id));
          await show(root, base);
          say(root.querySelector('.attachments-message'), '已删除：' + a.name, true);
        } catch (e) {
          say(message, e.message, false);
          remove.disabled = false;
        }
      });
      actions.append(remove);
    }
    return el('tr', {'data-attachment': a.id}, el('td', {}, link), el('td', {}, a.type), el('td', {}, size(a.size)),
      el('td', {}, a.version == null ? '尚未提交' : '第' + a.version + '版'), el('td', {}, a.uploadedByName),
      el('td', {}, when(a.uploadedAt)), el('td', {title: a.sha256}, a.sha256.substring(0, 12) + '…'), actions);
  });
  root.append(el('h5', {}, '附件'), rows.length
    ? el('table', {class: 'table table-condensed attachments-list'},
      el('thead', {}, el('tr', {}, ['文件', '类型', '大小', '版本', '上传人', '上传时间', 'SHA-256', ''].map(h => el('th', {}, h)))),
      el('tbody', {}, rows))
    : el('p', {class: 'help-block'}, '暂无附件'));

  if (!list.mayAdd) {
    root.append(el('p', {class: 'help-block'}, list.rule), message);
    return;
  }
  const input = el('input', {type: 'file', name: 'file', accept: '.pdf,.docx,.xlsx,.ofd,.jpg,.jpeg,.png'});
  const button = el('button', {class: 'btn btn-default btn-sm', type: 'button'}, '上传');
  button.addEventListener('click', async () => {
    const file = input.files[0];
    if (!file) {
      say(message, '请先选择文件', false);
      return;
    }
    if (file.size > list.maxSize) {
      say(message, '附件不能超过' + size(list.maxSize) + '，该文件为' + size(file.size) + '，未上传', false);
      return;
    }
    button.disabled = true;
    say(message, '正在上传……', true);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const added = await call('POST', base, form);
      await show(root, base);
      say(root.querySelector('.attachments-message'), '已上传：' + added.name, true);
    } catch (e) {
      say(message, e.message, false);
      button.disabled = false;
    }
  });
  root.append(el('h5', {}, '上传附件'),
    el('p', {class: 'help-block'}, '可上传 ' + list.types.join('、') + ' 文件（按文件内容识别），单个文件不超过' + size(list.maxSize)),
    el('div', {class: 'attachments-upload'}, input, button), message);
}

export default [{
  id: 'attachments',
  pluginPoint: 'tasklist.task.detail',
  priority: 600,
  properties: {label: '附件'},
  async render(node, {api, taskId}) {
    const root = el('div', {class: 'task-attachments', style: 'padding: 10px 15px'}, el('p', {}, '正在读取……'));
    node.appendChild(root);
    try {
      const task = await call('GET', api.engineApi + '/task/' + encodeURIComponent(taskId));
      const record = await call('GET', '/api/records?processInstanceId=' + encodeURIComponent(task.processInstanceId));
      const base = '/api/records/' + encodeURIComponent(record.subject.processKey) + '/'
        + encodeURIComponent(record.subject.businessKey) + '/attachments';
      await show(root, base);
    } catch (e) {
      root.textContent = e.message;
    }
  }
}];
