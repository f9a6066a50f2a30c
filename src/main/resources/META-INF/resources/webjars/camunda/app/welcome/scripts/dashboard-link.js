// 乡镇改革方案审批: 管理驾驶舱 (the managers' dashboard, /dashboard) in the welcome page's header, as in
// Tasklist's and Cockpit's. The welcome page has no plugin point in its header, so the link goes into the
// header's (otherwise empty) menu once Camunda has drawn it, and shows only while someone is logged in (the
// header shows its brand then). Loaded by config.js (customScripts); it registers no plugin.
function place() {
  const menu = document.querySelector('[cam-widget-header] .sections-menu');
  if (!menu) {
    return;
  }
  let list = menu.querySelector('ul.managers-dashboard');
  if (!list) {
    list = document.createElement('ul');
    list.className = 'managers-dashboard';
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = '/dashboard';
    link.textContent = '管理驾驶舱';
    item.appendChild(link);
    list.appendChild(item);
    menu.appendChild(list);
  }
  list.hidden = !document.querySelector('[cam-widget-header] .app-banner');
}

// only added or removed elements are watched: hiding the list changes an attribute and does not call back
new MutationObserver(place).observe(document.documentElement, {childList: true, subtree: true});

export default [];
