// 乡镇改革方案审批: Tasklist lists tasks by due date, the most urgent first, unless the official chose another order.
// Tasklist keeps the list's order in the address (?sorting=…) and falls back to "created, newest first"; this run
// block of the module that Tasklist loads after its own (cam.tasklist.custom) puts the due date there whenever the
// address names no order. Loaded by config.js (customScripts).
const DUE_DATE_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);
try {
  window.angular.module('cam.tasklist.custom').run(['$rootScope', '$location', ($rootScope, $location) => {
    const ensure = () => {
      if (!$location.search().sorting) {
        $location.search('sorting', DUE_DATE_FIRST).replace();
      }
    };
    ensure();
    $rootScope.$on('$locationChangeSuccess', ensure);
  }]);
} catch (e) {
  // a Tasklist without that module keeps its own order
}
export default [];
