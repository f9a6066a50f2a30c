package cn.gov.reform.catalogue;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.Procedures;
import cn.gov.reform.approval.VersionDiff;
import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.engine.AccessRefusedException;
import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.engine.SystemAccess;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.IdempotentRequests;

/**
 * The only writer of a catalogue's state: creating (a township's first catalogue, or an adjustment of its published
 * one), revising while it is back at the county, and every step of its approval, each with its timeline entry; and
 * reading catalogues for the API within the caller's region. The process is started and carried by the engine.
 */
@Service
public class CatalogueService {

  private final CatalogueRepository catalogues;
  private final CatalogueInput input;
  private final RegionDirectory regions;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final SystemAccess system;
  private final ObjectMapper json;
  private final IdempotentRequests idempotent;
  private final AuditTrail audit;
  private final Procedures procedures;
  private final CatalogueProperties properties;
  private final WorkingDayCalendar calendar;

  CatalogueService(CatalogueRepository catalogues, CatalogueInput input, RegionDirectory regions, RuntimeService runtime,
      TaskService tasks, SystemAccess system, ObjectMapper json, IdempotentRequests idempotent, AuditTrail audit,
      Procedures procedures, CatalogueProperties properties, WorkingDayCalendar calendar) {
    this.catalogues = catalogues;
    this.input = input;
    this.regions = regions;
    this.runtime = runtime;
    this.tasks = tasks;
    this.system = system;
    this.json = json;
    this.idempotent = idempotent;
    this.audit = audit;
    this.procedures = procedures;
    this.properties = properties;
    this.calendar = calendar;
  }

  record Created(CatalogueView catalogue, boolean replayed) {}

  /**
   * Stores the catalogue and its first version and starts its approval, in one transaction: a catalogue that cannot be
   * accepted leaves nothing behind. With an {@code Idempotency-Key}, the same request again answers as the first did.
   */
  Created create(CatalogueRequest request, String idempotencyKey, Jurisdiction caller) {
    IdempotentRequests.Outcome created = idempotent.create(CatalogueKeys.PROCESS, idempotencyKey, caller.userId(),
        write(request), id -> {
          input.check(request);
          catalogues.open(request.townshipCode()).ifPresent(open -> {
            throw ApiException.conflict(alreadyOpen(open));
          });
          Catalogue c = register(id, request, caller);
          runtime.createProcessInstanceByKey(CatalogueKeys.PROCESS).businessKey(id)
              .setVariable(CatalogueKeys.VAR_CATALOGUE_ID, id).setVariable(CatalogueKeys.VAR_PROVINCE, c.provinceCode()).execute();
        });
    return new Created(view(created.id()), created.replayed());
  }

  /**
   * Stores a new catalogue with its first version, for the API and for Tasklist's start form: the township's first
   * (edition 1, with its province's campaign deadline) or an adjustment of its published catalogue (the next edition).
   */
  Catalogue register(String id, CatalogueRequest request, Jurisdiction caller) {
    RegionDirectory.Region county = input.check(request);
    if (!caller.canDraftFor(county.code())) {
      throw new AccessRefusedException("只有" + regions.describeCounty(county.code()) + "的起草人员（drafter" + county.code()
          + "）可以起草该县的放权赋权目录");
    }
    catalogues.open(request.townshipCode()).ifPresent(open -> {
      throw new CatalogueInputException("townshipCode", alreadyOpen(open));
    });
    Catalogue published = catalogues.published(request.townshipCode()).orElse(null);
    explained(published, request);
    String township = regions.townshipName(request.townshipCode()).orElseThrow();
    Instant now = EngineClock.now();
    Catalogue c = new Catalogue(id, request.title().strip(), request.townshipCode(), township, request.townshipType(),
        regions.describeCounty(county.code()) + " · " + township, county.code(), county.cityCode(), county.provinceCode(),
        CatalogueStatus.IN_REVIEW, 1, published == null ? 1 : published.edition() + 1, published == null ? null : published.id(),
        null, published == null ? properties.deadline(county.provinceCode()) : null, null, null, caller.userId(), now, now);
    catalogues.insert(c);
    catalogues.insertVersion(id, 1, request, caller.userId(), now);
    return c;
  }

  private static String alreadyOpen(Catalogue open) {
    return open.townshipName() + "已有正在审批的目录（" + open.title() + "，" + open.status().label() + "），办结后才能提交新的目录或调整";
  }

