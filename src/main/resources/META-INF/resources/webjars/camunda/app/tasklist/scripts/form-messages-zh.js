// 乡镇改革方案审批: Camunda Forms (form-js) write their validation messages in English whatever the locale.
// Officials read Chinese: each message under a form field is replaced by its Chinese wording as it appears, and
// the date field's placeholder too.
// Loaded by config.js (customScripts); it registers no plugin.
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must match pattern (.+)\.$/, () => '格式不符合要求，请按说明填写。'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于${m[1]}。`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `至少${m[1]}个字。`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `不能超过${m[1]}个字。`],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱。'],
  [/^Should be a valid number\.?$/, () => '请填写数字。'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `请填写有效的数值，最接近的有效值为 ${m[1]} 和 ${m[2]}。`]
];

function translate(element) {
  const text = element.textContent.trim();
  for (const [pattern, chinese] of MESSAGES) {
    const match = text.match(pattern);
    if (match) {
      element.textContent = chinese(match);
      return;
    }
  }
}

// the date picker keeps its US order (month/day/year); its placeholder says so in Chinese
const DATE_PLACEHOLDER = '月/日/年，如 03/31/2027';

function translateAll(root) {
  if (root.querySelectorAll) {
    root.querySelectorAll('.fjs-form-field-error li').forEach(translate);
    root.querySelectorAll('input[placeholder="mm/dd/yyyy"]').forEach((input) => { input.placeholder = DATE_PLACEHOLDER; });
  }
}

new MutationObserver((changes) => {
  for (const change of changes) {
    change.addedNodes.forEach((node) => translateAll(node.nodeType === 1 ? node : node.parentElement || document));
    if (change.type === 'characterData' && change.target.parentElement) {
      translateAll(change.target.parentElement.closest('.fjs-form-field-error') || document.createElement('div'));
    }
  }
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

export default [];
