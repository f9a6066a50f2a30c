// 乡镇改革方案审批: Cockpit shows dates as "2026-11-30 14:23:28", not "2026-11-30T14:23:28". Cockpit sets its own
// date format (YYYY-MM-DD[T]HH:mm:ss, ISO) in its application module; this config block of the module that runs
// after it (cam.cockpit.custom) sets the same format without the "T". Loaded by config.js (customScripts).
try {
  window.angular.module('cam.cockpit.custom').config(['camDateFormatProvider', formats => {
    formats.setDateFormat('YYYY-MM-DD HH:mm:ss', 'normal');
  }]);
} catch (e) {
  // a Cockpit without that module keeps its own format
}
export default [];