  /** A new version while the catalogue waits at draftCatalogue; earlier versions are kept. */
  @Transactional
  public CatalogueView revise(String id, CatalogueRequest request, Jurisdiction caller) {
    visible(id, caller);
    Catalogue c = catalogues.findForUpdate(id).orElseThrow(() -> notFound(id));
    if (!caller.canDraftFor(c.countyCode())) {
      throw ApiException.forbidden("只有本县的起草人员（drafter" + c.countyCode() + "）可以修订目录");
    }
    checkRevision(c, request);
    Task draft = c.processInstanceId() == null ? null : system.call(() -> tasks.createTaskQuery()
        .processInstanceId(c.processInstanceId()).taskDefinitionKey(CatalogueKeys.DRAFT).singleResult());
    if (draft == null) {
      throw ApiException.conflict("目录当前状态为“" + c.status().label() + "”，只有退回县里起草或修改时才能修订");
    }
    int version = addVersion(c, request, caller.userId(), draft.getId());
    system.call(() -> {
      tasks.setVariablesLocal(draft.getId(), CatalogueFormValues.of(content(id, version), version));
      return null;
    });
    return view(id);
  }

  /** Whether a revision can be accepted: a valid catalogue of the same township and type, an adjustment explained. */
  void checkRevision(Catalogue c, CatalogueRequest request) {
    input.check(request);
    if (!request.townshipCode().equals(c.townshipCode())) {
      throw new CatalogueInputException("townshipCode", "目录所属乡镇不能更改（应为 " + c.townshipCode() + "）");
    }
    if (request.townshipType() != c.townshipType()) {
      throw new CatalogueInputException("townshipType", "乡镇类型不能在修订中更改（应为 " + c.townshipType() + "）");
    }
    explained(c.revisesId() == null ? null : find(c.revisesId()), request);
  }

  /** An adjustment of {@code inForce} gives its reasons (a first catalogue, {@code inForce} null, takes nothing back). */
  private void explained(Catalogue inForce, CatalogueRequest request) {
    List<FieldError> errors = CatalogueDiff.unexplained(inForce == null ? null : items(inForce), request,
        inForce == null ? 0 : inForce.edition());
    if (!errors.isEmpty()) {
      throw new CatalogueInputException(errors);
    }
  }

  private List<CatalogueRequest.Item> items(Catalogue c) {
    return catalogues.items(c.id(), c.currentVersion());
  }

  /**
   * What the catalogue changes against the edition in force when it was drafted (the edition it adjusts; nothing for a
   * first catalogue, whose powers are all added): from that edition's number to this one's.
   */
  VersionDiff changes(Catalogue c) {
    CatalogueRequest content = content(c.id(), c.currentVersion());
    List<CatalogueRequest.Item> inForce = c.revisesId() == null ? List.of() : items(find(c.revisesId()));
    return new VersionDiff(c.edition() - 1, c.edition(), CatalogueDiff.between(inForce, content.items(), content.takenBack()));
  }

  /** Stores the request as the catalogue's next version, makes it current and records the revision. */
  int addVersion(Catalogue c, CatalogueRequest request, String actor, String taskId) {
    int version = c.currentVersion() + 1;
    catalogues.insertVersion(c.id(), version, request, actor, EngineClock.now());
    catalogues.setCurrentVersion(c.id(), version, request.title().strip());
    record(c.id(), actor, AuditTrail.Step.of("revision", "修订目录", "REVISE").version(version).task(taskId));
    return version;
  }

  CatalogueView get(String id, Jurisdiction caller) {
    visible(id, caller);
    return view(id);
  }

  CatalogueRepository.Page list(CatalogueRepository.Filter filter, Jurisdiction caller, int page, int size) {
    return catalogues.list(filter, caller, page, size);
  }

  /** The catalogue if the caller may read it (their region covers it, or it was copied to them); 404 otherwise. */
  Catalogue visible(String id, Jurisdiction caller) {
    Catalogue c = catalogues.find(id).orElseThrow(() -> notFound(id));
    if (!procedures.mayRead(CatalogueKeys.PROCESS, id, c.countyCode(), c.cityCode(), c.provinceCode(), caller)) {
      throw notFound(id); // existence of another region's catalogue is private
    }
    return c;
  }

  Catalogue find(String id) {
    return catalogues.find(id).orElseThrow(() -> new IllegalStateException("catalogue " + id + " not stored"));
  }

  /** A version as it was submitted. */
  CatalogueRequest content(String id, int version) {
    Catalogue c = find(id);
    return new CatalogueRequest(catalogues.versionTitle(id, version), c.townshipCode(), c.townshipType(),
        catalogues.items(id, version), catalogues.takenBack(id, version));
  }

