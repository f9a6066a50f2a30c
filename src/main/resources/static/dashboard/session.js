// The Camunda webapps' login session, which the dashboard shares with 待办任务 (Tasklist) and 运行监控 (Cockpit):
// logging in here logs in there, logging out here logs out there. Camunda's CSRF filter guards the endpoints: a
// writing request must send the session's token. A reading request to them hands it out only when it makes it
// (a new session); an existing session's token comes from /dashboard/csrf-token, since the cookie the webapps
// read it from is scoped to /camunda.
var webappSession = (function () {
  'use strict';
  var AUTH = '/camunda/api/admin/auth/user/default';
  var HEADER = 'X-XSRF-TOKEN';

  function csrfToken() {
    return fetch(AUTH, { credentials: 'same-origin' }).then(function (r) {
      return r.headers.get(HEADER) || fetch('/dashboard/csrf-token', { credentials: 'same-origin' }).then(function (s) {
        return s.headers.get(HEADER);
      });
    });
  }

  function post(path, body) {
    return csrfToken().then(function (token) {
      var headers = {};
      if (token) { headers[HEADER] = token; }
      if (body) { headers['Content-Type'] = 'application/x-www-form-urlencoded'; }
      return fetch(AUTH + path, { method: 'POST', credentials: 'same-origin', headers: headers, body: body });
    });
  }

  return {
    login: function (username, password) {
      var body = new URLSearchParams();
      body.set('username', username);
      body.set('password', password);
      return post('/login/welcome', body);
    },
    logout: function () { return post('/logout'); },
    /** The session's CSRF token, which a writing request to /api sends in X-XSRF-TOKEN. */
    csrfToken: csrfToken,
    /** A 退出登录 button: ends the one session of the dashboard and the webapps, then back to the login. */
    logoutButton: function (button, error) {
      button.addEventListener('click', function () {
        error.textContent = '';
        post('/logout').then(function (r) {
          if (r.ok || r.status === 401) {
            window.location.href = '/dashboard/login.html';
          } else {
            error.textContent = '退出登录失败（' + r.status + '），请稍后再试。';
          }
        }, function () { error.textContent = '无法连接服务器，请稍后再试。'; });
      });
    }
  };
}());
