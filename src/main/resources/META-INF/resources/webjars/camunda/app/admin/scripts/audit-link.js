// 乡镇改革方案审批: 管理操作记录 (/dashboard/admin-audit.html, the record of every change made here) and 管理驾驶舱
// in Admin's header menu, shown while someone is logged in (the header shows its brand then). Community Edition's Admin
// keeps no record of its own; the app writes one (audit.AdminAudit). Loaded by config.js (customScripts).
function place() {
  const menu = document.querySelector('[cam-widget-header] .sections-menu');
  if (!menu) {
    return;
  }
  let list = menu.querySelector('ul.admin-audit');
  if (!list) {
    list = document.createElement('ul');
    list.className = 'admin-audit';
    for (const [href, text] of [['/dashboard/admin-audit.html', '管理操作记录'], ['/dashboard', '管理驾驶舱']]) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = href;
      link.textContent = text;
      item.appendChild(link);
      list.appendChild(item);
    }
    menu.appendChild(list);
  }
  list.hidden = !document.querySelector('[cam-widget-header] .app-banner');
}

new MutationObserver(place).observe(document.documentElement, {childList: true, subtree: true});

export default [];