  CatalogueView view(String id) {
    Catalogue c = find(id);
    CatalogueRequest content = content(id, c.currentVersion());
    List<String> stages = c.processInstanceId() == null ? List.of() : system.call(() -> tasks.createTaskQuery()
        .processInstanceId(c.processInstanceId()).listPage(0, 100).stream().map(Task::getTaskDefinitionKey).distinct().sorted()
        .toList());
    return new CatalogueView(c.id(), c.title(), c.townshipCode(), c.townshipName(), c.townshipType(), c.regionName(),
        c.countyCode(), c.cityCode(), c.provinceCode(), c.processInstanceId(), c.status(), stages, c.currentVersion(),
        c.edition(), c.revisesId(), c.deadline(), c.overdue(calendar.today()), c.approvalNumber(), c.publishedAt(),
        content.items(), content.takenBack(), catalogues.findings(id, c.currentVersion()),
        c.revisesId() == null ? null : changes(c), c.createdAt(), c.updatedAt(),
        timeline(id));
  }

  private String write(CatalogueRequest request) {
    try {
      return json.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- the process's steps: every change of a catalogue's state during its approval, with its timeline entry -----

  void record(String id, String actor, AuditTrail.Step step) {
    audit.record(CatalogueKeys.PROCESS, id, actor, step);
  }

  List<TimelineEntry> timeline(String id) {
    return audit.timeline(CatalogueKeys.PROCESS, id);
  }

  /** The catalogue's approval has started (from the API or Tasklist's start form). */
  void started(Catalogue c, String processInstanceId, String actor) {
    catalogues.setProcessInstance(c.id(), processInstanceId);
    record(c.id(), actor, AuditTrail.Step.of(CatalogueKeys.STARTED, c.revisesId() == null ? "提交目录" : "提交目录调整", "SUBMIT")
        .version(1));
  }

  /** A task of the catalogue was created: it is back with its county (DRAFT) or in review. */
  void waitingAt(String id, boolean withCounty) {
    catalogues.updateStatus(id, withCounty ? CatalogueStatus.DRAFT : CatalogueStatus.IN_REVIEW);
  }

  /** The chain its current version takes (确定审批链), as the timeline names it. */
  void routed(Catalogue c, CatalogueRoute route) {
    record(c.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(CatalogueKeys.DETERMINE_ROUTE, "确定审批链", "ROUTED").opinion(route.name())
        .version(c.currentVersion()));
  }

  /** The legal checks of the current version: findings stored with it, the result in the timeline. */
  void checked(Catalogue c, List<Finding> findings) {
    catalogues.replaceFindings(c.id(), c.currentVersion(), findings);
    record(c.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(CatalogueKeys.CHECK, "合法性校验",
        Finding.errors(findings) > 0 ? "FAILED" : "PASSED").opinion(Finding.summary(findings)).version(c.currentVersion()));
  }

  List<Finding> findings(Catalogue c) {
    return catalogues.findings(c.id(), c.currentVersion());
  }

  /**
   * The catalogue is published under its approval's number: its township's catalogue in force from now on; the edition
   * it adjusts is superseded and stays in the history.
   */
  void publish(Catalogue c, String approvalNumber) {
    catalogues.published(c.id(), approvalNumber);
    record(c.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(CatalogueKeys.PUBLISH, "公布目录", CatalogueStatus.PUBLISHED.name())
        .opinion("第" + c.edition() + "版，" + approvalNumber).version(c.currentVersion()).target(approvalNumber));
    if (c.revisesId() != null) {
      catalogues.updateStatus(c.revisesId(), CatalogueStatus.SUPERSEDED);
      record(c.revisesId(), AuditTrail.SYSTEM, AuditTrail.Step.of(CatalogueKeys.PUBLISH, "被新版取代",
          CatalogueStatus.SUPERSEDED.name()).opinion("第" + c.edition() + "版（" + approvalNumber + "）公布，本版存档").target(c.id()));
    }
  }

  /** The catalogue's approval ended at an end event with this status. */
  void finished(String id, CatalogueStatus status, String endEvent) {
    catalogues.updateStatus(id, status);
    record(id, AuditTrail.SYSTEM, AuditTrail.Step.of(endEvent, status.label(), status.name()));
  }

  static ApiException notFound(String id) {
    return ApiException.notFound("目录不存在", "目录 " + id + " 不存在或无权查看");
  }
}
