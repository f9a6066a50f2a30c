// Logs in through the Camunda webapps' own login endpoint (session.js: the same session as Tasklist and Cockpit),
// then goes to the dashboard, or back to the dashboard's page that sent the user here (?next=/dashboard/record.html?…;
// only pages under /dashboard, never another site).
(function () {
  'use strict';
  var asked = new URLSearchParams(window.location.search).get('next') || '';
  var next = /^\/dashboard(\/[\w.-]*)?(\?[^\\]*)?$/.test(asked) && asked.indexOf('//') < 0 ? asked : '/dashboard';
  var form = document.getElementById('login');
  var error = document.getElementById('error');

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    error.textContent = '';
    webappSession.login(document.getElementById('username').value, document.getElementById('password').value).then(function (r) {
      if (r.ok) {
        window.location.href = next;
      } else if (r.status === 401 || r.status === 403) {
        error.textContent = '用户名或密码错误，或该账号无权登录。';
      } else {
        error.textContent = '登录失败（' + r.status + '），请稍后再试。';
      }
    }).catch(function () {
      error.textContent = '无法连接服务器，请稍后再试。';
    });
  });
}());
