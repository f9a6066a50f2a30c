package cn.gov.reform.supervision;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.approval.Opinions;
import cn.gov.reform.engine.DerivedFormTexts;
import cn.gov.reform.identity.ProvinceTenants;

/** Keys of the key-task supervision process (README "重点任务督查 / Key-task supervision"). */
public final class SupervisionKeys {

  public static final String PROCESS = "keyTaskSupervision";

  // the campaign's path: started by a supervisor (start form or /api), it gives out the work and opens yearly rounds
  public static final String CAMPAIGN_STARTED = "campaignStarted";
  public static final String LAUNCH_WORK = "launchWork";
  public static final String OPEN_ROUND = "openRound";
  // the path of one piece of work (a task for a unit in a region, and a year), started by message from the campaign
  public static final String WORK_MESSAGE = "keyTaskWorkAssigned";
  public static final String WORK_STARTED = "workAssigned";
  public static final String REPORT = "reportProgress";
  public static final String ACCEPT = "acceptWork";
  public static final String SUPERVISE = "superviseWork";
  public static final String MARK_OVERDUE = "markWorkOverdue";
  public static final String WORK_DONE = "workAccepted";

  // process variables: small routing values only
  public static final String VAR_CAMPAIGN_ID = "campaignId";
  public static final String VAR_WORK_ID = "workId";
  public static final String VAR_PROVINCE = ProvinceTenants.PROVINCE_VARIABLE;
  public static final String VAR_UNIT_GROUP = "unitGroup";
  public static final String VAR_SUPERVISOR_GROUP = "supervisorGroup";
  public static final String VAR_NEXT_ROUND = "nextRoundYear";
  public static final String VAR_ROUND_STARTS = "nextRoundStarts";
  public static final String VAR_REPORT_EVERY = "reportEvery";
  public static final String VAR_DEADLINE_AT = "deadlinePassesAt";
  public static final String VAR_NEW_DEADLINE_SET = "newDeadlineSet";
  public static final String VAR_DECISION = Decision.VARIABLE;
  public static final String VAR_OPINION = Opinions.VARIABLE;
  public static final String VAR_NEW_DEADLINE = "targetDate";

  // form fields of the progress report
  public static final String FIELD_PROGRESS = "progress";
  public static final String FIELD_CONTENT = "reportContent";
  public static final String FIELD_EVIDENCE = "evidence";

  // start form fields (Tasklist)
  public static final String FIELD_TASK_LIST = "taskListId";
  public static final String FIELD_REGION = "regionCode";
  public static final String FIELD_YEAR = "campaignYear";
  public static final String FIELD_REPORT_EVERY = "reportEvery";

  // task-local texts of the forms (copies: kept out of history)
  public static final String FORM_TASK = "workTask";
  public static final String FORM_REPORTS = "workReports";
  public static final String FORM_REASON = "supervisionReason";
  public static final String FORM_SUBJECT = DerivedFormTexts.SUBJECT_LABEL;

  private SupervisionKeys() {}
}
