package cn.gov.reform.approval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.web.ApiProblem;
import cn.gov.reform.web.ProblemResponses;

/** An item's attachments over {@code /api}, for every procedure (README "附件 / Attachments"). */
@RestController
@RequestMapping("/api/records/{processKey}/{businessKey}/attachments")
@Tag(name = "附件", description = "审批事项的附件：上传、列出、下载、删除。PDF、DOCX、XLSX、OFD、JPG、PNG，按文件内容识别类型，"
    + "单个文件默认不超过20MB；能看到事项的人可以列出和下载，起草单位在事项归其修改时可以添加和删除")
class AttachmentController {

  private final Attachments attachments;
  private final CurrentCaller caller;

  AttachmentController(Attachments attachments, CurrentCaller caller) {
    this.attachments = attachments;
    this.caller = caller;
  }

  @Operation(operationId = "listAttachments", summary = "列出事项的附件", description = "事项的全部附件（各版本的都在，"
      + "注明所属版本），以及调用者现在能否添加、删除。可见范围同审批记录：看不到的事项按不存在处理（404）。")
  @ApiResponse(responseCode = "200", description = "附件")
  @ProblemResponses.NotFound
  @GetMapping
  AttachmentView.Listing list(@Parameter(description = "流程定义 key", example = "reformPlanApproval") @PathVariable String processKey,
      @Parameter(description = "事项编号（业务键，方案即方案编号）") @PathVariable String businessKey) {
    return attachments.list(processKey, businessKey, caller.jurisdiction());
  }

  @Operation(operationId = "uploadAttachment", summary = "上传附件", description = "multipart/form-data，字段 file。"
      + "只收 PDF、DOCX、XLSX、OFD、JPG、PNG（按文件内容识别，改了扩展名的其他文件不收），单个文件不超过 app.attachments.max-size"
      + "（默认20MB）。方案：本县起草人员在方案退回县里起草或修改时（附件随下一次提交的版本），或提交后尚未开始审核时（附件属于"
      + "当前版本）可以上传。请求头 Idempotency-Key：同一个键再次上传同一文件，答复与第一次相同，不重复保存。")
  @ApiResponse(responseCode = "201", description = "已上传，Location 为下载地址")
  @ProblemResponses.BadInput
  @ProblemResponses.NotFound
  @ApiResponse(responseCode = "409", description = "调用者现在不能添加附件（角色不符，或事项已在审核中），或 Idempotency-Key 已用于另一文件",
      content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @ApiResponse(responseCode = "413", description = "文件超过大小上限（app.attachments.max-size，默认20MB），未保存",
      content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<AttachmentView> upload(
      @Parameter(description = "流程定义 key", example = "reformPlanApproval") @PathVariable String processKey,
      @Parameter(description = "事项编号（业务键，方案即方案编号）") @PathVariable String businessKey,
      @Parameter(description = "要上传的文件") @RequestPart(value = "file", required = false) MultipartFile file,
      @Parameter(description = "幂等键：同一个键再次上传同一文件不重复保存") @RequestHeader(value = "Idempotency-Key", required = false)
      String idempotencyKey) {
    if (file == null) {
      throw new AttachmentInputException("file", "请在 multipart/form-data 的 file 字段中上传文件");
    }
    Attachments.Added added = attachments.add(processKey, businessKey, file.getOriginalFilename(), bytes(file),
        idempotencyKey, caller.jurisdiction());
    ResponseEntity.BodyBuilder answer = ResponseEntity.created(URI.create(added.attachment().href()));
    if (added.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.body(added.attachment());
  }

  @Operation(operationId = "downloadAttachment", summary = "下载附件", description = "文件原样返回（SHA-256 与列表所示相同），"
      + "Content-Type 为其类型，Content-Disposition 带文件名（中文名按 RFC 5987 的 filename*）。可见范围同审批记录。")
  @ApiResponse(responseCode = "200", description = "文件", content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
      schema = @Schema(type = "string", format = "binary", description = "文件内容")))
  @ProblemResponses.NotFound
  @GetMapping("/{id}")
  ResponseEntity<byte[]> download(
      @Parameter(description = "流程定义 key", example = "reformPlanApproval") @PathVariable String processKey,
      @Parameter(description = "事项编号（业务键，方案即方案编号）") @PathVariable String businessKey,
      @Parameter(description = "附件 id") @PathVariable String id) {
    Attachments.Download file = attachments.download(processKey, businessKey, id, caller.jurisdiction());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.attachment().mediaType()))
        .contentLength(file.content().length)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition(file.attachment().name()))
        .eTag("\"" + file.attachment().sha256() + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
        .body(file.content());
  }

  @Operation(operationId = "removeAttachment", summary = "删除附件", description = "只在调用者可以修改事项附件时（同上传），"
      + "且只能删除尚未提交的或当前版本提交后尚未开始审核的附件；已随某一版本提交、事项又退回修改的，随该版存档，不能删除。")
  @ApiResponse(responseCode = "204", description = "已删除")
  @ProblemResponses.NotFound
  @ApiResponse(responseCode = "409", description = "现在不能删除该附件", content = @Content(mediaType = ProblemResponses.PROBLEM_JSON,
      schema = @Schema(implementation = ApiProblem.class)))
  @DeleteMapping("/{id}")
  ResponseEntity<Void> remove(
      @Parameter(description = "流程定义 key", example = "reformPlanApproval") @PathVariable String processKey,
      @Parameter(description = "事项编号（业务键，方案即方案编号）") @PathVariable String businessKey,
      @Parameter(description = "附件 id") @PathVariable String id) {
    attachments.remove(processKey, businessKey, id, caller.jurisdiction());
    return ResponseEntity.noContent().build();
  }

  /** attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded (RFC 6266 / 5987), for Chinese names. */
  static String disposition(String name) {
    StringBuilder ascii = new StringBuilder();
    name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + UriUtils.encode(name, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
