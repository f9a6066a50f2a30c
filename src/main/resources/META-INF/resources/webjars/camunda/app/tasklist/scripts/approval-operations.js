// 乡镇改革方案审批: the tab 审批操作 in Tasklist's task detail (Camunda's plugin point tasklist.task.detail), for every
// procedure: 转办, 委派, 交回, 加签, 签署意见, 抄送, 催办 and 退回到指定环节, as GET/POST /api/tasks/{id}/… (README
// "审批操作"). It offers only what the official may do now (the answer's "allowed"), shows who was asked what and
// why, and every refusal in the server's own Chinese words next to the button. Writing requests send the session's
// CSRF token, as the webapps' own do. Loaded by config.js (customScripts).
import {call, el} from './app-api.js';

const OPERATION = {
  TRANSFER: '转办', DELEGATE: '委派', RESOLVE: '交回', ADD_SIGNER: '加签', CO_SIGN: '加签意见', COPY: '抄送',
  URGE: '催办', RECALL: '撤回', SEND_BACK: '退回', APPROVE: '同意', RETURN: '退回修改', REJECT: '不予批准',
  SUBMIT: '提交', FILE: '予以备案', WITHDRAW: '撤回方案'
};

function time(iso) {
  return new Date(iso).toLocaleString('zh-CN', {timeZone: 'Asia/Shanghai', hour12: false});
}

function people(list) {
  return el('select', {class: 'form-control input-sm'}, el('option', {value: ''}, '请选择人员'),
    list.map(p => el('option', {value: p.id}, p.name + '（' + p.id + '）')));
}

function reasonInput(placeholder) {
  return el('input', {class: 'form-control input-sm', type: 'text', maxlength: '2000', placeholder});
}

/** One operation: its controls, a button and the place its answer is shown. */
function action(title, hint, controls, label, send, refresh) {
  const message = el('div', {class: 'approval-op-message', role: 'status'});
  const button = el('button', {class: 'btn btn-default btn-sm', type: 'button'}, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    message.className = 'approval-op-message';
    message.textContent = '正在提交……';
    try {
      const done = await send();
      message.className = 'approval-op-message text-success';
      message.textContent = done;
      setTimeout(refresh, 600);
    } catch (e) {
      message.className = 'approval-op-message text-danger';
      message.textContent = e.message;
      button.disabled = false;
    }
  });
  return el('div', {class: 'approval-op', 'data-operation': label},
    el('h5', {}, title), el('p', {class: 'help-block'}, hint), el('div', {class: 'approval-op-controls'}, controls, button),
    message);
}

