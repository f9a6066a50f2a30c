package cn.gov.reform.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Each township's list of accepted duties (乡镇职责清单: work county departments handed to it through the duty-access
 * procedure, approved by the county committee and government — 通办发〔2020〕6号 二(五)13; 济南市实施意见 二(四)1), for the
 * procedures that must respect it without knowing the duty-access procedure: the assessment items (a county department
 * assesses a township only on duties of its list, 济南市实施意见 二(四)2) and the power catalogues. The duty-access
 * procedure implements it.
 */
public interface TownshipDuties {

  /** One accepted duty of a township's list: the approved duty-access request, by its id. */
  @Schema(description = "乡镇职责清单中的一项职责（经县委、县政府批准的职责准入事项）")
  record AcceptedDuty(
      @Schema(description = "职责编号（职责准入申请的编号）") String id,
      @Schema(description = "职责名称", example = "农村危房改造摸底排查") String title,
      @Schema(description = "交办的县直部门", example = "宁阳县住房和城乡建设局") String department,
      @Schema(description = "乡镇（街道）代码", example = "370921109") String townshipCode,
      @Schema(description = "县（市、区）代码", example = "370921") String countyCode,
      @Schema(description = "工作期限", example = "2027-06-30", nullable = true) LocalDate deadline,
      @Schema(description = "批准时间（北京时间，带时区）") Instant approvedAt) {}

  /** The township's accepted duties, the most recently approved first. */
  List<AcceptedDuty> of(String townshipCode);

  /** The duty if it is on the township's list. */
  Optional<AcceptedDuty> find(String townshipCode, String dutyId);
}
