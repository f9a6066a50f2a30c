package cn.gov.reform.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The task lists shipped as data ({@code classpath:supervision/*.yml}), read and checked once at start: a list that names
 * an unknown unit, has a task without deadline or yearly rule, or repeats a task number stops the start with a message.
 */
@Component
public class TaskLists {

  private static final String PATTERN = "classpath*:supervision/*.yml";

  private final Map<String, TaskList> lists = new LinkedHashMap<>();

  public TaskLists() {
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    try {
      Resource[] files = new PathMatchingResourcePatternResolver().getResources(PATTERN);
      for (Resource file : files) {
        try (InputStream in = file.getInputStream()) {
          Object raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
          TaskList list = json.convertValue(plain(raw), TaskList.class);
          check(list, file.getFilename());
          lists.put(list.id(), list);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the task lists " + PATTERN, e);
    }
  }

  public Optional<TaskList> of(String id) {
    return Optional.ofNullable(id == null ? null : lists.get(id));
  }

  public Collection<TaskList> all() {
    return lists.values();
  }

  /** YAML's dates (2018-12-15 unquoted) as the ISO text the records read. */
  private static Object plain(Object value) {
    if (value instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), ZoneOffset.UTC).toString();
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
      return copy;
    }
    if (value instanceof List<?> l) {
      return l.stream().map(TaskLists::plain).toList();
    }
    return value;
  }

  private static void check(TaskList list, String file) {
    List<String> problems = new ArrayList<>();
    if (list.id() == null || !list.id().matches("[a-z0-9-]{1,60}")) {
      problems.add("id 应为1—60个小写字母、数字或连字符");
    }
    if (list.region() == null || !list.region().matches("[0-9]{6}")) {
      problems.add("region 应为6位地区代码");
    }
    Set<String> keys = new HashSet<>();
    for (TaskList.Unit u : list.units()) {
      if (!u.key().matches("[a-z]{1,12}") || !keys.add(u.key())) {
        problems.add("责任单位简称 " + u.key() + " 应为1—12个小写字母且不重复");
      }
    }
    Set<String> numbers = new HashSet<>();
    for (TaskList.Item t : list.tasks()) {
      if (t.no() == null || !t.no().matches("[0-9A-Za-z.-]{1,10}") || !numbers.add(t.no())) {
        problems.add("任务序号 " + t.no() + " 应为1—10个字母或数字且不重复");
      }
      if ((t.deadline() == null) == (t.recurring() == null)) {
        problems.add("任务 " + t.no() + " 须有 deadline 或 recurring 之一");
      }
      if (t.source() == null || t.source().isBlank()) {
        problems.add("任务 " + t.no() + " 没有依据（source）");
      }
      t.units().stream().filter(k -> !keys.contains(k)).forEach(k -> problems.add("任务 " + t.no() + " 的责任单位 " + k + " 未定义"));
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("督查任务清单 " + file + " 有误：" + String.join("；", problems));
    }
  }
}
