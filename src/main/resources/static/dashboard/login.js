// Logs in through the Camunda webapps' own login endpoint (same session as Tasklist and Cockpit).
// That endpoint is guarded by Camunda's CSRF filter: a reading request first hands out the token.
(function () {
  'use strict';
  var AUTH = '/camunda/api/admin/auth/user/default';
  var form = document.getElementById('login');
  var error = document.getElementById('error');

  function csrfToken() {
    return fetch(AUTH, { credentials: 'same-origin' }).then(function (r) {
      return r.headers.get('X-XSRF-TOKEN');
    });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    error.textContent = '';
    var body = new URLSearchParams();
    body.set('username', document.getElementById('username').value);
    body.set('password', document.getElementById('password').value);
    csrfToken().then(function (token) {
      var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
      if (token) { headers['X-XSRF-TOKEN'] = token; }
      return fetch(AUTH + '/login/welcome', { method: 'POST', credentials: 'same-origin', headers: headers, body: body });
    }).then(function (r) {
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