function render(node, taskId) {
  node.innerHTML = '';
  const root = el('div', {class: 'approval-operations'}, el('p', {}, '正在读取……'));
  node.appendChild(root);
  const refresh = () => render(node, taskId);
  call('GET', '/api/tasks/' + encodeURIComponent(taskId) + '/operations').then(view => {
    root.innerHTML = '';
    const a = view.allowed;
    const state = [];
    if (view.subject) {
      state.push(el('p', {class: 'approval-subject'}, view.subject.title + ' · ' + view.subject.region + ' · ' + view.subject.statusLabel));
    }
    if (view.delegation === 'PENDING') {
      state.push(el('p', {class: 'text-warning'}, '已委派给' + view.assignee.name + '办理，交回后由' + view.owner.name + '办结'));
    }
    if (view.coSigners.length) {
      state.push(el('p', {class: 'text-warning'}, '待加签人签署意见：' + view.coSigners.map(p => p.name).join('、')));
    }
    if (view.coSign) {
      state.push(el('p', {class: 'text-info'}, '这是加签任务：请阅看方案后签署意见，不需要办结表单'));
    }
    root.append(...state);
    const post = (path, body, done) => () => call('POST', '/api/tasks/' + encodeURIComponent(taskId) + path, body).then(() => done);

    if (a.coSign) {
      const agree = el('select', {class: 'form-control input-sm'}, el('option', {value: 'true'}, '同意'),
        el('option', {value: 'false'}, '不同意'));
      const opinion = reasonInput('意见（不同意时必填）');
      root.append(action('签署意见', '加签人的意见记入审批记录，办理人据此办结', [agree, opinion], '签署',
        () => post('/co-sign', {agree: agree.value === 'true', opinion: opinion.value || null}, '已签署意见')(), refresh));
    }
    if (a.resolve) {
      const opinion = reasonInput('办理意见');
      root.append(action('交回', '办理完毕，把任务连同意见交回' + (view.owner ? view.owner.name : '委派人'), [opinion], '交回',
        () => post('/resolve', {reason: opinion.value || null}, '已交回')(), refresh));
    }
    if (a.transfer) {
      const who = people(view.colleagues);
      const why = reasonInput('理由（可选）');
      root.append(action('转办', '交给同一岗位的同事办理，您不再办理此任务', [who, why], '转办',
        () => post('/transfer', {userId: who.value, reason: why.value || null}, '已转办')(), refresh));
    }
    if (a.delegate) {
      const who = people(view.colleagues);
      const why = reasonInput('理由（可选）');
      root.append(action('委派', '请同事代为办理，办理后交回给您办结', [who, why], '委派',
        () => post('/delegate', {userId: who.value, reason: why.value || null}, '已委派')(), refresh));
    }
    if (a.addCoSigner) {
      const who = people(view.coSignerCandidates);
      const why = reasonInput('理由（可选）');
      root.append(action('加签', '请本单位其他人员（如分管领导）并行签署意见，签署后才能办结', [who, why], '加签',
        () => post('/co-signers', {userId: who.value, reason: why.value || null}, '已加签')(), refresh));
    }
    if (a.sendBack) {
      const stage = el('select', {class: 'form-control input-sm'}, el('option', {value: ''}, '请选择环节'),
        view.returnTargets.map(s => el('option', {value: s.key}, s.name)));
      const why = reasonInput('退回理由（必填）');
      root.append(action('退回到指定环节', '退回到本事项已经过的环节，由该环节上次的办理人重新办理', [stage, why], '退回',
        () => post('/send-back', {stage: stage.value, reason: why.value || null}, '已退回')(), refresh));
    }
    if (a.copy) {
      const users = el('input', {class: 'form-control input-sm', type: 'text', placeholder: '用户 id，多个用逗号分隔'});
      const why = reasonInput('说明（可选）');
      root.append(action('抄送', '抄送的人员可以查看本事项及其审批记录，但不能办理', [users, why], '抄送',
        () => call('POST', '/api/tasks/' + encodeURIComponent(taskId) + '/copies',
          {userIds: users.value.split(/[,，、\s]+/).filter(Boolean), reason: why.value || null})
          .then(list => '已抄送：' + list.map(p => p.name).join('、')), refresh));
    }
    if (a.urge) {
      const why = reasonInput('催办说明（可选）');
      root.append(action('催办', '提醒办理人尽快办理', [why], '催办',
        () => post('/urge', {reason: why.value || null}, '已催办')(), refresh));
    }
    const rows = view.steps.map(s => el('tr', {}, el('td', {}, OPERATION[s.operation] || s.operation), el('td', {}, s.actor),
      el('td', {}, time(s.at)), el('td', {}, s.target || ''), el('td', {}, s.reason || '')));
    root.append(el('h5', {}, '本任务的操作记录'), rows.length
      ? el('table', {class: 'table table-condensed approval-steps'},
        el('thead', {}, el('tr', {}, ['操作', '办理人', '时间', '对象', '理由或意见'].map(h => el('th', {}, h)))),
        el('tbody', {}, rows))
      : el('p', {class: 'help-block'}, '暂无'));
  }).catch(e => {
    root.innerHTML = '';
    root.append(el('p', {class: 'text-warning'}, e.message.indexOf('不存在') >= 0 ? '该任务已办结或已不在您手中' : e.message));
  });
}

export default [{
  id: 'approval-operations',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  properties: {label: '审批操作'},
  render(node, {taskId}) {
    render(node, taskId);
  }
}];
