package cn.gov.reform.catalogue;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.catalogues}: the date by which each province's townships are to have their first catalogue (e.g. Gansu
 * 2020-12-31, 通办发〔2020〕6号 二(四)8), by province code; none where a province sets none.
 */
@ConfigurationProperties("app.catalogues")
record CatalogueProperties(Map<String, LocalDate> deadlines) {

  CatalogueProperties {
    deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
  }

  LocalDate deadline(String provinceCode) {
    return deadlines.get(provinceCode);
  }
}
