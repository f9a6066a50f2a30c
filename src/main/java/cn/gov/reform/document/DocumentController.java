package cn.gov.reform.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.ProblemResponses;

/**
 * An item's official documents (公文) and their files, for whoever may see the item (the rule of
 * {@link cn.gov.reform.approval.Procedures#visible}); others get 404, as if the item did not exist. The files are served
 * as they were stored when the decision was taken: the same bytes every time (ETag = their SHA-256).
 */
@RestController
@RequestMapping("/api/records/{processKey}/{businessKey}/documents")
@Tag(name = "公文", description = "审批决定印发的公文（批复、备案通知等）：列表和 DOCX、PDF 文件下载")
class DocumentController {

  private final OfficialDocuments documents;
  private final CurrentCaller caller;

  DocumentController(OfficialDocuments documents, CurrentCaller caller) {
    this.documents = documents;
    this.caller = caller;
  }

  @Operation(operationId = "listDocuments", summary = "查询事项的公文", description = "事项各审批决定印发的公文，先印发的在前："
      + "发文字号、文种、标题、发文机关、所记录的环节和决定、成文日期、DOCX 和 PDF 文件的 SHA-256 及下载地址。"
      + "可见范围同审批记录，看不到的事项按不存在处理（404）。")
  @ApiResponse(responseCode = "200", description = "公文列表（尚无公文时为空列表）")
  @ProblemResponses.NotFound
  @GetMapping
  List<IssuedDocument> list(@Parameter(description = "流程定义 key", example = "reformPlanApproval") @PathVariable String processKey,
      @Parameter(description = "事项编号（流程实例的业务键，方案即方案编号）") @PathVariable String businessKey) {
    return documents.visible(processKey, businessKey, caller.jurisdiction()).orElseThrow(() -> notFound(businessKey));
  }

  @Operation(operationId = "downloadDocumentDocx", summary = "下载公文（DOCX）", description = "按 GB/T 9704-2012 版式生成的 Word "
      + "文件（A4，版心 156 × 225 mm，发文机关标志、发文字号、红色分隔线、标题、主送机关、正文、署名、成文日期、版记），字体为"
      + "方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312。每次下载的内容相同（ETag 为其 SHA-256）。")
  @ApiResponse(responseCode = "200", description = "DOCX 文件", content = @Content(
      mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      schema = @Schema(type = "string", format = "binary", description = "DOCX 文件")))
  @ProblemResponses.NotFound
  @GetMapping("/{id}.docx")
  ResponseEntity<byte[]> docx(@Parameter(description = "流程定义 key", example = "reformPlanApproval") @PathVariable String processKey,
      @Parameter(description = "事项编号（流程实例的业务键）") @PathVariable String businessKey,
      @Parameter(description = "公文 id（见公文列表）") @PathVariable String id) {
    return download(processKey, businessKey, id, "docx");
  }

  @Operation(operationId = "downloadDocumentPdf", summary = "下载公文（PDF）", description = "同一公文的 PDF 版本，版式同 DOCX，"
      + "内嵌随程序提供的开源字体（Droid Sans Fallback、DejaVu Serif，子集嵌入）。每次下载的内容相同（ETag 为其 SHA-256）。")
  @ApiResponse(responseCode = "200", description = "PDF 文件", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
      schema = @Schema(type = "string", format = "binary", description = "PDF 文件")))
  @ProblemResponses.NotFound
  @GetMapping("/{id}.pdf")
  ResponseEntity<byte[]> pdf(@Parameter(description = "流程定义 key", example = "reformPlanApproval") @PathVariable String processKey,
      @Parameter(description = "事项编号（流程实例的业务键）") @PathVariable String businessKey,
      @Parameter(description = "公文 id（见公文列表）") @PathVariable String id) {
    return download(processKey, businessKey, id, "pdf");
  }

  private ResponseEntity<byte[]> download(String processKey, String businessKey, String id, String extension) {
    OfficialDocuments.File file = documents.file(processKey, businessKey, id, extension, caller.jurisdiction())
        .orElseThrow(() -> ApiException.notFound("公文不存在", "没有 id 为 " + id + " 的公文，或该事项不在您的辖区内"));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(file.document().number() + " " + file.document().title() + "."
            + file.extension(), "document-" + file.document().id() + "." + file.extension()))
        .eTag("\"" + file.sha256() + "\"")
        .header(HttpHeaders.CACHE_CONTROL, "private, max-age=0, must-revalidate")
        .body(file.bytes());
  }

  /** RFC 6266 with the Chinese name as RFC 5987 {@code filename*} and a plain ASCII name for old clients. */
  static String attachment(String name, String asciiName) {
    String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
        + URLEncoder.encode(safe, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("事项不存在", "没有编号为 " + id + " 的事项，或该事项不在您的辖区内");
  }
}
