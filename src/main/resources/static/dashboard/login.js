// Logs in through the Camunda webapps' own login endpoint (session.js: the same session as Tasklist and Cockpit).
(function () {
  'use strict';
  var form = document.getElementById('login');
  var error = document.getElementById('error');

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    error.textContent = '';
    webappSession.login(document.getElementById('username').value, document.getElementById('password').value).then(function (r) {
      if (r.ok) {
        window.location.href = '/dashboard';
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
