package cn.gov.reform.document;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/** An official document as stored: what it is, which decision it records, and the fingerprints of its two files. */
@Schema(description = "公文：审批决定印发的正式文件（批复、备案通知等），含文号、标题、发文机关、所记录的决定和两种文件的 SHA-256 指纹")
public record IssuedDocument(
    @Schema(description = "公文 id") String id,
    @Schema(description = "发文字号（或备案编号）", example = "泰发〔2026〕1号") String number,
    @Schema(description = "文种", example = "批复") String kind,
    @Schema(description = "标题", example = "中共泰安市委 泰安市人民政府关于宁阳县乡镇行政管理体制改革方案的批复") String title,
    @Schema(description = "发文机关", example = "中共泰安市委 泰安市人民政府") String issuer,
    @Schema(description = "所记录决定的环节（任务定义 key）", example = "cityApproval") String stage,
    @Schema(description = "所记录决定的环节名称", example = "市委、市政府审批") String stageName,
    @Schema(description = "所记录的决定", example = "APPROVE") String decision,
    @Schema(description = "作出决定的任务 id", nullable = true) String taskId,
    @Schema(description = "成文日期", example = "2026-11-30") LocalDate issuedOn,
    @Schema(description = "生成时间（北京时间）") Instant createdAt,
    @Schema(description = "DOCX 文件的 SHA-256（十六进制）") String docxSha256,
    @Schema(description = "PDF 文件的 SHA-256（十六进制）") String pdfSha256,
    @Schema(description = "DOCX 下载地址", example = "/api/records/reformPlanApproval/{businessKey}/documents/{id}.docx") String docxUrl,
    @Schema(description = "PDF 下载地址", example = "/api/records/reformPlanApproval/{businessKey}/documents/{id}.pdf") String pdfUrl) {}
