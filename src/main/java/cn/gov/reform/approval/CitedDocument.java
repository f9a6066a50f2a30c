package cn.gov.reform.approval;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A higher-level document a request relies on (所依据的上级文件): its name, its number (文号) and who issued it. Some
 * procedures allow what the documents otherwise ban only where the Party Centre and State Council or the provincial
 * committee and government explicitly require it (责任状, 一票否决 …: 济南市实施意见 二(四)1、2; 鲁厅字〔2018〕33号 五(一)、五(二);
 * 通办发〔2020〕6号 二(五)13、14): such a request names the document, and its approvers check it. Plain text only.
 */
@Schema(description = "所依据的党中央、国务院或省委、省政府文件：名称、文号和发文机关层级")
public record CitedDocument(
    @Schema(description = "文件名称（不超过200字）", example = "关于解决形式主义突出问题为基层减负的通知")
    @Size(max = 200, message = "不能超过200字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String name,
    @Schema(description = "文号，如 中办发〔2019〕16号", example = "中办发〔2019〕16号")
    @Size(max = 60, message = "不能超过60字")
    @Pattern(regexp = NUMBER, message = "应为文号，如 中办发〔2019〕16号、鲁厅字〔2018〕33号") String number,
    @Schema(description = "发文机关：CENTRAL 党中央、国务院，PROVINCIAL 省委、省政府", example = "CENTRAL") Issuer issuer) {

  /** Plain text: no markup brackets, no control characters. */
  public static final String PLAIN = "[^<>\\p{Cntrl}]*";
  public static final String PLAIN_MESSAGE = "不能包含尖括号（<、>）等标记字符或控制字符";
  /** 代字〔年份〕序号号, the form GB/T 9704-2012 7.2.3 gives a document number. */
  static final String NUMBER = "\\p{IsHan}[\\p{IsHan}A-Za-z]{0,19}〔(19|20)[0-9]{2}〕[1-9][0-9]{0,4}号";

  /** Who issued the document: only these two levels may require what the documents otherwise ban. */
  public enum Issuer implements Diffs.Labelled {
    CENTRAL("党中央、国务院"), PROVINCIAL("省委、省政府");

    private final String label;

    Issuer(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** Name, number and issuer are all given. */
  public boolean complete() {
    return name != null && !name.isBlank() && number != null && !number.isBlank() && issuer != null;
  }

  /** 《关于…的通知》（中办发〔2019〕16号，党中央、国务院）, or what of it is given. */
  public String text() {
    String n = name == null || name.isBlank() ? "（未写名称）" : name.strip().startsWith("《") ? name.strip() : "《" + name.strip() + "》";
    return n + "（" + (number == null || number.isBlank() ? "未写文号" : number.strip()) + (issuer == null ? "" : "，" + issuer.label()) + "）";
  }
}
