package cn.gov.reform.document;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a procedure has to say in an official document, before it is numbered and laid out: its 文种 (批复, 通知), title,
 * 主送机关, body and 抄送机关. The body is a list of blocks; headings are numbered by their level as GB/T 9704-2012 7.3.3
 * orders them (一、 （一） 1. (1)), so a procedure gives their text only.
 */
public record DocumentContent(String kind, String title, List<String> addressees, List<Block> body, List<String> copiesTo) {

  public DocumentContent {
    addressees = List.copyOf(addressees);
    body = List.copyOf(body);
    copiesTo = List.copyOf(copiesTo);
  }

  /** A part of the body. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({@JsonSubTypes.Type(value = Heading.class, name = "heading"),
      @JsonSubTypes.Type(value = Paragraph.class, name = "paragraph"), @JsonSubTypes.Type(value = Table.class, name = "table")})
  public sealed interface Block permits Heading, Paragraph, Table {}

  /** A heading of level 1 (一、, 黑体) to 4 ((1), 仿宋); the text without its number. */
  public record Heading(int level, String text) implements Block {

    public Heading {
      if (level < 1 || level > 4) {
        throw new IllegalArgumentException("heading level 1-4: " + level);
      }
    }
  }

  /** A paragraph of body text (首行缩进二字). */
  public record Paragraph(String text) implements Block {}

  /** A table: its columns with their relative widths, and its rows of text cells. */
  public record Table(List<Column> columns, List<List<String>> rows) implements Block {

    public Table {
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
      for (List<String> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns");
        }
      }
    }
  }

  /** A table column: its heading and its share of the table's width. */
  public record Column(String label, int weight) {}
}
