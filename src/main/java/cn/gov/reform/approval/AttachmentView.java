package cn.gov.reform.approval;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** An item's attachment as officials and other systems see it. */
@Schema(description = "附件")
public record AttachmentView(
    @Schema(description = "附件 id") String id,
    @Schema(description = "文件名", example = "磁窑镇机构编制测算说明.pdf") String name,
    @Schema(description = "类型（按文件内容识别）：PDF、DOCX、XLSX、OFD、JPG、PNG", example = "PDF") String type,
    @Schema(description = "下载时的媒体类型（Content-Type）", example = "application/pdf") String mediaType,
    @Schema(description = "大小（字节）", example = "48213") long size,
    @Schema(description = "文件内容的 SHA-256（十六进制小写）；下载所得文件的 SHA-256 与此相同",
        example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
    @Schema(description = "所属版本：随该版本提交；为空表示起草中、尚未提交", example = "1", nullable = true) Integer version,
    @Schema(description = "上传人（用户 id）", example = "ningyang") String uploadedBy,
    @Schema(description = "上传人姓名", example = "宁阳县起草员") String uploadedByName,
    @Schema(description = "上传时间（北京时间，带时区）") Instant uploadedAt,
    @Schema(description = "调用者现在能否删除该附件") boolean removable,
    @Schema(description = "下载地址", example = "/api/records/reformPlanApproval/{businessKey}/attachments/{id}") String href) {

  /** An item's attachments, and what the caller may do with them now. */
  @Schema(description = "事项的附件，以及调用者现在能否添加、删除")
  public record Listing(
      @Schema(description = "附件，先上传的在前") List<AttachmentView> items,
      @Schema(description = "调用者现在能否添加附件") boolean mayAdd,
      @Schema(description = "谁在什么时候可以添加、删除附件", example = "宁阳县的起草人员在方案退回县里起草或修改时……") String rule,
      @Schema(description = "单个文件的大小上限（字节，app.attachments.max-size）", example = "20971520") long maxSize,
      @Schema(description = "允许的文件类型", example = "[\"PDF\", \"DOCX\", \"XLSX\", \"OFD\", \"JPG\", \"PNG\"]") List<String> types) {}
}
