package cn.gov.reform.approval;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.engine.SystemAccess;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.UserNames;
import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.IdempotentRequests;

/**
 * Attachments (附件) of every procedure's items (README "附件 / Attachments"): PDF, DOCX, XLSX, OFD, JPG and PNG,
 * recognised by their content, up to {@code app.attachments.max-size}, stored in the database with their SHA-256.
 * Whoever may read the item ({@link Procedures#visible}) may list and download them; the procedure says who may add
 * and remove them when ({@link Procedure#mayEdit}). A file belongs to the version it was submitted with and is kept
 * with it: files of a version already submitted cannot be removed once the item is back with its author, and files
 * added then wait for the next submission ({@link #submitted}). Every upload and removal is a step of the item's
 * timeline; the forms of its open tasks that list the files ({@link #FORM_TEXT}) are brought up to date.
 */
@Service
public class Attachments {

  private static final Logger LOG = LoggerFactory.getLogger(Attachments.class);

  /** The task-local form text listing an item's files as download links (markdown, a form-js text field). */
  public static final String FORM_TEXT = "attachmentsText";
  /** Timeline decisions of an upload and a removal (the file's name is the step's target). */
  public static final String UPLOAD = "UPLOAD";
  public static final String REMOVE = "REMOVE_FILE";
  static final String STAGE = "attachment";
  static final String STAGE_NAME = "附件";

  private final AttachmentStore store;
  private final Procedures procedures;
  private final AuditTrail audit;
  private final UserNames names;
  private final IdempotentRequests idempotent;
  private final TaskService tasks;
  private final SystemAccess system;
  private final AttachmentProperties properties;

  public Attachments(AttachmentStore store, Procedures procedures, AuditTrail audit, UserNames names,
      IdempotentRequests idempotent, TaskService tasks, SystemAccess system, AttachmentProperties properties) {
    this.store = store;
    this.procedures = procedures;
    this.audit = audit;
    this.names = names;
    this.idempotent = idempotent;
    this.tasks = tasks;
    this.system = system;
    this.properties = properties;
  }

  /** An upload's answer, and whether it repeats an earlier request with the same Idempotency-Key. */
  public record Added(AttachmentView attachment, boolean replayed) {}

  /** A file to download: what it is and its bytes, exactly as uploaded. */
  public record Download(AttachmentView attachment, byte[] content) {}

  /** The item as the caller may see it, with its procedure and where its author stands. */
  private record Item(Procedure procedure, Subject subject, boolean drafting) {}

  public AttachmentView.Listing list(String processKey, String businessKey, Jurisdiction caller) {
    Item item = visible(processKey, businessKey, caller);
    boolean mayEdit = item.procedure().mayEdit(businessKey, caller);
    List<AttachmentStore.Row> rows = store.of(processKey, businessKey);
    Map<String, String> who = names.of(rows.stream().map(AttachmentStore.Row::uploadedBy).toList());
    Integer current = item.procedure().currentVersion(businessKey);
    return new AttachmentView.Listing(rows.stream().map(r -> view(r, who, mayEdit && removable(r, item, current))).toList(),
        mayEdit, item.procedure().editRule(businessKey), properties.maxSize().toBytes(),
        Arrays.stream(FileType.values()).map(Enum::name).toList());
  }

  /**
   * Adds a file to the item: refused with 413 when larger than the limit, 400 when its content is none of the allowed
   * types, 409 when the caller may not add files now; with an {@code Idempotency-Key} the same upload again answers as
   * the first did and stores nothing.
   */
  public Added add(String processKey, String businessKey, String fileName, byte[] content, String idempotencyKey,
      Jurisdiction caller) {
    Item item = visible(processKey, businessKey, caller);
    if (content == null || content.length == 0) {
      throw new AttachmentInputException("file", "请选择要上传的文件（multipart/form-data 的 file 字段，不能为空文件）");
    }
    if (content.length > properties.maxSize().toBytes()) {
      throw ApiException.tooLarge("附件不能超过" + properties.maxSizeText() + "（" + properties.maxSize().toBytes() + "字节），该文件为"
          + AttachmentTexts.size(content.length) + "（" + content.length + "字节），未保存");
    }
    FileType type = FileType.of(content).orElseThrow(() -> new AttachmentInputException("file",
        "只能上传 " + FileType.allowed() + " 文件（按文件内容识别，与文件名无关），该文件不是其中任何一种"));
    String name = type.nameFor(AttachmentTexts.cleanName(fileName));
    String sha256 = AttachmentTexts.sha256(content);
    IdempotentRequests.Outcome outcome = idempotent.create("attachment:" + processKey, idempotencyKey, caller.userId(),
        String.join("\n", processKey, businessKey, name, sha256), id -> {
          if (!item.procedure().mayEdit(businessKey, caller)) {
            throw ApiException.conflict("现在不能添加附件：" + item.procedure().editRule(businessKey));
          }
          Integer version = item.drafting() ? null : item.procedure().currentVersion(businessKey);
          store.insert(new AttachmentStore.Row(id, processKey, businessKey, version, name, type, content.length, sha256,
              caller.userId(), EngineClock.now()), content);
          audit.record(processKey, businessKey, caller.userId(),
              AuditTrail.Step.of(STAGE, STAGE_NAME, UPLOAD).version(version).target(name));
          refreshForms(item.subject());
          LOG.info("{} added {} ({} {} bytes, sha256 {}) to {} {}", caller.userId(), id, type, content.length, sha256,
              processKey, businessKey);
        });
    AttachmentStore.Row row = store.find(processKey, businessKey, outcome.id()).orElseThrow(() -> ApiException.conflict(
        "使用该 Idempotency-Key 上传的附件已被删除，如需再次上传请换用新的 Idempotency-Key"));
    boolean removable = item.procedure().mayEdit(businessKey, caller)
        && removable(row, item, item.procedure().currentVersion(businessKey));
    return new Added(view(row, names.of(List.of(row.uploadedBy())), removable), outcome.replayed());
  }

