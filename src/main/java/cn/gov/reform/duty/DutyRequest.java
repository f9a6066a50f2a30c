package cn.gov.reform.duty;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.reform.approval.CitedDocument;
import cn.gov.reform.approval.Diffs;

/**
 * A county department's request to hand a piece of administrative work to townships (职责准入, README "职责准入与考核事项"):
 * the townships it affects and what the county committee and government must see to approve it — goal, content,
 * authority, division of work and deadline, and the staff, funds and training the department provides (济南市实施意见
 * 二(四)1; 鲁厅字〔2018〕33号 五(一); 宁政发〔2019〕6号 二(一)3). Which of these are required is the decision table
 * {@value DutyKeys#RULES_DECISION}'s to say; here only their shape is checked, so a missing one is refused with its clause.
 */
@Schema(description = "县直部门将行政事务交由乡镇承担的职责准入申请：涉及的乡镇、工作目标、内容、权限、分工、期限，以及落实的人员、经费和业务培训")
public record DutyRequest(
    @Schema(description = "事项名称（不超过200字）", example = "农村危房改造摸底排查")
    @NotBlank(message = "不能为空") @Size(max = 200, message = "不能超过200字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE)
    String title,
    @Schema(description = "县（市、区）6位代码", example = "370921")
    @NotNull(message = "不能为空") @Pattern(regexp = "[0-9]{6}", message = "应为6位县级行政区划代码") String countyCode,
    @Schema(description = "申请的县直部门（不超过100字）", example = "宁阳县住房和城乡建设局")
    @NotBlank(message = "不能为空") @Size(max = 100, message = "不能超过100字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE)
    String department,
    @Schema(description = "涉及的乡镇（街道）9位代码，1—" + DutyRequest.MAX_TOWNSHIPS + "个，须属于该县", example = "[\"370921109\", \"370921110\"]")
    @NotEmpty(message = "至少涉及一个乡镇（街道）") @Size(max = DutyRequest.MAX_TOWNSHIPS, message = "最多" + DutyRequest.MAX_TOWNSHIPS + "个乡镇（街道）")
    List<@NotNull(message = "不能为空") @Pattern(regexp = "[0-9]{9}", message = "应为9位乡镇（街道）代码") String> townshipCodes,
    @Schema(description = "工作目标（不超过1000字）", example = "2027年6月底前完成全县农村危房摸底排查", nullable = true)
    @Size(max = 1000, message = "不能超过1000字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String goal,
    @Schema(description = "工作内容（不超过1000字）", example = "逐户排查农村住房安全状况，建立台账", nullable = true)
    @Size(max = 1000, message = "不能超过1000字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String content,
    @Schema(description = "乡镇承担该事务的权限（不超过1000字）", example = "入户排查、登记和初步认定，鉴定由县住建局负责", nullable = true)
    @Size(max = 1000, message = "不能超过1000字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String authority,
    @Schema(description = "县直部门与乡镇的分工（不超过1000字）", example = "县住建局制定标准、组织鉴定；乡镇组织入户排查", nullable = true)
    @Size(max = 1000, message = "不能超过1000字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String division,
    @Schema(description = "工作期限", example = "2027-06-30", nullable = true) LocalDate deadline,
    @Schema(description = "落实的人员（不超过500字）", example = "县住建局派2名技术人员驻镇指导", nullable = true)
    @Size(max = 500, message = "不能超过500字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String staff,
    @Schema(description = "落实的经费（不超过500字）", example = "县财政安排专项工作经费每镇3万元", nullable = true)
    @Size(max = 500, message = "不能超过500字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String funds,
    @Schema(description = "业务培训（不超过500字）", example = "开展业务培训2次", nullable = true)
    @Size(max = 500, message = "不能超过500字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String training,
    @Schema(description = "以何种形式要求乡镇承担：RESPONSIBILITY_PLEDGE 签订责任状，QUOTA_BREAKDOWN 分解下达指标，"
        + "ACCEPTANCE_CHECK 考核验收；使用任何一种都须引用明确要求它的党中央、国务院或省委、省政府文件", nullable = true)
    @Size(max = 3, message = "最多3项") List<@NotNull(message = "不能为空") ShiftedForm> forms,
    @Schema(description = "所依据的上级文件（使用责任状、分解下达指标或考核验收时必填）", nullable = true) @Valid CitedDocument basis) {

  public static final int MAX_TOWNSHIPS = 100;
  static final String PLAIN = CitedDocument.PLAIN;
  static final String PLAIN_MESSAGE = CitedDocument.PLAIN_MESSAGE;

  public DutyRequest {
    forms = forms == null ? List.of() : List.copyOf(forms);
  }

  /** The forms of pushing work down that the documents ban unless the Centre or the province requires them. */
  public enum ShiftedForm implements Diffs.Labelled {
    RESPONSIBILITY_PLEDGE("签订责任状"), QUOTA_BREAKDOWN("分解下达指标"), ACCEPTANCE_CHECK("考核验收");

    private final String label;

    ShiftedForm(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }
}
