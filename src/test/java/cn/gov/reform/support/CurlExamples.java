package cn.gov.reform.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The curl commands of a README section and the answers written under them ({@code # → 201 Location: /api/plans/{id}
 * {"status": "IN_REVIEW"}}), read the way a shell would: a backslash at the end of a line and an open quote continue
 * the command, quotes are removed.
 */
public final class CurlExamples {

  /** One command: method, URL, {@code user:password}, headers, body ({@code @file} as written), and its answer. */
  public record Curl(String text, String method, String url, String credentials, Map<String, String> headers, String body,
      Answer answer) {}

  /** What the README says the command answers (its line): a status, headers, and fields of the JSON body (null when none). */
  public record Answer(String line, int status, Map<String, String> headers, String json) {}

  private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern ANSWER = Pattern.compile("# → (\\d{3})(.*)");
  private static final Pattern HEADER = Pattern.compile("([A-Za-z-]+): (\\S+)");

  private CurlExamples() {}

  /** The text from a heading line (e.g. {@code ## Domain API}) to the next heading of the same or a higher level. */
  public static String section(String markdown, String heading) {
    int level = heading.indexOf(' ');
    StringBuilder text = null;
    boolean fenced = false;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      }
      if (text == null) {
        if (!fenced && line.equals(heading)) {
          text = new StringBuilder();
        }
        continue;
      }
      int hashes = line.length() - line.replaceFirst("^#+", "").length();
      if (!fenced && hashes > 0 && hashes <= level && line.startsWith(" ", hashes)) {
        break;
      }
      text.append(line).append('\n');
    }
    if (text == null) {
      throw new AssertionError("README has no section " + heading);
    }
    return text.toString();
  }

  /** The contents of every {@code ```bash} block of a text, in order. */
  public static List<String> bashBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher m = BASH_BLOCK.matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  /** Every curl command of the bash blocks, each with the answer line that follows it. */
  public static List<Curl> curls(String markdown) {
    List<Curl> curls = new ArrayList<>();
    for (String block : bashBlocks(markdown)) {
      List<String> commands = new ArrayList<>();
      List<String> answers = new ArrayList<>();
      StringBuilder open = null;
      for (String line : block.split("\n")) {
        if (open != null) {
          open.append('\n').append(line);
        } else if (line.startsWith("#")) {
          if (line.startsWith("# → ") && !commands.isEmpty()) {
            answers.set(commands.size() - 1, line);
          }
          continue;
        } else if (line.isBlank()) {
          continue;
        } else {
          open = new StringBuilder(line);
        }
        String text = open.toString();
        if (text.endsWith("\\")) {
          open.setLength(open.length() - 1);
        } else if (!insideQuotes(text)) {
          commands.add(text);
          answers.add(null);
          open = null;
        }
      }
      for (int i = 0; i < commands.size(); i++) {
        if (commands.get(i).startsWith("curl ")) {
          curls.add(curl(commands.get(i), answers.get(i)));
        }
      }
    }
    return curls;
  }

  private static Curl curl(String text, String answerLine) {
    List<String> words = words(text);
    String method = null;
    String url = null;
    String credentials = null;
    String body = null;
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      switch (w) {
        case "-u" -> credentials = words.get(++i);
        case "-X" -> method = words.get(++i);
        case "-d" -> body = words.get(++i);
        case "-H" -> {
          String h = words.get(++i);
          headers.put(h.substring(0, h.indexOf(':')).strip(), h.substring(h.indexOf(':') + 1).strip());
        }
        default -> {
          if (!w.startsWith("http://")) {
            throw new AssertionError("a curl option this test cannot run: " + w + " in " + text);
          }
          url = w;
        }
      }
    }
    if (method == null) {
      method = body == null ? "GET" : "POST";
    }
    return new Curl(text, method, url, credentials, headers, body, answer(answerLine));
  }

  private static Answer answer(String line) {
    if (line == null) {
      return null;
    }
    Matcher m = ANSWER.matcher(line);
    if (!m.matches()) {
      throw new AssertionError("an answer line should read '# → <status> [Header: value] [JSON]': " + line);
    }
    String rest = m.group(2).strip();
    int json = jsonStart(rest);
    Map<String, String> headers = new LinkedHashMap<>();
    Matcher h = HEADER.matcher(json < 0 ? rest : rest.substring(0, json));
    while (h.find()) {
      headers.put(h.group(1), h.group(2));
    }
    return new Answer(line, Integer.parseInt(m.group(1)), headers, json < 0 ? null : rest.substring(json));
  }

  /** Where the JSON of an answer starts: an object's {@code {"} or an array's {@code [} (a header value may hold {id}). */
  private static int jsonStart(String rest) {
    int object = rest.indexOf("{\"");
    int array = rest.indexOf('[');
    if (object < 0 || array >= 0 && array < object) {
      return array;
    }
    return object;
  }

  private static boolean insideQuotes(String text) {
    char quote = 0;
    for (char c : text.toCharArray()) {
      if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      }
    }
    return quote != 0;
  }

  /** Words as a shell splits them: quotes group and are removed, nothing inside them is special. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : text.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
