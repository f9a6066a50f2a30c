/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Modified for 乡镇改革方案审批: Chinese (zh-CN) by default, the app's name in the header.
//
// Camunda shows the browser's first language if availableLocales lists it (comparing its first part:
// "en" of "en-US", "zh" of "zh-CN") and fallbackLocale otherwise. Officials read Chinese whatever their
// browser reports, so only zh-CN is listed, unless someone asked for English in this browser by opening
// a webapp once with ?locale=en after the engine's name, e.g. /camunda/app/tasklist/default/?locale=en
// (the redirect from /camunda/app/tasklist/ drops a query); ?locale=zh-CN switches back. The choice is
// kept in localStorage and holds for Tasklist, Cockpit, Admin and the welcome page alike. No label falls
// back to English: WebappLocalesTest fails the build when a key of a shipped en.json has no zh-CN entry.
const asked = new URLSearchParams(window.location.search).get('locale');
if (asked === 'en' || asked === 'zh-CN') {
  window.localStorage.setItem('reform.locale', asked);
}
const english = window.localStorage.getItem('reform.locale') === 'en';
// index.html says lang="en"; the page is Chinese (fonts, screen readers, no offer to translate it)
document.documentElement.lang = english ? 'en' : 'zh-CN';

export default {
  app: {
    vendor: '乡镇改革方案审批',
    name: '系统管理'
  },
  locales: english
    ? {availableLocales: ['en', 'zh-CN'], fallbackLocale: 'en'}
    : {availableLocales: ['zh-CN'], fallbackLocale: 'zh-CN'},
  // 管理操作记录 and 管理驾驶舱 in the header
  customScripts: ['scripts/audit-link.js'],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `admin` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // 'runtimeActivityInstanceMetrics': {
  //   'display': true
  // },
  // 'historicActivityInstanceMetrics': {
  //   'adjustablePeriod': true,
  //   'period': {
  //     'unit': 'day'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // no first-visit box of the standalone distributions: it asks /camunda-welcome, which this app does not serve (404)
  disableWelcomeMessage: true,
  // userOperationLogAnnotationLength: 4000
};
