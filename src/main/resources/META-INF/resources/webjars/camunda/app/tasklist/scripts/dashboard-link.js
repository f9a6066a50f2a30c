// 乡镇改革方案审批: 管理驾驶舱 (the managers' dashboard, /dashboard) in Tasklist's header, so a manager who came
// from the dashboard finds the way back. A navbar action (Camunda's plugin point for the header), shown like
// 发起流程 to logged-in users only. Loaded by config.js (customScripts).
export default [{
  id: 'managers-dashboard',
  pluginPoint: 'tasklist.navbar.action',
  priority: 400,
  render(node) {
    const link = document.createElement('a');
    link.href = '/dashboard';
    link.className = 'managers-dashboard';
    const icon = document.createElement('span');
    icon.className = 'glyphicon glyphicon-dashboard';
    link.append(icon, ' 管理驾驶舱');
    node.appendChild(link);
  }
}];
