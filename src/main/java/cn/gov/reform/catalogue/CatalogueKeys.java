package cn.gov.reform.catalogue;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.approval.Opinions;
import cn.gov.reform.approval.StageHub;
import cn.gov.reform.approval.SubmissionCheck;
import cn.gov.reform.engine.DerivedFormTexts;
import cn.gov.reform.identity.ProvinceTenants;

/** Keys of the power-catalogue process (README "权力目录 / Power catalogues"). */
public final class CatalogueKeys {

  public static final String PROCESS = "powerCatalogueApproval";

  // user tasks and system steps
  public static final String DRAFT = "draftCatalogue";
  public static final String LEGAL_REVIEW = "legalReview";
  public static final String COUNTY_APPROVAL = "countyApproval";
  public static final String CITY_APPROVAL = "cityApproval";
  public static final String PROVINCE_APPROVAL = "provinceApproval";
  public static final String STARTED = "catalogueStarted";
  public static final String DETERMINE_ROUTE = "determineCatalogueRoute";
  public static final String CHECK = "checkCatalogue";
  public static final String PUBLISH = "publishCatalogue";
  /** The hub's answer when every stage of the chain has approved. */
  public static final String PUBLISH_NEXT = "PUBLISH";

  // decision tables (processes/catalogue/)
  public static final String ROUTE_DECISION = "catalogueRoute";
  public static final String RULES_DECISION = "catalogueRules";
  public static final String RESERVED_DECISION = "reservedPowers";

  // process variables: small routing and decision values only
  public static final String VAR_CATALOGUE_ID = "catalogueId";
  public static final String VAR_PROVINCE = ProvinceTenants.PROVINCE_VARIABLE;
  public static final String VAR_ROUTE = "route";
  public static final String VAR_ROUTE_NAME = "routeName";
  public static final String VAR_DECISION = Decision.VARIABLE;
  public static final String VAR_OPINION = Opinions.VARIABLE;
  public static final String VAR_HAS_ERRORS = SubmissionCheck.HAS_ERRORS;
  public static final String VAR_LAST_STAGE = StageHub.LAST_STAGE;
  public static final String VAR_DRAFTER_GROUP = "drafterGroup";
  public static final String VAR_LEGAL_GROUP = "legalGroup";
  public static final String VAR_COUNTY_GOVERNMENT_GROUP = "countyGovernmentGroup";
  public static final String VAR_CITY_APPROVER_GROUP = "cityApproverGroup";
  public static final String VAR_PROVINCE_APPROVER_GROUP = "provinceApproverGroup";

  // task-local texts of the forms (copies: kept out of history)
  public static final String FORM_CHAIN = "catalogueChain";
  public static final String FORM_SUMMARY = "catalogueSummary";
  public static final String FORM_FINDINGS = "catalogueFindings";
  public static final String FORM_OPINIONS = "catalogueOpinions";
  public static final String FORM_CHANGES = "changesText";
  public static final String FORM_CHANGES_TITLE = "changesTitle";
  public static final String FORM_EDITABLE = "editableInForm";
  public static final String FORM_EDIT_HINT = "editHint";
  public static final String FORM_SUBJECT = DerivedFormTexts.SUBJECT_LABEL;

  private CatalogueKeys() {}
}
