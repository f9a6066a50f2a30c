package cn.gov.reform.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.reform.identity.DemoUsers;
import cn.gov.reform.identity.RegionDirectory;

/**
 * Copies the towns the documents list ({@value #LIST}: each with its entry year and the clause) into the list table at
 * start, in every profile: a town that was ever on a list is left as the table has it (its later exits and entries are the
 * procedures' to record), so this runs once in effect and a restart changes nothing. Runs before the demo data.
 */
@Component
@Order(DemoUsers.FIRST - 1)
class DevelopedTownListLoader implements ApplicationRunner {

  static final String LIST = "developed-towns/list.csv";
  private static final Logger LOG = LoggerFactory.getLogger(DevelopedTownListLoader.class);

  /** One row of the file: a town, its province, the year it entered and the clause that listed it. */
  record Row(String townshipCode, String townshipName, String provinceCode, int enteredYear, String basis) {}

  private final DevelopedTowns towns;
  private final RegionDirectory regions;
  private final TransactionTemplate transaction;

  DevelopedTownListLoader(DevelopedTowns towns, RegionDirectory regions, PlatformTransactionManager transactions) {
    this.towns = towns;
    this.regions = regions;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Override
  public void run(ApplicationArguments args) {
    int written = 0;
    for (Row row : rows()) {
      RegionDirectory.Region county = regions.countyOfTownship(row.townshipCode()).flatMap(regions::county)
          .orElseThrow(() -> new IllegalStateException(LIST + ": 未知乡镇代码 " + row.townshipCode()));
      if (!county.provinceCode().equals(row.provinceCode())) {
        throw new IllegalStateException(LIST + ": " + row.townshipName() + " 不属于省级代码 " + row.provinceCode());
      }
      try {
        Boolean added = transaction.execute(status -> {
          if (towns.everListed(row.townshipCode())) {
            return false;
          }
          towns.enter(new ListedTown(row.townshipCode(), row.townshipName(), null, county.code(), county.cityCode(),
              county.provinceCode(), row.enteredYear(), row.basis(), null, true, null, null, null, null, null));
          return true;
        });
        written += Boolean.TRUE.equals(added) ? 1 : 0;
      } catch (DuplicateKeyException anotherNode) {
        // another node of the cluster wrote it at the same moment
      }
    }
    LOG.info("Developed-town lists: {} towns in {}, {} written now", rows().size(), LIST, written);
  }

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(LIST).getInputStream(),
        StandardCharsets.UTF_8))) {
      boolean header = true;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split(",", 5);
        rows.add(new Row(f[0].strip(), f[1].strip(), f[2].strip(), Integer.parseInt(f[3].strip()), f[4].strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + LIST, e);
    }
    return rows;
  }
}
