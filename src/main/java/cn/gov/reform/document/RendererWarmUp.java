package cn.gov.reform.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On a first start with demo data, lays out one small document in both formats on a background thread while Spring
 * and the engine start on the other core: loading PDFBox, POI and the CJK font takes about 2 s, which the first 批复 of
 * the demo data (and so the readiness of the app) would otherwise wait for. Nothing is stored.
 */
@Component
@ConditionalOnProperty(name = "app.demo-data", havingValue = "true")
class RendererWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(RendererWarmUp.class);

  RendererWarmUp(PdfRenderer pdf, DocxRenderer docx) {
    Composition sample = new Composition(new IssuingBody("warm-up", List.of("某某县人民政府"), "某政", "某某县人民政府办公室", "—"),
        "某政〔2026〕1号", LocalDate.of(2026, 1, 5), new DocumentContent("批复", "关于某某事项的批复", List.of("某某镇人民政府"), List.of(
            new DocumentContent.Heading(1, "一、总体要求"), new DocumentContent.Paragraph("同意。Test 2026."),
            new DocumentContent.Table(List.of(new DocumentContent.Column("事项", 3), new DocumentContent.Column("方式", 1)),
                List.of(List.of("乡村建设规划许可", "赋权")))), List.of()));
    Thread t = new Thread(() -> {
      long start = System.nanoTime();
      try {
        pdf.render(sample, Instant.EPOCH);
        docx.render(sample, Instant.EPOCH);
        LOG.debug("document renderers warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
      } catch (RuntimeException e) {
        LOG.debug("document warm-up failed (the first real document pays the loading instead)", e);
      }
    }, "document-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }
}
