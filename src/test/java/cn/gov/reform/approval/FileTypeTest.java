package cn.gov.reform.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import cn.gov.reform.support.SampleFiles;

/** What a file is, read from its content; how its name is kept and offered for download. */
class FileTypeTest {

  @Test
  void shouldRecogniseEachTypeByItsContentAlone() {
    assertThat(FileType.of(SampleFiles.pdf())).hasValue(FileType.PDF);
    assertThat(FileType.of(SampleFiles.docx())).hasValue(FileType.DOCX);
    assertThat(FileType.of(SampleFiles.xlsx())).hasValue(FileType.XLSX);
    assertThat(FileType.of(SampleFiles.ofd())).hasValue(FileType.OFD);
    assertThat(FileType.of(SampleFiles.jpg())).hasValue(FileType.JPG);
    assertThat(FileType.of(SampleFiles.png())).hasValue(FileType.PNG);
  }

  @Test
  void shouldRefuseProgramsAndZipsThatAreNoDocument() {
    assertThat(FileType.of(SampleFiles.windowsProgram())).isEmpty();
    assertThat(FileType.of(SampleFiles.plainZip())).isEmpty();
    byte[] docx = SampleFiles.docx();
    assertThat(FileType.of(Arrays.copyOf(docx, docx.length / 2))).as("a zip cut off before its directory").isEmpty();
    assertThat(FileType.of(new byte[0])).isEmpty();
    assertThat(FileType.of("%PD".getBytes())).isEmpty();
  }

  @Test
  void shouldKeepTheNameWithoutFoldersOrControlCharactersEndingInTheTypesExtension() {
    assertThat(FileType.PDF.nameFor(AttachmentTexts.cleanName("C:\\Users\\县编办\\磁窑镇测算说明.pdf"))).isEqualTo("磁窑镇测算说明.pdf");
    assertThat(FileType.PDF.nameFor(AttachmentTexts.cleanName("方案\n说明.PDF"))).isEqualTo("方案说明.PDF");
    assertThat(FileType.PDF.nameFor(AttachmentTexts.cleanName("plan.exe"))).isEqualTo("plan.exe.pdf");
    assertThat(FileType.JPG.nameFor(AttachmentTexts.cleanName("现场.jpeg"))).isEqualTo("现场.jpeg");
    assertThat(FileType.PNG.nameFor(AttachmentTexts.cleanName(""))).isEqualTo("附件.png");
    assertThat(FileType.PDF.nameFor(AttachmentTexts.cleanName("长".repeat(300) + ".pdf"))).hasSize(190).endsWith("长.pdf");
  }

  @Test
  void shouldOfferAChineseNameForDownloadAsRfc5987Says() {
    assertThat(AttachmentController.disposition("磁窑镇 \"终稿\".pdf"))
        .isEqualTo("attachment; filename=\"___ ____.pdf\"; filename*=UTF-8''%E7%A3%81%E7%AA%91%E9%95%87%20%22%E7%BB%88%E7%A8%BF%22.pdf");
  }
}
