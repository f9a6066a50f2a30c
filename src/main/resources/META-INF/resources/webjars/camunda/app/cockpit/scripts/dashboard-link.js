// 乡镇改革方案审批: 管理驾驶舱 (the managers' dashboard, /dashboard) in Cockpit's header, so a manager who came
// from the dashboard finds the way back. An entry of Cockpit's navigation (its plugin point for the header,
// beside 流程 · 决策 · 人工任务). Loaded by config.js (customScripts).
export default [{
  id: 'managers-dashboard',
  pluginPoint: 'cockpit.navigation',
  priority: 0,
  // Cockpit marks an entry active when the URL contains its id; the dashboard is another page, never active here
  checkActive: () => false,
  render(node) {
    const link = document.createElement('a');
    link.href = '/dashboard';
    link.className = 'managers-dashboard';
    link.textContent = '管理驾驶舱';
    node.appendChild(link);
  }
}];