  public Download download(String processKey, String businessKey, String id, Jurisdiction caller) {
    visible(processKey, businessKey, caller);
    AttachmentStore.Row row = store.find(processKey, businessKey, id).orElseThrow(() -> notFound(id));
    return new Download(view(row, names.of(List.of(row.uploadedBy())), false), store.content(row.id()));
  }

  /** Removes a file while the caller may change the item's files and the file is not an earlier submission's. */
  @Transactional
  public void remove(String processKey, String businessKey, String id, Jurisdiction caller) {
    Item item = visible(processKey, businessKey, caller);
    AttachmentStore.Row row = store.find(processKey, businessKey, id).orElseThrow(() -> notFound(id));
    if (!item.procedure().mayEdit(businessKey, caller)) {
      throw ApiException.conflict("现在不能删除附件：" + item.procedure().editRule(businessKey));
    }
    if (!removable(row, item, item.procedure().currentVersion(businessKey))) {
      throw ApiException.conflict("“" + row.name() + "”随第" + row.version() + "版提交，随该版存档，不能删除；如需更正，请上传新的文件");
    }
    store.delete(row.id());
    audit.record(processKey, businessKey, caller.userId(),
        AuditTrail.Step.of(STAGE, STAGE_NAME, REMOVE).version(row.version()).target(row.name()));
    refreshForms(item.subject());
    LOG.info("{} removed {} ({}) from {} {}", caller.userId(), id, row.name(), processKey, businessKey);
  }

  /**
   * The procedure submitted this version of the item: the files its author added since it came back (still without
   * a version) now belong to it.
   */
  public void submitted(String processKey, String businessKey, int version) {
    store.stamp(processKey, businessKey, version);
  }

  /**
   * The item's files as a form text (markdown, for a form-js text field): each a download link, which the webapps'
   * login session may follow, with its type, size and version.
   */
  public String markdown(String processKey, String businessKey) {
    List<AttachmentStore.Row> rows = store.of(processKey, businessKey);
    if (rows.isEmpty()) {
      return "**附件**：暂无";
    }
    Map<String, String> who = names.of(rows.stream().map(AttachmentStore.Row::uploadedBy).toList());
    StringBuilder text = new StringBuilder("**附件**（" + rows.size() + "个，点击文件名下载）\n");
    for (AttachmentStore.Row r : rows) {
      String version = r.version() == null ? "尚未提交" : "第" + r.version() + "版";
      String uploader = AttachmentTexts.escape(who.getOrDefault(r.uploadedBy(), r.uploadedBy()));
      text.append("\n- [").append(AttachmentTexts.escape(r.name())).append("](").append(href(r)).append(") · ")
          .append(r.type()).append(" · ").append(AttachmentTexts.size(r.size())).append(" · ").append(version).append(" · ")
          .append(uploader).append("上传");
    }
    return text.toString();
  }

  /** Open tasks of the item whose form lists the files (the procedure filled {@link #FORM_TEXT}) show the new list. */
  private void refreshForms(Subject subject) {
    if (subject.processInstanceId() == null) {
      return;
    }
    String text = markdown(subject.processKey(), subject.businessKey());
    system.call(() -> {
      for (Task t : tasks.createTaskQuery().processInstanceId(subject.processInstanceId()).listPage(0, 200)) {
        if (tasks.getVariableLocal(t.getId(), FORM_TEXT) != null) {
          tasks.setVariableLocal(t.getId(), FORM_TEXT, text);
        }
      }
      return null;
    });
  }

  private Item visible(String processKey, String businessKey, Jurisdiction caller) {
    Subject subject = procedures.visible(processKey, businessKey, caller).orElseThrow(() -> ApiException.notFound("事项不存在",
        "事项 " + businessKey + " 不存在或无权查看"));
    Procedure procedure = procedures.of(processKey).orElseThrow();
    String start = procedure.startStage();
    boolean drafting = start != null && subject.processInstanceId() != null && system.call(() -> tasks.createTaskQuery()
        .processInstanceId(subject.processInstanceId()).taskDefinitionKey(start).count()) > 0;
    return new Item(procedure, subject, drafting);
  }

  /**
   * Not yet submitted, or submitted with the current version and the item not back with its author: an earlier
   * submission's files stay with it.
   */
  private static boolean removable(AttachmentStore.Row row, Item item, Integer current) {
    return row.version() == null || !item.drafting() && Objects.equals(row.version(), current);
  }

  private AttachmentView view(AttachmentStore.Row r, Map<String, String> who, boolean removable) {
    return new AttachmentView(r.id(), r.name(), r.type().name(), r.type().mediaType(), r.size(), r.sha256(), r.version(),
        r.uploadedBy(), who.getOrDefault(r.uploadedBy(), r.uploadedBy()), r.uploadedAt(), removable, href(r));
  }

  private static String href(AttachmentStore.Row r) {
    return "/api/records/" + UriUtils.encodePathSegment(r.subjectType(), StandardCharsets.UTF_8) + "/"
        + UriUtils.encodePathSegment(r.subjectId(), StandardCharsets.UTF_8) + "/attachments/" + r.id();
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("附件不存在", "附件 " + id + " 不存在或无权查看");
  }
}
